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


_PROGRAMS: dict[str, ProgramDefinition] = {}


def program(code: str) -> ProgramDefinition:
    if not _PROGRAMS:
        # Imported on first use: the program modules import the rules that import this one.
        from . import pr_card, sponsorship

        _PROGRAMS.update(
            {
                pr_card.PROGRAM.code: pr_card.PROGRAM,
                sponsorship.SPOUSE.code: sponsorship.SPOUSE,
                sponsorship.CHILD.code: sponsorship.CHILD,
            }
        )
    try:
        return _PROGRAMS[code]
    except KeyError:
        raise UnknownProgram(code) from None
