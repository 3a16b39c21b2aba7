"""The digest's acceptance scenarios as files a policy person can read and add to.

Each file under ``docs/scenarios/`` holds the scenarios of one topic of the digest
(§9.1, §9.2, …). A scenario names its digest sentence and source, and gives one or more
examples; each example is either

- a **case** (the structure of ``docs/case.schema.json``, in YAML, or ``based_on`` a
  worked example with ``changes``), evaluated exactly as ``portique rules evaluate``
  evaluates a case, its expectations read from the same report; or
- a **rule** with its explicit inputs (a single rule that no case reaches yet), the
  result's fields checked by name.

``run`` prints one line per scenario and ends with ``scenarios: N passed, M failed``.
Scenarios that no case can express yet are listed, with the reason, in the folder's
README.md (a table row ``| AS-nn | why |``); the runner prints them too, and a digest
scenario that is neither written nor listed is a failure: nothing is skipped silently.

Pure Python like the rest of ``portique.rules``: the command passes in how to check a
case against the schema and how to turn an evaluation into its report.
"""

from __future__ import annotations

import copy
import dataclasses
import importlib
import inspect
import json
import re
import types
import typing
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

import yaml

from .case import CaseFormatError, case_from_dict
from .evaluate import evaluate
from .reasons import Reason

DIGEST_SCENARIOS = tuple(f"AS-{n:02d}" for n in range(1, 137))
# A README row: | AS-nn | not expressible | why | (or "not written": a scenario still to write).
_ROW = re.compile(r"^\|\s*(AS-\d+)\s*\|\s*(not expressible|not written)\s*\|\s*(.+?)\s*\|\s*$")


@dataclass
class Outcome:
    passed: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    not_expressible: list[str] = field(default_factory=list)
    not_written: list[str] = field(default_factory=list)


class ScenarioError(Exception):
    """The scenario file itself is wrong (unknown rule, bad path…): the scenario fails."""


@dataclass(frozen=True)
class Hooks:
    """What the runner needs from outside the rules: the schema check and the report."""

    schema_problems: Callable[[dict], list[str]]
    report: Callable[[Any, Any], dict]
    root: Path  # the repository, for ``based_on`` paths


def run(paths: Iterable[Path], hooks: Hooks, write: Callable[[str], Any]) -> Outcome:
    outcome = Outcome()
    files: list[Path] = []
    folders: list[Path] = []
    for path in paths:
        if path.is_dir():
            folders.append(path)
            files.extend(sorted(path.glob("*.yaml")))
        else:
            files.append(path)
    seen: set[str] = set()
    for file in files:
        for scenario_id, failure in _run_file(file, hooks):
            seen.add(scenario_id)
            if failure is None:
                outcome.passed.append(scenario_id)
                write(f"{scenario_id} passed")
            else:
                outcome.failed.append(scenario_id)
                write(f"{scenario_id} FAILED: {failure}")
    # A folder is the whole set: every digest scenario is written or declared not expressible.
    for folder in folders:
        gaps = listed_gaps(folder / "README.md")
        for scenario_id, (status, why) in gaps.items():
            if scenario_id in seen:
                outcome.failed.append(scenario_id)
                write(f"{scenario_id} FAILED: written in a file and also listed as {status} in README.md")
                continue
            (outcome.not_expressible if status == "not expressible" else outcome.not_written).append(scenario_id)
            write(f"{scenario_id} {status} yet: {why}")
        for scenario_id in DIGEST_SCENARIOS:
            if scenario_id not in seen and scenario_id not in gaps:
                outcome.failed.append(scenario_id)
                write(f"{scenario_id} FAILED: no scenario file and not listed in {folder}/README.md")
    if outcome.not_expressible or outcome.not_written:
        write(
            f"not expressible yet: {len(outcome.not_expressible)}, not written yet: {len(outcome.not_written)}"
            " (listed in README.md)"
        )
    write(f"scenarios: {len(outcome.passed)} passed, {len(outcome.failed)} failed")
    return outcome


def listed_gaps(readme: Path) -> dict[str, tuple[str, str]]:
    """The README's rows of scenarios not (yet) run: ``| AS-nn | not expressible | why |``."""
    if not readme.exists():
        return {}
    rows = {}
    for line in readme.read_text(encoding="utf-8").splitlines():
        match = _ROW.match(line)
        if match:
            rows[match.group(1)] = (match.group(2), match.group(3))
    return rows


def _run_file(file: Path, hooks: Hooks) -> list[tuple[str, str | None]]:
    try:
        content = yaml.safe_load(file.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        return [(file.name, f"cannot read {file}: {error}")]
    if not isinstance(content, dict) or not isinstance(content.get("scenarios"), list):
        return [(file.name, f"{file} has no list 'scenarios'")]
    results = []
    for index, scenario in enumerate(content["scenarios"]):
        scenario_id = str(scenario.get("id") or f"{file.name}#{index + 1}")
        try:
            failure = _run_scenario(scenario, file, hooks)
        except ScenarioError as error:
            failure = str(error)
        except Exception as error:  # a rule that breaks fails its scenario, not the whole run
            failure = f"the rules raised {type(error).__name__}: {error}"
        results.append((scenario_id, failure))
    return results


def _run_scenario(scenario: dict, file: Path, hooks: Hooks) -> str | None:
    examples = scenario.get("examples") or [scenario]
    for number, example in enumerate(examples, start=1):
        label = example.get("label") or (f"example {number}" if len(examples) > 1 else "")
        if "expect" not in example or not example["expect"]:
            raise ScenarioError(f"{label or 'the scenario'} states no expected outcome")
        if "case" in example or "based_on" in example:
            actual = _evaluate_case(example, file, hooks)
        elif "rule" in example:
            actual = _call_rule(example["rule"], example.get("inputs") or {})
        else:
            raise ScenarioError(f"{label or 'the scenario'} has neither a case nor a rule")
        failures = _check(example["expect"], actual)
        if failures:
            return (f"{label}: " if label else "") + "; ".join(failures)
    return None


# --- Cases ----------------------------------------------------------------------------------------


def _evaluate_case(example: dict, file: Path, hooks: Hooks) -> dict:
    if "based_on" in example:
        base = Path(example["based_on"])
        base = base if base.is_absolute() else hooks.root / base
        try:
            data = json.loads(base.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise ScenarioError(f"cannot read {example['based_on']}: {error}") from None
    else:
        data = _plain(example["case"])
    data = copy.deepcopy(data)
    for path, value in (example.get("changes") or {}).items():
        _set(data, path, _plain(value))
    for path, items in (example.get("add") or {}).items():
        # Items added at the end of a list: add: {documents: [{code: PHOTO, person: child2}]}
        node, key = _steps(data, path)
        target = node.setdefault(key, []) if isinstance(node, dict) else node[key]
        if not isinstance(target, list):
            raise ScenarioError(f"{path!r} is not a list")
        target.extend(_plain(items))
    for path in example.get("remove") or ():
        _remove(data, path)
    for code in example.get("remove_documents") or ():
        data["documents"] = [d for d in data.get("documents", ()) if d.get("code") != code]
    for person in example.get("remove_people") or ():
        # The person, and every document and signature that is theirs.
        data["people"] = [p for p in data["people"] if p.get("id") != person]
        for key in ("documents", "signatures"):
            data[key] = [item for item in data.get(key, ()) if item.get("person") != person]
    problems = hooks.schema_problems(data)
    if problems:
        raise ScenarioError("the case does not follow the case schema: " + "; ".join(problems))
    try:
        case = case_from_dict(data)
    except CaseFormatError as error:
        raise ScenarioError(f"the case cannot be read: {error}") from None
    result = evaluate(case)
    report = hooks.report(case, result)
    # Reasons by code are what a scenario names most; keep them at hand.
    report["reason_codes"] = sorted({r["code"] for r in report["reasons"]})
    return report


def _plain(value: Any) -> Any:
    """YAML reads 2025-03-15 as a date; a case is JSON, so dates go back to text."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def _steps(data: Any, path: str) -> tuple[Any, str | int]:
    """Walk ``people.pa.answers.IMM0008`` — a list is entered by index or by an item's ``id``."""
    parts = path.split(".")
    node = data
    for part in parts[:-1]:
        node = _enter(node, part, path)
    last = parts[-1]
    return node, (_list_index(node, last, path) if isinstance(node, list) else last)


def _enter(node: Any, part: str, path: str) -> Any:
    if isinstance(node, list):
        return node[_list_index(node, part, path)]
    if isinstance(node, dict):
        return node.setdefault(part, {})
    raise ScenarioError(f"cannot follow {path!r} at {part!r}")


def _list_index(node: list, part: str, path: str) -> int:
    if part.lstrip("-").isdigit():
        return int(part)
    for index, item in enumerate(node):
        if isinstance(item, dict) and (item.get("id") == part or item.get("code") == part):
            return index
    raise ScenarioError(f"{path!r}: no item {part!r}")


def _set(data: Any, path: str, value: Any) -> None:
    node, key = _steps(data, path)
    if isinstance(node, list) and key == len(node):
        node.append(value)
    else:
        node[key] = value


def _remove(data: Any, path: str) -> None:
    node, key = _steps(data, path)
    try:
        del node[key]
    except (KeyError, IndexError):
        raise ScenarioError(f"nothing to remove at {path!r}") from None


# --- Rules ----------------------------------------------------------------------------------------


def _call_rule(name: str, inputs: dict) -> Any:
    module_name, _, function_name = str(name).rpartition(".")
    try:
        module = importlib.import_module(f"portique.rules.{module_name}")
        function = getattr(module, function_name)
    except (ImportError, AttributeError):
        raise ScenarioError(f"no rule {name!r} in portique.rules") from None
    hints = _hints(function)
    parameters = inspect.signature(function).parameters
    arguments = {}
    for key, value in inputs.items():
        if key not in parameters:
            raise ScenarioError(f"{name} has no input {key!r}")
        arguments[key] = _convert(value, hints.get(key), module)
    try:
        return function(**arguments)
    except (TypeError, ValueError) as error:
        raise ScenarioError(f"{name} refused its inputs: {error}") from None


def _hints(target: Any) -> dict[str, Any]:
    try:
        return typing.get_type_hints(target)
    except Exception:  # a hint only imported for type checkers: use the raw value
        return {}


def _convert(value: Any, hint: Any, module: types.ModuleType) -> Any:
    """Turn a YAML value into what the rule's signature asks for (enums, dataclasses, dates…)."""
    if isinstance(value, dict) and set(value) <= {"rule", "inputs"} and "rule" in value:
        # An input that is itself a rule's answer: quote: {rule: fees.quote_…, inputs: {…}}
        return _call_rule(value["rule"], value.get("inputs") or {})
    if value is None or hint is None or hint is Any:
        return value
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [h for h in typing.get_args(hint) if h is not type(None)]
        if isinstance(value, dict) and "kind" in value:
            for option in options:
                if isinstance(option, type) and option.__name__ == value["kind"]:
                    return _convert({k: v for k, v in value.items() if k != "kind"}, option, module)
            raise ScenarioError(f"kind {value['kind']!r} is not one of {[getattr(o, '__name__', o) for o in options]}")
        for option in options:
            converted = _convert(value, option, module)
            if converted is not value or _fits(value, option):
                return converted
        return value
    if origin in (tuple, list, frozenset, set) or (
        origin is not None and isinstance(origin, type) and issubclass(origin, Iterable) and not issubclass(origin, dict)
    ):
        args = [a for a in typing.get_args(hint) if a is not Ellipsis]
        item_hint = args[0] if args else None
        items = [_convert(v, item_hint, module) for v in (value if isinstance(value, list) else [value])]
        return (origin if origin in (tuple, list, frozenset, set) else tuple)(items)
    if not isinstance(hint, type):
        return value
    if issubclass(hint, Enum) and isinstance(value, str):
        for member in hint:
            if value in (member.value, member.name, member.name.lower()):
                return member
        raise ScenarioError(f"{value!r} is not one of {[m.value for m in hint]}")
    if dataclasses.is_dataclass(hint) and isinstance(value, dict):
        field_hints = _hints(hint)
        names = {f.name for f in dataclasses.fields(hint)}
        unknown = set(value) - names
        if unknown:
            raise ScenarioError(f"{hint.__name__} has no field {sorted(unknown)}")
        return hint(**{k: _convert(v, field_hints.get(k), module) for k, v in value.items()})
    if hint is Decimal and isinstance(value, (int, float, str)):
        return Decimal(str(value))
    if hint is date and isinstance(value, str):
        return date.fromisoformat(value)
    if hint is datetime and isinstance(value, date) and not isinstance(value, datetime):
        return datetime(value.year, value.month, value.day)
    return value


def _fits(value: Any, hint: Any) -> bool:
    return isinstance(hint, type) and isinstance(value, hint)


# --- Expectations ---------------------------------------------------------------------------------


def _check(expect: dict, actual: Any) -> list[str]:
    failures = []
    for key, expected in expect.items():
        if key == "reasons_present":
            codes = _reason_codes(actual)
            missing = [code for code in expected if code not in codes]
            if missing:
                failures.append(f"expected reasons {missing}, got {sorted(codes)}")
        elif key == "reasons_absent":
            codes = _reason_codes(actual)
            present = [code for code in expected if code in codes]
            if present:
                failures.append(f"expected no reason {present}, got them")
        elif key == "blocking":
            # These reasons are there and block (the application is returned or cannot go on).
            blocking = _blocking_codes(actual)
            missing = [code for code in expected if code not in blocking]
            if missing:
                failures.append(f"expected blocking reasons {missing}, got blocking {sorted(blocking)}")
        elif key == "contains":
            for path, items in expected.items():
                got = _get(actual, path)
                for item in items:
                    if not any(_same(item, candidate) for candidate in _iterable(got)):
                        failures.append(f"expected {path} to contain {_show(item)}, got {_show(got)}")
        elif key == "excludes":
            for path, items in expected.items():
                got = _get(actual, path)
                for item in items:
                    if any(_same(item, candidate) for candidate in _iterable(got)):
                        failures.append(f"expected {path} not to contain {_show(item)}, got {_show(got)}")
        else:
            got = _get(actual, key)
            if not _same(expected, got):
                failures.append(f"expected {key} = {_show(expected)}, got {_show(got)}")
    return failures


def _blocking_codes(actual: Any) -> set[str]:
    if isinstance(actual, dict) and "reasons" in actual:
        return {r["code"] for r in actual["reasons"] if r.get("severity") == "blocking"}
    found: set[Reason] = set()
    _collect_reason_objects(actual, found, depth=0)
    return {r.code for r in found if r.severity.value == "blocking"}


def _collect_reason_objects(value: Any, found: set, depth: int) -> None:
    if depth > 6:
        return
    if isinstance(value, Reason):
        found.add(value)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            _collect_reason_objects(getattr(value, item.name), found, depth + 1)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            _collect_reason_objects(item, found, depth + 1)
    elif isinstance(value, dict):
        for item in value.values():
            _collect_reason_objects(item, found, depth + 1)


def _reason_codes(actual: Any) -> set[str]:
    if isinstance(actual, dict) and "reason_codes" in actual:
        return set(actual["reason_codes"])
    found: set[Reason] = set()
    _collect_reason_objects(actual, found, depth=0)
    return {r.code for r in found}


_MISSING = object()


def _get(actual: Any, path: str) -> Any:
    node = actual
    for part in str(path).split("."):
        if isinstance(node, dict):
            node = node.get(part, _MISSING)
        elif isinstance(node, (list, tuple)):
            if part.lstrip("-").isdigit() and -len(node) <= int(part) < len(node):
                node = node[int(part)]
            else:
                matches = [i for i in node if part in _names(i)]
                if matches:
                    node = matches[0]
                elif node and all(_has(i, part) for i in node):
                    # Every item's field: checklist.code is the list of the checklist's codes.
                    node = [i[part] if isinstance(i, dict) else getattr(i, part) for i in node]
                else:
                    node = _MISSING
        else:
            attribute = getattr(node, part, _MISSING)
            node = attribute() if callable(attribute) and not isinstance(attribute, type) else attribute
        if node is _MISSING:
            raise ScenarioError(f"the result has no {path!r}")
    return node


def _has(item: Any, name: str) -> bool:
    return name in item if isinstance(item, dict) else hasattr(item, name)


def _names(item: Any) -> set[str]:
    """How a list item is named in a path: its id or code (a fee line by its fee, a person's
    entry by its person)."""
    names = set()
    for key in ("id", "code", "fee", "person"):
        value = item.get(key) if isinstance(item, dict) else getattr(item, key, None)
        if isinstance(value, Enum):
            value = value.value
        if isinstance(value, str):
            names.add(value)
    return names


def _iterable(value: Any) -> list:
    if isinstance(value, dict):
        return list(value)
    if isinstance(value, (list, tuple, set, frozenset)):
        return list(value)
    return [value]


def _same(expected: Any, got: Any) -> bool:
    if isinstance(got, Enum):
        return _same(expected, got.value) or (isinstance(expected, str) and expected in (got.name, got.name.lower()))
    if isinstance(expected, bool) or isinstance(got, bool):
        return expected is got if isinstance(got, bool) else False
    if isinstance(expected, (int, float, Decimal)) or (isinstance(expected, str) and isinstance(got, Decimal)):
        try:
            return Decimal(str(expected)) == Decimal(str(got))
        except ArithmeticError:
            return False
    if isinstance(expected, date) and not isinstance(expected, datetime):
        if isinstance(got, datetime):
            return False
        return expected == got or (isinstance(got, str) and got == expected.isoformat())
    if isinstance(expected, list) and isinstance(got, (list, tuple, set, frozenset)):
        return len(expected) == len(got) and all(_same(e, g) for e, g in zip(expected, list(got), strict=True))
    if isinstance(expected, dict) and isinstance(got, dict):
        return all(key in got and _same(value, got[key]) for key, value in expected.items())
    if isinstance(expected, dict) and dataclasses.is_dataclass(got) and not isinstance(got, type):
        # A record of the result, field by field: {representative: rep-1, signed_by: [...]}
        return all(hasattr(got, key) and _same(value, getattr(got, key)) for key, value in expected.items())
    if isinstance(expected, str) and isinstance(got, Reason):
        return expected == got.code
    return expected == got


def _show(value: Any) -> str:
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, (list, tuple, set, frozenset)):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    if isinstance(value, Reason):
        return value.code
    text = str(value)
    return text if len(text) <= 200 else text[:200] + "…"
