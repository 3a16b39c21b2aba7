"""The PR card program (guide IMM 5445): its form, checklist, fees and signatures."""

from __future__ import annotations

from dataclasses import dataclass

from ..case import Case
from ..forms.model import Form
from ..forms.validate import validate_form
from ..reasons import Reason
from .imm5444 import IMM5444


def _prefixed(person_id: str, form: Form, reasons: tuple[Reason, ...]) -> tuple[Reason, ...]:
    from dataclasses import replace

    return tuple(replace(r, subject=f"{person_id}/{form.code}/{r.subject}") for r in reasons)


@dataclass(frozen=True)
class PrCardProgram:
    code: str = "pr_card"
    en: str = "Permanent resident card"
    fr: str = "Carte de résident permanent"

    def forms_for(self, role: str) -> tuple[Form, ...]:
        return (IMM5444,) if role == "principal_applicant" else ()

    def evaluate(self, case: Case):
        from ..evaluate import Evaluation

        form_findings: list[Reason] = []
        for person in case.people:
            for form in self.forms_for(person.role):
                found = validate_form(form, person.answers.get(form.code, {}), application_date=case.application_date)
                form_findings.extend(_prefixed(person.id, form, found))
        return Evaluation(program=self.code, form_findings=tuple(form_findings), findings=())


PROGRAM = PrCardProgram()
