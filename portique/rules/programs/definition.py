"""What a program is: the answers every part of the portal asks of it.

A program (an application type: the PR card, a spouse's sponsorship, …) is described
once, here, by the values of ``Traits``; its module adds its forms, its ``evaluate(case)``
and its ``fee_quote(case)``. The pages, the checklist, Validate, submission, the
officers' screening and decision, the representative's and the paper roads never compare
a program's code: they ask its definition (``registry.program(code)``) one of these
questions, so that a new program is a new definition, not a search through the code
for the places that assumed there were only two (``docs/architecture.md``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from ..fees import Guide
from ..online import Kit, Stream
from ..signatures import SignedDocument
from .declarations import Declaration


class Delivery(str, Enum):
    """How an approval reaches the person."""

    # IMM 5445: the new card is mailed to the applicant's address in Canada (or picked up).
    CARD_BY_MAIL = "card_by_mail"
    # IMM 5289: the decision is a letter (with the confirmation of permanent residence).
    LETTER = "letter"
    # IRPR 12.04: an electronic travel authorization is issued electronically.
    ELECTRONIC_AUTHORIZATION = "electronic_authorization"


class Signing(str, Enum):
    """Who signs the application online (seed 004, ACT-56)."""

    # The applicant signs; an applicant under 18 is signed for by a parent or legal guardian.
    ONE_SIGNER = "one_signer"
    # The sponsor signs the undertaking and the principal applicant (or their parent or
    # guardian) signs the whole application for every family member (IMM 5289, Step 6).
    SPONSOR_AND_PRINCIPAL_APPLICANT = "sponsor_and_principal_applicant"


# The roles a person may have in an application; each program allows some of them.
PRINCIPAL_APPLICANT = "principal_applicant"
SPONSOR = "sponsor"
DEPENDENT_CHILD = "dependent_child"
PARENT_OR_GUARDIAN = "parent_or_guardian"


@dataclass(frozen=True, kw_only=True)
class Traits:
    """Everything about a program that is not a form or a rule's evaluation."""

    code: str
    en: str
    fr: str
    # The application number shown to people starts with it (e.g. PRC2026…).
    number_prefix: str
    # The people an application starts with, in their order (position 0 is the account holder's).
    starting_roles: tuple[str, ...]
    # The people who may be added afterwards (family members, the parent who signs for a minor).
    addable_roles: tuple[str, ...]
    signing: Signing
    # A sponsor is assessed first (IRPR 130–137), with Quebec's undertaking where it applies.
    sponsored: bool
    # Each person is approved or refused on their own (IRPR 10(3), 117(9)(d)).
    decided_per_person: bool
    delivery: Delivery
    # A paid representative may prepare and submit it for a client (seed 004).
    representatives_may_file: bool
    # Which "must I apply online?" rules apply (IRPR 9.2–9.5, seed 000), and so whether and
    # how it may come on paper; the kit sent in another format (EX-32).
    online_stream: Stream
    # None when no kit in another format exists for it (EX-32 names the PR card's and the sponsorship's).
    kit: Kit | None
    # The guide whose payment and refund rules apply (rules.fees).
    fee_guide: Guide
    # What each signer declares, by role; a role not named signs the principal applicant's.
    declarations: dict[str, Declaration]
    # Said under the program's name where an applicant chooses what to apply for.
    start_hint_en: str = ""
    start_hint_fr: str = ""
    # What a represented client e-signs when it differs from the representative flow's
    # default (consent and declaration + IMM 5669, REP-11).
    represented_client_signs: tuple[SignedDocument, ...] | None = None
    # The relationship of the principal applicant is fixed by the program (a dependent
    # child's sponsorship) rather than answered on IMM 0008.
    fixed_relationship: str | None = None
    # What an approval letter adds when the approval is the letter itself (``Delivery.LETTER``
    # for one applicant): a sponsorship's and a card's letters say their own.
    approval_note_en: str = ""
    approval_note_fr: str = ""
    # The rules decide at submission, with no officer, unless a rule cannot decide
    # (``evaluate``'s ``details["eta"]["assessment"]``): the eTA (IRPR 12.04, docs/eta.md).
    assessed_by_the_rules: bool = False
    # A paper application's photos come as identical prints in a small envelope named for the
    # applicant, whose facts the paper intake records (IMM 5445 Step 1, PRC-63): the PR card.
    paper_photos_in_envelope: bool = False
    # The photo is a print made to a photographer's specifications in millimetres, scanned front
    # and back (IMM 5289 Appendix C, SP-190): the upload asks its measures and what its back shows.
    photo_print_measured: bool = False

    @property
    def account_holder_role(self) -> str:
        return self.starting_roles[0]

    @property
    def roles(self) -> tuple[str, ...]:
        return self.starting_roles + tuple(r for r in self.addable_roles if r not in self.starting_roles)

    @property
    def several_signers(self) -> bool:
        return self.signing is Signing.SPONSOR_AND_PRINCIPAL_APPLICANT

    @property
    def delivers_a_card(self) -> bool:
        """An approval is a card, mailed or picked up (what the applicant is told to expect)."""
        return self.delivery is Delivery.CARD_BY_MAIL

    @property
    def may_come_on_paper(self) -> bool:
        """Whether an application can ever come on paper: not one the Regulations require to be
        made electronically with no other means (IRPR 12.01, 12.04(1))."""
        return self.online_stream not in (
            Stream.ELECTRONIC_TRAVEL_AUTHORIZATION,
            Stream.PERMANENT_RESIDENCE_AFTER_INVITATION,
        )

    @property
    def delivers_an_authorization(self) -> bool:
        """An approval is an electronic authorization the portal issues and keeps (the eTA)."""
        return self.delivery is Delivery.ELECTRONIC_AUTHORIZATION

    def case_facts(self) -> tuple:
        """Forms as data of what a case may say happened after the decision (``facts`` in a case
        file), for the programs whose decision lives on (an issued eTA); none by default."""
        return ()

    @property
    def family_members(self) -> bool:
        """Whether the principal applicant's family members are declared in the application."""
        return DEPENDENT_CHILD in self.addable_roles

    def declaration_for(self, role: str) -> Declaration:
        return self.declarations.get(role) or self.declarations[PRINCIPAL_APPLICANT]

    def all_declarations(self) -> tuple[Declaration, ...]:
        return tuple(dict.fromkeys(self.declarations.values()))

    def name(self, language: str) -> str:
        return self.fr if language.startswith("fr") else self.en

    def approval_note(self, language: str) -> str:
        return self.approval_note_fr if language.startswith("fr") else self.approval_note_en

    def start_hint(self, language: str) -> str:
        return self.start_hint_fr if language.startswith("fr") else self.start_hint_en
