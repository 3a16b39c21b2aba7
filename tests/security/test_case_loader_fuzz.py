"""Fuzz: the case loader of ``portique rules evaluate`` reads files from anyone (a policy
person, a test, an officer's export). Whatever bytes a case file holds, it is either read
and evaluated or refused with a clear, bilingual ``BadInput`` — never a traceback.

Bounded here (a few seconds in every run of the suite); a longer run:
``PORTIQUE_FUZZ_EXAMPLES=20000 .venv/bin/python -m pytest tests/security/test_case_loader_fuzz.py``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portique.core.management.commands.rules import BadInput, _read_case
from portique.rules.evaluate import evaluate

EXAMPLES = int(os.environ.get("PORTIQUE_FUZZ_EXAMPLES", "120"))
ROOT = Path(__file__).resolve().parents[2]
SEEDS = [json.loads(path.read_text()) for path in sorted((ROOT / "docs" / "examples").glob("*.json"))]

# JSON values of every shape, small enough to stay fast.
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=20,
)


def _mutate(case: dict, path: list, value):
    """``case`` with the value at ``path`` (a list of keys and indexes) replaced."""
    copy = json.loads(json.dumps(case))
    target = copy
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return copy


def _paths(value, prefix=()):
    yield list(prefix)
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _paths(child, (*prefix, index))


@st.composite
def mutated_cases(draw):
    """A real worked example with one value anywhere in it replaced by anything."""
    case = draw(st.sampled_from(SEEDS))
    paths = [p for p in _paths(case) if p]
    path = draw(st.sampled_from(paths))
    return _mutate(case, path, draw(json_values))


def _load(tmp_path: Path, text: str):
    path = tmp_path / "case.json"
    path.write_text(text, encoding="utf-8")
    try:
        case = _read_case(path)
    except BadInput as refused:
        assert str(refused).strip()
        return None
    return evaluate(case)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=mutated_cases())
def test_a_case_with_any_value_changed_is_evaluated_or_refused_clearly(tmp_path, case):
    _load(tmp_path, json.dumps(case))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=json_values)
def test_any_json_is_refused_clearly_unless_it_is_a_case(tmp_path, data):
    _load(tmp_path, json.dumps(data))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=200))
def test_any_text_is_refused_clearly(tmp_path, text):
    _load(tmp_path, text)


def test_a_table_row_that_is_not_a_set_of_answers_is_read_as_unanswered(tmp_path):
    """Found by the fuzz above: ``"trips": [null]`` on IMM 5562 crashed the form engine."""
    case = json.loads((ROOT / "docs" / "examples" / "child-sponsorship.json").read_text())
    person = next(p for p in case["people"] if "IMM5562" in p.get("answers", {}))
    person["answers"]["IMM5562"]["trips"] = [None]
    result = _load(tmp_path, json.dumps(case))
    assert result is not None and not result.complete
    assert any("IMM5562/trips.1." in (found.subject or "") for found in result.form_findings)
