"""Hostile input: a table of mutated scenarios, generated from the scenario schema and the
merged combination scenario (every lever present), each fed to `laborsim validate`. Every bad
value must be refused with exit code 2 and a message naming its JSON path; every bound must be
accepted exactly at its limit; nothing may crash (docs/RELIABILITY.md)."""
import concurrent.futures
import copy
import json
import math
import os
import subprocess

import h5py
import pytest

from conftest import LABORSIM, SOURCE_DIR

SCHEMA = json.loads((SOURCE_DIR / "configs" / "schema" / "scenario.schema.json").read_text())
UNKNOWN = "no_such_key"


def resolve(node):
    while "$ref" in node:
        node = SCHEMA["definitions"][node["$ref"].split("/")[-1]]
    return node


def applicable(node, instance):
    """The schema nodes that apply to `instance` at `node`: the node itself, its allOf parts, and
    the `then` of every if/then whose condition (a `const` on a property) the instance meets."""
    node = resolve(node)
    nodes = [node]
    for part in node.get("allOf", []):
        condition = part.get("if")
        if condition is None:
            nodes += applicable(part, instance)
            continue
        consts = {k: v["const"] for k, v in condition.get("properties", {}).items() if "const" in v}
        if isinstance(instance, dict) and all(instance.get(k) == v for k, v in consts.items()):
            nodes += applicable(part["then"], instance)
    return nodes


def leaves(nodes, instance, path=()):
    """(path, value, merged schema constraints) of every scalar in the instance, and the objects
    as (path, object, nodes)."""
    if isinstance(instance, dict):
        yield ("object", path, instance, nodes)
        for key, value in instance.items():
            children = []
            for node in nodes:
                if key in node.get("properties", {}):
                    children += applicable(node["properties"][key], value)
            yield from leaves(children, value, path + (key,))
    elif isinstance(instance, list):
        for index, value in enumerate(instance):
            if not representative(path, index, instance):
                continue
            children = []
            for node in nodes:
                if "items" in node:
                    children += applicable(node["items"], value)
            yield from leaves(children, value, path + (index,))
    else:
        merged = {}
        for node in nodes:
            merged.update({k: v for k, v in node.items() if k != "description"})
        yield ("scalar", path, instance, merged)


def representative(path, index, items):
    """The array items the table mutates: every policy (each is another lever), the first home
    and the first destination region, and the first item of any other array (the rest are the
    same schema again)."""
    if path == ("policies",):
        return True
    if path == ("regions",):
        kinds = [region.get("kind") for region in items]
        return index in {kinds.index(kind) for kind in set(kinds)}
    return index == 0


def pointer(path):
    return "/" + "/".join(str(p) for p in path)


def with_value(base, path, value):
    scenario = copy.deepcopy(base)
    target = scenario
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return scenario


def without_key(base, path, key):
    scenario = copy.deepcopy(base)
    target = scenario
    for step in path:
        target = target[step]
    del target[key]
    return scenario


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    """The combination scenario merged and validated, as a run records it (every key explicit)."""
    out = tmp_path_factory.mktemp("base") / "combination.h5"
    subprocess.run([LABORSIM, "run", str(SOURCE_DIR / "configs" / "scenarios" / "combination.json"),
                    "--set", "population.scale=0.01", "--set", "burn_in_months=0", "--months", "1",
                    "-q", "-o", str(out)], check=True, capture_output=True)
    with h5py.File(out, "r") as f:
        text = f.attrs["config"]
    return json.loads(text.decode() if isinstance(text, bytes) else text)


def validate_all(cases, tmp_path):
    """Runs `laborsim validate` on every (name, text) case, two at a time; returns
    {name: (exit code, stderr)}."""
    def one(index_case):
        index, (name, text) = index_case
        path = tmp_path / f"case{index}.json"
        path.write_text(text)
        result = subprocess.run([LABORSIM, "validate", str(path)], capture_output=True, text=True,
                                timeout=60)
        return name, (result.returncode, result.stderr)
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        return dict(pool.map(one, enumerate(cases)))


def bound_cases(base):
    """Just outside each bound (refused) and exactly at it (accepted)."""
    refused, accepted = [], []
    for kind, path, value, schema in leaves(applicable(SCHEMA, base), base):
        if kind != "scalar" or schema.get("type") not in ("number", "integer"):
            continue
        integer = schema["type"] == "integer"
        for key, outside_step, inclusive in (("minimum", -1, True), ("maximum", +1, True),
                                             ("exclusiveMinimum", 0, False),
                                             ("exclusiveMaximum", 0, False)):
            if key not in schema:
                continue
            bound = schema[key]
            if inclusive:
                outside = bound + outside_step if integer else math.nextafter(
                    bound, math.copysign(math.inf, outside_step))
                accepted.append((f"{pointer(path)} = {key} {bound}", with_value(base, path, bound),
                                 pointer(path)))
            else:
                outside = bound
            refused.append((f"{pointer(path)} = {outside} (past {key} {bound})",
                            with_value(base, path, outside), pointer(path)))
    return refused, accepted


def wrong_type_cases(base):
    cases = []
    for kind, path, value, schema in leaves(applicable(SCHEMA, base), base):
        if kind != "scalar" or not path or path[-1] == "type":
            continue
        wrong = "a string" if isinstance(value, (int, float)) and not isinstance(value, bool) \
            else [value] if isinstance(value, str) else 3
        cases.append((f"{pointer(path)} = {wrong!r}", with_value(base, path, wrong), pointer(path)))
    return cases


def structure_cases(base):
    """An unknown key in every object; every required key removed."""
    cases = []
    for kind, path, value, nodes in leaves(applicable(SCHEMA, base), base):
        if kind != "object":
            continue
        closed = any(node.get("additionalProperties") is False for node in nodes)
        if closed:
            cases.append((f"{pointer(path)}/{UNKNOWN} added", with_value(base, path + (UNKNOWN,), 1)
                          if path else dict(copy.deepcopy(base), **{UNKNOWN: 1}),
                          pointer(path) if path else UNKNOWN))
        for node in nodes:
            for key in node.get("required", []):
                if key in value:
                    cases.append((f"{pointer(path + (key,))} removed",
                                  without_key(base, path, key), pointer(path) if path else key))
    return cases


def test_every_bound_is_refused_just_outside_and_accepted_at_its_limit(base, tmp_path):
    refused, accepted = bound_cases(base)
    cases = [(n, json.dumps(s, allow_nan=False)) for n, s, _ in refused] + \
            [(n, json.dumps(s, allow_nan=False)) for n, s, _ in accepted]
    results = validate_all(cases, tmp_path)
    problems = []
    for name, scenario, where in refused:
        code, stderr = results[name]
        if code != 2 or where not in stderr:
            problems.append(f"{name}: exit {code}, {stderr.strip()[:200]}")
    for name, scenario, where in accepted:
        code, stderr = results[name]
        # At its limit a value passes its own bound; a rule across fields may still refuse it
        # (a destination-only key on a home region, more communities than grids), and then says
        # which, exit 2.
        if code != 0 and (code != 2 or f"{where}: Expected number" in stderr):
            problems.append(f"{name}: refused at the limit: {stderr.strip()[:200]}")
    assert not problems, "\n".join(problems)
    assert len(refused) >= 200 and len(accepted) >= 100, (len(refused), len(accepted))
    # Cross-field refusals at a limit are the exception (5 of 352 when written).
    crossed = [name for name, _, _ in accepted if results[name][0] != 0]
    assert len(crossed) <= 0.05 * len(accepted), crossed


def test_wrong_types_unknown_and_missing_keys_are_refused_naming_the_path(base, tmp_path):
    cases = wrong_type_cases(base) + structure_cases(base)
    results = validate_all([(n, json.dumps(s)) for n, s, _ in cases], tmp_path)
    problems = [f"{name}: exit {results[name][0]}, {results[name][1].strip()[:200]}"
                for name, _, where in cases
                if results[name][0] != 2 or where not in results[name][1]]
    assert not problems, "\n".join(problems)
    assert len(cases) >= 250, len(cases)


def test_malformed_and_inconsistent_scenarios_are_refused(base, tmp_path):
    text = json.dumps(base)
    first_link = base["links"][0]
    cases = [
        ("NaN", text.replace('"months": 1', '"months": NaN', 1), "malformed JSON"),
        ("Infinity", text.replace('"months": 1', '"months": Infinity', 1), "malformed JSON"),
        ("overflow to inf", text.replace('"months": 1', '"months": 1e999', 1), "number overflow"),
        ("duplicate key", text.replace('"seed": ', '"seed": 1, "seed": ', 1), "/seed: duplicate key"),
        ("truncated", text[: len(text) // 2], "malformed JSON"),
        ("empty file", "", "malformed JSON"),
        ("not an object", "[]", "a scenario must be a JSON object"),
        ("deep nesting", text.replace('"description": ', '"description": ' + "[" * 100000
                                      + "]" * 100000 + ', "x": ', 1), "/description"),
        ("huge array", json.dumps(dict(base, regions=base["regions"] * 2000)), "/regions"),
        ("empty region graph", json.dumps(dict(base, regions=[])), "/regions"),
        ("no links", json.dumps(dict(base, links=[])), "cannot be reached from any home region"),
        ("unknown region in a link",
         json.dumps(with_value(base, ("links", 0, "from"), "Atlantis")), "/links/0/from"),
        ("disconnected destination",
         json.dumps(dict(base, links=[l for l in base["links"] if l["to"] != first_link["to"]
                                      and l["from"] != first_link["to"]])),
         "cannot be reached from any home region"),
        ("duplicate region",
         json.dumps(dict(base, regions=base["regions"] + base["regions"][:1])), "/regions"),
    ]
    results = validate_all([(n, t) for n, t, _ in cases], tmp_path)
    problems = [f"{name}: exit {results[name][0]}, {results[name][1].strip()[:300]}"
                for name, _, expected in cases
                if results[name][0] != 2 or expected not in results[name][1]]
    assert not problems, "\n".join(problems)


def test_the_table_holds_at_least_500_mutations(base):
    refused, accepted = bound_cases(base)
    total = len(refused) + len(accepted) + len(wrong_type_cases(base)) + len(structure_cases(base))
    assert total >= 500, total
