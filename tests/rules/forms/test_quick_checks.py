"""The shortcuts of form validation find what the full check finds, for every question of every form.

``validate_section`` lets a plainly valid answer through without the full check (``_check_field``),
which builds the bilingual finding: a shortcut that let through an answer the full check refuses
would hide a finding. Each question of each program's forms is answered with values of every
shape, and what the section's validation says of that question must be what the full check says.
"""

from datetime import date

import pytest

from portique.rules.forms.model import Field, Form, Section
from portique.rules.forms.validate import _check_field, validate_section
from portique.rules.programs import registry

APPLIED = date(2026, 11, 22)

SAMPLES = (
    None, "", " ", "\t", "\u00a0", "x", " padded ", "yes", "no", "other", "CA", "ca", "FRA",
    "2024-01-01", "2026-11-22", "2026-11-23", "2999-01-01", "1900-01-01", "2024-13-01", " 2024-01-01",
    "K1A 0B1", "k1a0b1", "K1A-0B1", "Z1A 0B1", "613-555-0199", "+16135550199", "+33 1 23 45 67 89", "555",
    "12345678", "00-0000-0000", "1234567", "a@b.ca", "a@b", "a @b.ca", " a@b.ca",
    True, False, 0, 3, -1, 1.5, [], ["x"], ["2024-01-01"], ["2999-01-01"], {"a": 1},
)  # fmt: skip


def _forms() -> list[Form]:
    found: dict[str, Form] = {}
    for program in registry.programs():
        for role in program.roles:
            for form in program.forms_for(role):
                found.setdefault(form.code, form)
    return list(found.values())


def _questions():
    for form in _forms():
        for section in form.sections:
            for field in section.fields:
                if field.when is not None and "." in field.when.field:
                    continue  # asked on another section's answer: the same shortcuts, tested here
                yield pytest.param(form, section, field, id=f"{form.code}.{section.code}.{field.code}")


def _values(field: Field) -> tuple:
    texts = ("x" * field.max_length, "x" * (field.max_length + 1), " " * field.max_length)
    return SAMPLES + tuple(option.value for option in field.options) + texts


@pytest.mark.parametrize(("form", "section", "field"), list(_questions()))
def test_each_answer_is_found_as_the_full_check_finds_it(form: Form, section: Section, field: Field):
    answers = {} if field.when is None else {field.when.field: field.when.values[0]}
    prefix = f"{section.subject_prefix}.1" if section.repeating else section.subject_prefix
    subject = f"{prefix}.{field.code}"
    for value in _values(field):
        row = {**answers, field.code: value}
        form_answers = section.with_answers({}, [row] if section.repeating else row)
        if section.when is not None:
            form_answers = _with_condition_met(form, section, form_answers)
        expected = _outcome(_check_field, field, value, subject, APPLIED, form.citation)
        found = _outcome(validate_section, form, section, form_answers, application_date=APPLIED)
        if isinstance(expected, Exception):
            # The full check cannot read a list or a dict given to a choice question (it looks
            # it up among the options): the validation must not let it through either.
            assert type(found) is type(expected), value
        else:
            about_it = [r for r in found if r.subject == subject]
            assert about_it == ([] if expected is None else [expected]), value


def _outcome(check, *args, **kwargs):
    try:
        return check(*args, **kwargs)
    except TypeError as error:
        return error


def _with_condition_met(form: Form, section: Section, form_answers: dict) -> dict:
    condition = section.when
    assert condition is not None
    other, _, code = condition.field.rpartition(".")
    if not other:
        return form_answers
    return {**form_answers, other: {**form_answers.get(other, {}), code: condition.values[0]}}
