"""Validates documents against schema/fargate-api.schema.json with Python's jsonschema (an independent validator).

usage: validate_with_jsonschema.py SCHEMA CASES
  CASES is a JSON list of {"name": ..., "instance": ...}. Prints one JSON object: {"jsonschema": version,
  "schemaProblems": [...], "results": {name: [error messages]}}. The schema itself is first checked against the
  draft 2020-12 metaschema with the format checker, which compiles every "pattern" with Python's re (as the
  pattern keyword does): a pattern outside the portable ECMA-262 subset (such as \\p{L}) fails there.
"""
import json
import sys
from importlib.metadata import version

import jsonschema


def main(schema_path, cases_path):
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    with open(cases_path, encoding="utf-8") as f:
        cases = json.load(f)
    validator_class = jsonschema.Draft202012Validator
    schema_problems = [error.message for error in validator_class(validator_class.META_SCHEMA, format_checker=validator_class.FORMAT_CHECKER).iter_errors(schema)]
    results = {}
    if not schema_problems:
        validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
        for case in cases:
            results[case["name"]] = sorted(error.message for error in validator.iter_errors(case["instance"]))
    json.dump({"jsonschema": version("jsonschema"), "schemaProblems": schema_problems, "results": results}, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
