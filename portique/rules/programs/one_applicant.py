"""The forms of a program with one applicant: their own form, and for an applicant under 18 the
small form of the parent or legal guardian who signs for them (ACT-56, SP-210).

A program of that shape (the PR card, the stay extension, the eTA) names its applicant's form
as ``applicant_form`` and takes ``forms_for`` and ``forms_required`` from here.
"""

from __future__ import annotations

from typing import Any, ClassVar

from ..forms.model import Form
from . import pr_card_guardian as guardian_rules
from .definition import PRINCIPAL_APPLICANT


class OneApplicantForms:
    applicant_form: ClassVar[Form]

    def forms_for(self, role: str) -> tuple[Form, ...]:
        if role == PRINCIPAL_APPLICANT:
            return (self.applicant_form,)
        if role == guardian_rules.ROLE:
            return (guardian_rules.GUARDIAN_FORM,)
        return ()

    def forms_required(self, role: str, person_id: str, details: dict[str, Any]) -> frozenset[str]:
        """Every form of the role: nothing in these programs depends on the answers."""
        return frozenset(form.code for form in self.forms_for(role))
