"""Second opinion on the request validator: botocore's own serializers write a fully populated request for every
operation of the given models; RequestValidator must accept them all (BotocoreCrossCheckTests).

usage: serialize_all.py <service>=<models-root>... > requests.json
  (each service read from its own root: the models may come from several folders, as the locator found them)
"""
import base64
import datetime
import json
import sys
import urllib.parse

import botocore.loaders
from botocore.model import ServiceModel
from botocore.serialize import create_serializer

MAX_DEPTH = 8


def sample(shape, stack):
    """A value for every member, mirroring SampleValues: lists of two, maps of one, enums their first value."""
    kind = shape.type_name
    if kind == 'structure':
        if shape.name in stack or len(stack) > MAX_DEPTH:
            return None
        if shape.is_document_type:
            return {'a': 1}
        members = list(shape.members.items())
        if shape.is_tagged_union:
            members = members[:1]
        result = {}
        for name, member in members:
            value = sample(member, stack + [shape.name])
            if value is not None:
                result[name] = value
        return result
    if kind == 'list':
        item = sample(shape.member, stack)
        return None if item is None else [item, item]
    if kind == 'map':
        value = sample(shape.value, stack)
        return None if value is None else {sample(shape.key, stack): value}
    if kind == 'string':
        return shape.enum[0] if shape.enum else 'abc'
    if kind in ('integer', 'long'):
        return int(max(shape.metadata.get('min', 1), 1))
    if kind in ('double', 'float'):
        return 1.5
    if kind == 'boolean':
        return True
    if kind == 'timestamp':
        return datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
    if kind == 'blob':
        return b'sample'
    return None


def main(roots):
    loaders = {root: botocore.loaders.Loader(extra_search_paths=[root], include_default_search_paths=False) for root in roots.values()}
    out = []
    for service, root in roots.items():
        model = ServiceModel(loaders[root].load_service_model(service, 'service-2'), service)
        serializer = create_serializer(model.metadata['protocol'], include_validation=False)
        for name in model.operation_names:
            operation = model.operation_model(name)
            params = {} if operation.input_shape is None else sample(operation.input_shape, [])
            request = serializer.serialize_to_request(params, operation)
            body = request['body']
            if isinstance(body, dict):
                body = urllib.parse.urlencode(body, quote_via=urllib.parse.quote)
            if isinstance(body, str):
                body = body.encode()
            path = request['url_path']
            if request.get('query_string'):
                path += ('&' if '?' in path else '?') + urllib.parse.urlencode(request['query_string'], doseq=True)
            headers = {k: v for k, v in request['headers'].items() if k.lower() != 'content-type'}
            out.append({
                'service': service, 'operation': name, 'method': request['method'], 'path': path, 'headers': headers,
                'contentType': request['headers'].get('Content-Type'), 'body': base64.b64encode(body or b'').decode(),
            })
    json.dump(out, sys.stdout)


if __name__ == '__main__':
    main(dict(argument.split('=', 1) for argument in sys.argv[1:]))
