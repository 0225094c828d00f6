#!/usr/bin/python3
"""Generates a key reference from a JSON schema: docs/CONFIG.md's from
configs/schema/scenario.schema.json, docs/SWEEPS.md's from configs/schema/sweep.schema.json.

Usage: /usr/bin/python3 scripts/schema_doc.py [--schema FILE] [--write docs/CONFIG.md]
Without --write, prints the reference; with it, replaces the text between the
<!-- schema:begin --> and <!-- schema:end --> markers. tests/integration/python/test_docs.py fails
when a committed reference differs from what this script generates.
"""
import argparse
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "configs" / "schema" / "scenario.schema.json"
BEGIN, END = "<!-- schema:begin -->", "<!-- schema:end -->"


def resolve(schema, node):
    while isinstance(node, dict) and "$ref" in node:
        target = schema
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        node = target
    return node


def describe_type(node):
    if "enum" in node:
        return " or ".join(f"`{json.dumps(v)}`" for v in node["enum"])
    kind = node.get("type", "")
    if kind == "array":
        return "array"
    if kind == "object" and isinstance(node.get("additionalProperties"), dict):
        return "object of " + node["additionalProperties"].get("type", "values")
    return kind


def constraints(node):
    parts = []
    for key, text in (("minimum", ">= {}"), ("exclusiveMinimum", "> {}"), ("maximum", "<= {}"),
                      ("minItems", "at least {} items"), ("maxItems", "at most {} items"),
                      ("minLength", "length >= {}"), ("maxLength", "length <= {}")):
        if key in node:
            parts.append(text.format(json.dumps(node[key])))
    if "pattern" in node:
        parts.append(f"matches `{node['pattern']}`")
    return ", ".join(parts)


def rows(schema, node, path, required):
    own = node
    node = resolve(schema, node)
    description = own.get("description") or node.get("description", "")
    default = own.get("default", node.get("default"))
    if path and not path.endswith("[]"):
        shown_default = "required" if path.split(".")[-1].rstrip("[]") in required else (
            "" if default is None else f"`{json.dumps(default)}`")
        yield (f"`{path}`", describe_type(node), shown_default, constraints(node), description)
    if node.get("type") == "object" and "properties" in node:
        for key, child in node["properties"].items():
            yield from rows(schema, child, f"{path}.{key}" if path else key,
                            set(node.get("required", [])))
    if "allOf" in node:
        yield from branch_rows(schema, node, path)
    if node.get("type") == "array" and isinstance(node.get("items"), dict):
        item = resolve(schema, node["items"])
        if item.get("type") == "object":
            yield from rows(schema, item, f"{path}[]", set())


def branch_rows(schema, node, path):
    """Subschemas picked by if/then on `type` (the policy levers): the keys they share once, then
    each branch's own keys (and shared keys whose default differs) as PATH[type=NAME].KEY."""
    branches = [(part["if"]["properties"]["type"]["const"], resolve(schema, part["then"]))
                for part in node["allOf"] if "if" in part]
    if not branches:
        return
    shared = set.intersection(*(set(b["properties"]) for _, b in branches)) - {"type"}
    first = branches[0][1]
    for key, child in first["properties"].items():
        if key in shared:  # documented with the shared definition's own default
            shared_node = {k: v for k, v in child.items() if k != "default"}
            yield from rows(schema, shared_node, f"{path}.{key}", set(first.get("required", [])))
    for name, branch in branches:
        base = f"{path[:-2] if path.endswith('[]') else path}[type={name}]"
        yield (f"`{base}`", "object", "", "", branch.get("description", ""))
        for key, child in branch["properties"].items():
            if key == "type":
                continue
            if key in shared:
                if "default" in child:  # a lever's own default for a shared key
                    yield (f"`{base}.{key}`", describe_type(resolve(schema, child)),
                           f"`{json.dumps(child['default'])}`", "",
                           "this lever's default (a `target` given replaces it whole)")
                continue
            yield from rows(schema, child, f"{base}.{key}", set(branch.get("required", [])))


def reference(schema_path=SCHEMA):
    schema = json.loads(pathlib.Path(schema_path).read_text())
    lines = ["| key | type | default | allowed | meaning and source |",
             "|---|---|---|---|---|"]
    for row in rows(schema, schema, "", set(schema.get("required", []))):
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schema", type=pathlib.Path, default=SCHEMA)
    parser.add_argument("--write", type=pathlib.Path)
    args = parser.parse_args()
    text = reference(args.schema)
    if not args.write:
        print(text)
        return
    document = args.write.read_text()
    if BEGIN not in document or END not in document:
        sys.exit(f"{args.write}: no {BEGIN} ... {END} markers")
    head, rest = document.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    args.write.write_text(f"{head}{BEGIN}\n{text}\n{END}{tail}")


if __name__ == "__main__":
    main()
