"""The sponsorship's digital forms per role, and their answers checked by the form engine.

``forms_for`` is what the screens show for each person; ``form_findings`` checks the
forms the rules require of each person (``forms.forms_required``: IMM 5669, IMM 5406
and IMM 5562 only from age 18 unless principal applicant, IMM 5476 only when
represented) with ``forms.validate``, located ``person/FORM/section.field`` like the
findings of ``programs.answers``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

from ..case import Case
from ..forms.model import Form
from ..forms.validate import validate_form
from ..reasons import Reason
from .imm0008 import IMM0008_CHILD_PRINCIPAL, IMM0008_FAMILY_MEMBER, IMM0008_GUARDIAN, IMM0008_PARTNER
from .imm1344 import IMM1344
from .imm5406 import IMM5406
from .imm5476 import IMM5476
from .imm5562 import IMM5562
from .imm5669 import IMM5669

# The rules' names of the forms (``sponsorship.forms.Form``) → the digital form codes.
RULES_NAME = {
    "IMM 0008": "IMM0008",
    "IMM 5669": "IMM5669",
    "IMM 5406": "IMM5406",
    "IMM 5562": "IMM5562",
    "IMM 1344": "IMM1344",
    "IMM 5476": "IMM5476",
}
# Always required of a person in this role, whatever their age (the rules may not know it yet).
ALWAYS = {
    "sponsor": {"IMM1344"},
    "principal_applicant": {"IMM0008"},
    "dependent_child": {"IMM0008"},
    "parent_or_guardian": {"IMM0008"},
}


def forms_for(role: str, *, children_only: bool) -> tuple[Form, ...]:
    if role == "sponsor":
        return (IMM1344, IMM5476)
    if role == "principal_applicant":
        first = IMM0008_CHILD_PRINCIPAL if children_only else IMM0008_PARTNER
        return (first, IMM5669, IMM5406, IMM5562, IMM5476)
    if role == "dependent_child":
        return (IMM0008_FAMILY_MEMBER, IMM5669, IMM5406, IMM5562, IMM5476)
    if role == "parent_or_guardian":
        return (IMM0008_GUARDIAN,)
    return ()


def required_codes(role: str, person: str, required: Mapping[str, frozenset[str]]) -> frozenset[str]:
    """The digital forms ``person`` must complete, by code, as the rules decide."""
    codes = set(ALWAYS.get(role, ()))
    codes.update(RULES_NAME[name] for name in required.get(person, ()) if name in RULES_NAME)
    return frozenset(codes)


def form_findings(
    case: Case,
    forms_for_role: Callable[[str], tuple[Form, ...]],
    required: Mapping[str, frozenset[str]],
    on: date,
) -> list[Reason]:
    found: list[Reason] = []
    for person in case.people:
        codes = required_codes(person.role, person.id, required)
        for form in forms_for_role(person.role):
            if form.code not in codes:
                continue
            answers = person.answers.get(form.code)
            for problem in validate_form(
                form, answers if isinstance(answers, dict) else {}, application_date=on
            ):
                # Built directly: dataclasses.replace costs several times more.
                found.append(
                    Reason(
                        problem.code,
                        problem.rule,
                        problem.citation,
                        problem.en,
                        problem.fr,
                        problem.severity,
                        f"{person.id}/{form.code}/{problem.subject}",
                    )
                )
    return found
