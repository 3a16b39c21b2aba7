"""The programs the portal knows: the one list, and each program by its code.

``PROGRAMS`` is the only enumeration of the programs. Everything else that lists them —
the Django choices of an application's program, the case schema's program list, the
start page, the representative's and the paper intake's choices — is derived from it.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from ..case import Case
    from ..evaluate import Evaluation
    from ..fees import FeeQuote
    from ..forms.model import Form
    from .definition import Traits


class ProgramDefinition(Protocol):
    """A program: its traits (``definition.Traits``), its forms, its evaluation and its fee quote."""

    code: str
    en: str
    fr: str

    def forms_for(self, role: str) -> tuple[Form, ...]: ...

    def evaluate(self, case: Case) -> Evaluation: ...

    def fee_quote(self, case: Case) -> FeeQuote: ...

    def forms_required(self, role: str, person_id: str, details: dict) -> frozenset[str]: ...


class UnknownProgram(KeyError):
    pass


@cache
def programs() -> tuple[Traits, ...]:
    """Every program, in the order the portal offers them."""
    # Imported on first use: the program modules import the rules that import this one.
    from . import eta, pr_card, sponsorship, stay_extension

    return (pr_card.PROGRAM, sponsorship.SPOUSE, sponsorship.CHILD, stay_extension.PROGRAM, eta.PROGRAM)


@cache
def _by_code() -> dict[str, Traits]:
    return {definition.code: definition for definition in programs()}


def codes() -> tuple[str, ...]:
    return tuple(definition.code for definition in programs())


def program(code: str):
    try:
        return _by_code()[code]
    except KeyError:
        raise UnknownProgram(code) from None
