#!/usr/bin/env python3
"""Checks a Security Hub BatchImportFindings request body against the Security Hub API model that
ships with botocore: unknown members, wrong JSON types, enum values, missing required members.

Usage: check-asff.py FILE    exit 0 when it conforms, 1 when not, 2 when botocore is missing.
"""
import gzip, json, os, sys

def shapes():
    try:
        import botocore
    except ImportError:
        print("botocore is not installed: nothing checked", file=sys.stderr)
        sys.exit(2)
    path = os.path.join(os.path.dirname(botocore.__file__), "data", "securityhub", "2018-10-26", "service-2.json.gz")
    return json.load(gzip.open(path))["shapes"]

def check(model, name, value, where, errors):
    shape = model[name]
    kind = shape["type"]
    if kind == "structure":
        if not isinstance(value, dict):
            errors.append("%s: expected object %s" % (where, name)); return
        members = shape.get("members", {})
        for key, v in value.items():
            if key not in members:
                errors.append("%s.%s: not a member of %s" % (where, key, name)); continue
            check(model, members[key]["shape"], v, where + "." + key, errors)
        for req in shape.get("required", []):
            if req not in value:
                errors.append("%s: missing required %s" % (where, req))
    elif kind == "list":
        if not isinstance(value, list):
            errors.append("%s: expected array" % where); return
        for i, v in enumerate(value):
            check(model, shape["member"]["shape"], v, "%s[%d]" % (where, i), errors)
    elif kind == "map":
        if not isinstance(value, dict):
            errors.append("%s: expected map" % where); return
        for k, v in value.items():
            check(model, shape["value"]["shape"], v, "%s[%r]" % (where, k), errors)
    elif kind == "string":
        if not isinstance(value, str):
            errors.append("%s: expected string, got %r" % (where, value)); return
        if "enum" in shape and value not in shape["enum"]:
            errors.append("%s: %r is not one of %s" % (where, value, name))
        if shape.get("min") and len(value) < shape["min"]:
            errors.append("%s: shorter than %d" % (where, shape["min"]))
    elif kind in ("integer", "long"):
        if isinstance(value, bool) or not isinstance(value, int):
            errors.append("%s: expected integer, got %r" % (where, value))
    elif kind in ("double", "float"):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            errors.append("%s: expected number, got %r" % (where, value))
    elif kind == "boolean":
        if not isinstance(value, bool):
            errors.append("%s: expected boolean, got %r" % (where, value))

def main():
    model = shapes()
    body = json.load(open(sys.argv[1], encoding="utf-8"))
    errors = []
    check(model, "BatchImportFindingsRequest", body, "$", errors)
    for e in errors[:200]:
        print(e)
    print("%d findings checked against BatchImportFindingsRequest: %d problems" % (len(body.get("Findings", [])), len(errors)))
    return 1 if errors or not body.get("Findings") else 0

sys.exit(main())
