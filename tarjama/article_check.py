"""Is an articles/*.json an article record? Checked against the shipped JSON Schema
(tarjama/schemas/article.schema.json) wherever a file is read back: the review page, the
exports, `tarjama eval OUT`.

A small validator of its own, not jsonschema: jsonschema is a test dependency only, and the
list page checks every file it shows. On one record of 60 sentences, jsonschema.validate took
46 ms, a compiled Draft202012Validator 14 ms, this one 1.7 ms (so a page of 100 rows costs
0.2 s, not 1.4 s). It reads the keywords the schema uses (type, required, properties,
additionalProperties, items, const, enum, pattern, minimum/maximum, minLength/maxLength,
minItems/maxItems, $ref into $defs) and refuses a schema with any other, so a schema that
grows a keyword cannot be half-checked; tests/test_damaged_outputs.py compares it with
jsonschema on written and damaged records.
"""

from __future__ import annotations

import functools
import re
from typing import Any, Callable

Check = Callable[[Any, str], "str | None"]

_ANNOTATIONS = {"$schema", "$id", "title", "description", "$defs"}
_TYPES: dict[str, Callable[[Any], bool]] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    # JSON Schema counts 1.0 as an integer, as jsonschema does.
    "integer": lambda v: (isinstance(v, int) and not isinstance(v, bool)) or (isinstance(v, float) and v.is_integer()),
}


def _kind(value: Any) -> str:
    for name in ("null", "boolean", "integer", "number", "string", "array", "object"):
        if _TYPES[name](value):
            return name
    return type(value).__name__


def compile_schema(schema: dict, defs: dict[str, Check] | None = None) -> Check:
    """A function (value, path) -> the first problem found, as one line, or None. `defs`:
    the compiled $defs of the root schema, filled once the root is compiled."""
    if defs is None:
        defs = {}
        top = compile_schema(schema, defs)
        defs.update({name: compile_schema(sub, defs) for name, sub in schema.get("$defs", {}).items()})
        return top
    unknown = set(schema) - _ANNOTATIONS - {"type", "required", "properties", "additionalProperties", "items", "const",
                                             "enum", "pattern", "minimum", "maximum", "minLength", "maxLength",
                                             "minItems", "maxItems", "$ref"}
    if unknown:
        raise ValueError(f"the article schema uses {', '.join(sorted(unknown))}, which article_check does not read")
    checks: list[Check] = []
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/$defs/")
        checks.append(lambda v, p: defs[name](v, p))
    if "type" in schema:
        names = [schema["type"]] if isinstance(schema["type"], str) else list(schema["type"])
        tests = [_TYPES[n] for n in names]
        checks.append(lambda v, p: None if any(t(v) for t in tests) else
                      f"{p or 'the record'} is {_kind(v)}, expected {' or '.join(names)}")
    if "const" in schema:
        const = schema["const"]
        # As JSON Schema compares: 1 and 1.0 are equal, true and 1 are not.
        checks.append(lambda v, p: None if v == const and isinstance(v, bool) == isinstance(const, bool) else
                      f"{p} is not {const!r}")
    if "enum" in schema:
        allowed = schema["enum"]
        checks.append(lambda v, p: None if v in allowed else f"{p} is not one of {', '.join(map(repr, allowed))}")
    if "pattern" in schema:
        pattern = re.compile(schema["pattern"])
        checks.append(lambda v, p: None if not isinstance(v, str) or pattern.search(v) else
                      f"{p} does not match {schema['pattern']}")
    if "minimum" in schema:
        low = schema["minimum"]
        checks.append(lambda v, p: None if not _TYPES["number"](v) or v >= low else f"{p} is below {low}")
    if "maximum" in schema:
        high = schema["maximum"]
        checks.append(lambda v, p: None if not _TYPES["number"](v) or v <= high else f"{p} is above {high}")
    if "minLength" in schema:
        shortest = schema["minLength"]
        checks.append(lambda v, p: None if not isinstance(v, str) or len(v) >= shortest else
                      f"{p} is shorter than {shortest} characters")
    if "maxLength" in schema:
        longest = schema["maxLength"]
        checks.append(lambda v, p: None if not isinstance(v, str) or len(v) <= longest else
                      f"{p} is longer than {longest} characters")
    if "minItems" in schema or "maxItems" in schema:
        fewest, most = schema.get("minItems", 0), schema.get("maxItems")
        checks.append(lambda v, p: None if not isinstance(v, list) or (len(v) >= fewest and (most is None or len(v) <= most))
                      else f"{p} has {len(v)} items")
    if "required" in schema:
        required = schema["required"]
        checks.append(lambda v, p: None if not isinstance(v, dict) else next(
            (f"{p + '.' if p else ''}{k} is missing" for k in required if k not in v), None))
    properties = {k: compile_schema(s, defs) for k, s in schema.get("properties", {}).items()}
    extra = schema.get("additionalProperties", True)
    extra_check = None if isinstance(extra, bool) else compile_schema(extra, defs)
    if properties or extra is not True:
        def object_check(v: Any, p: str) -> str | None:
            if not isinstance(v, dict):
                return None
            for key, value in v.items():
                at = f"{p}.{key}" if p else str(key)
                if key in properties:
                    problem = properties[key](value, at)
                elif extra is False:
                    problem = f"{at} is not a field of an article record"
                elif extra_check is not None:
                    problem = extra_check(value, at)
                else:
                    continue
                if problem:
                    return problem
            return None
        checks.append(object_check)
    if "items" in schema:
        item = compile_schema(schema["items"], defs)

        def array_check(v: Any, p: str) -> str | None:
            if not isinstance(v, list):
                return None
            for i, value in enumerate(v):
                problem = item(value, f"{p}[{i}]")
                if problem:
                    return problem
            return None
        checks.append(array_check)

    def check(value: Any, path: str) -> str | None:
        for one in checks:
            problem = one(value, path)
            if problem:
                return problem
        return None
    return check


@functools.lru_cache(maxsize=1)
def _article_check() -> Check:
    from tarjama.article_json import article_schema

    return compile_schema(article_schema())


def problem(record: Any) -> str | None:
    """Why a record read from an articles/*.json file is not an article record, or None."""
    return _article_check()(record, "")
