"""The programs the portal knows, by code."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from ..case import Case
    from ..evaluate import Evaluation
    from ..forms.model import Form


class ProgramDefinition(Protocol):
    code: str
    en: str
    fr: str

    def forms_for(self, role: str) -> tuple[Form, ...]: ...

    def evaluate(self, case: Case) -> Evaluation: ...


class UnknownProgram(KeyError):
    pass


def program(code: str) -> ProgramDefinition:
    from . import pr_card, sponsorship

    programs: dict[str, ProgramDefinition] = {
        pr_card.PROGRAM.code: pr_card.PROGRAM,
        sponsorship.SPOUSE.code: sponsorship.SPOUSE,
        sponsorship.CHILD.code: sponsorship.CHILD,
    }
    try:
        return programs[code]
    except KeyError:
        raise UnknownProgram(code) from None
