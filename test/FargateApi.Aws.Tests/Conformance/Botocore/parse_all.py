"""Second opinion on the response generator: botocore's own parsers read every SampleResponses answer; each output
member the generator writes (all but those cut by its recursion limit) must come back populated (BotocoreCrossCheckTests).

usage: parse_all.py <responses.json> <service>=<models-root>...   prints one line per problem, then "checked N"
  (each service read from its own root: the models may come from several folders, as the locator found them)
"""
import base64
import json
import sys

import botocore.loaders
from botocore.model import ServiceModel
from botocore.parsers import create_parser

MAX_DEPTH = 10  # SampleValues.MaxDepth


def walk(shape, value, path, stack, problems):
    kind = shape.type_name
    if kind == 'structure':
        if shape.is_document_type:
            return
        members = list(shape.members.items())
        if shape.is_tagged_union:
            members = members[:1]
        for name, member in members:
            if member.serialization.get('location') == 'statusCode':
                continue
            target = member
            while target.type_name in ('list', 'map'):
                target = target.member if target.type_name == 'list' else target.value
            if target.type_name == 'structure' and (target.name in stack + [shape.name] or len(stack) + 1 >= MAX_DEPTH):
                continue
            if name not in value:
                problems.append(f'{path}.{name} missing')
                continue
            walk(member, value[name], f'{path}.{name}', stack + [shape.name], problems)
    elif kind == 'list':
        if len(value) != 2:
            problems.append(f'{path} has {len(value)} items, expected 2')
        if value:
            walk(shape.member, value[0], f'{path}[0]', stack, problems)
    elif kind == 'map':
        if len(value) != 1:
            problems.append(f'{path} has {len(value)} entries, expected 1')
        for item in list(value.values())[:1]:
            walk(shape.value, item, f'{path}{{}}', stack, problems)
    elif value is None or value == '':
        problems.append(f'{path} is empty')


def main(responses, roots):
    loaders = {root: botocore.loaders.Loader(extra_search_paths=[root], include_default_search_paths=False) for root in roots.values()}
    models = {}
    problems = []
    checked = 0
    for response in json.load(open(responses)):
        service = response['service']
        if service not in models:
            models[service] = ServiceModel(loaders[roots[service]].load_service_model(service, 'service-2'), service)
        operation = models[service].operation_model(response['operation'])
        if operation.output_shape is None or operation.has_event_stream_output:
            continue
        if any(m.serialization.get('streaming') for m in operation.output_shape.members.values()):
            continue
        checked += 1
        where = f"{service}:{response['operation']}"
        parser = create_parser(models[service].metadata['protocol'])
        http = {'status_code': response['status'], 'headers': response['headers'], 'body': base64.b64decode(response['body'])}
        try:
            parsed = parser.parse(http, operation.output_shape)
        except Exception as error:  # any parser failure is a generator bug
            problems.append(f'{where} does not parse: {error}')
            continue
        walk(operation.output_shape, parsed, where, [], problems)
    for problem in problems:
        print(problem)
    print(f'checked {checked}')


if __name__ == '__main__':
    main(sys.argv[1], dict(argument.split('=', 1) for argument in sys.argv[2:]))
