"""The sponsorship programs (guide IMM 5289): a spouse or partner with their dependent
children, or a dependent child as principal applicant.

One ``evaluate(case)`` asks every sponsorship rule about the case, in the order an
officer screens it: the sponsor (SP-20 to SP-48), the relationship and category
(SP-80 to SP-103), the dependants (SP-110 to SP-120), the minimum income (SP-22,
SP-23), the forms each person completes (SP-150, SP-153), police certificates
(SP-185), the family declaration and medical exams (SP-115, SP-116, SP-222), the
evidence (SP-183, SP-186), biometrics (IRPR 12.1, 12.2; SP-140 to SP-143), the fees and
the payment (SP-200, SP-201), the online requirement (SP-01, EX-30), the e-signature
(SP-210) and completeness (IRPR 10, 12; SP-181). The answers each person gives are read
by ``programs.answers``; the keys are in ``docs/case.schema.json``.

Roles in a case: ``sponsor``, ``principal_applicant`` (the spouse or partner, or the
dependent child), ``dependent_child`` (a dependent child of the principal applicant) and
``parent_or_guardian`` (who e-signs for a principal applicant under 18; not an applicant).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from functools import lru_cache
from typing import Any

from .. import biometrics as bio
from .. import completeness as s10
from .. import fees
from .. import online as online_rules
from .. import signatures as sig
from ..case import Case, CasePerson
from ..evaluate import Evaluation
from ..forms.model import Form
from ..online import Kit, Stream
from ..parameters import value
from ..reasons import Reason, Severity, reason
from ..sponsorship import (
    categories,
    criminality,
    dependants,
    eligibility,
    evidence,
    forms,
    income,
    police,
    relationships,
    undertaking,
)
from ..sponsorship.vocabulary import SponsoredRelationship, cite, param
from . import case_documents, declarations, sponsorship_facts, sponsorship_forms
from . import sponsorship_checklist as checklist
from . import sponsorship_convictions as convictions
from .answers import Section
from .definition import (
    DEPENDENT_CHILD,
    PARENT_OR_GUARDIAN,
    PRINCIPAL_APPLICANT,
    SPONSOR,
    Delivery,
    Signing,
    Traits,
)

ROLES = frozenset({SPONSOR, PRINCIPAL_APPLICANT, DEPENDENT_CHILD, PARENT_OR_GUARDIAN})
# The id of the empty stand-in for a sponsor the case does not have (IRPR 10(4)).
ABSENT_SPONSOR = "(no sponsor)"

STEP_5 = cite("Étape 5. Vérifiez votre demande pour éviter les erreurs courantes")
WHO_MAY_USE = cite("Qui peut utiliser la trousse de demande?")
ONLINE_ONLY = "IMM 5289 — « Vous devez maintenant présenter une demande en ligne »"
ZERO = Decimal(0)


# --------------------------------------------------------------------------- findings of this module


@lru_cache(maxsize=256)
def _role_count(role: str, count: int, expected: str) -> Reason:
    # 10(1)(e) is the designation of the principal applicant; a sponsorship without its
    # sponsor is 10(4)'s ground (SPONSORSHIP_APPLICATION_MISSING), not this one.
    designation = "; IRPR 10(1)(e)" if role == PRINCIPAL_APPLICANT else ""
    return reason(
        "PROGRAM_ROLE_COUNT",
        rule="SP-02, SP-119, IRPR-10-1" if designation else "SP-02",
        citation=WHO_MAY_USE + "; " + STEP_5 + designation,
        en="A sponsorship application has {expected} person with the role “{role}”; this case has {count}.",
        fr="Une demande de parrainage compte {expected_fr} personne ayant le rôle « {role} » ; ce dossier en compte {count}.",
        subject=role,
        role=role,
        count=count,
        expected=expected,
        expected_fr={"exactly one": "exactement une", "at most one": "au plus une"}[expected],
    )


@lru_cache(maxsize=256)
def _role_not_in_program(role: str, person: str, program: str) -> Reason:
    return reason(
        "ROLE_NOT_IN_PROGRAM",
        rule="SP-02",
        citation=WHO_MAY_USE,
        en="{person}: the role “{role}” has no place in this application ({program}).",
        fr="{person} : le rôle « {role} » n’a pas sa place dans cette demande ({program}).",
        subject=person,
        person=person,
        role=role,
        program=program,
    )


@lru_cache(maxsize=64)
def _relationship_not_for_program(relationship: str, program: str) -> Reason:
    return reason(
        "RELATIONSHIP_NOT_FOR_PROGRAM",
        rule="SP-02, SP-81",
        citation=WHO_MAY_USE,
        en="The relationship “{relationship}” is not sponsored in this application ({program}).",
        fr="Le lien « {relationship} » n’est pas parrainé dans cette demande ({program}).",
        relationship=relationship,
        program=program,
    )


@lru_cache(maxsize=8)
def _paper_not_accepted(start: date) -> Reason:
    return reason(
        "PAPER_APPLICATION_NOT_ACCEPTED",
        rule="EX-30, SP-01",
        citation=ONLINE_ONLY,
        en="Since {start}, sponsorship applications must be made online; a paper application is accepted only with an alternative-format accommodation.",
        fr="Depuis le {start}, les demandes de parrainage doivent être présentées en ligne ; une demande papier n’est acceptée qu’avec une mesure d’adaptation (autre format).",
        start=start.isoformat(),
    )


@lru_cache(maxsize=64)
def _child_pa_dependants_fee(count: int) -> Reason:
    return reason(
        "CHILD_PA_DEPENDANT_FEE_NOT_STATED",
        rule="SP-200, SP-23",
        citation="IMM 5289 — Step 4: Pay the fees",
        en="The guide's fee table has no line for a dependant of a dependent child sponsored as principal applicant ({count}): an officer will say what is due.",
        fr="Le tableau des frais du guide ne prévoit aucun montant pour une personne à charge d’un enfant à charge parrainé à titre de demandeur principal ({count}) : un agent indiquera ce qui est exigible.",
        severity=Severity.WARNING,
        count=count,
    )


# --------------------------------------------------------------------------- the people, read


@dataclass(slots=True)
class Applicant:
    """A sponsored person (principal applicant or dependent child), as the rules need them."""

    person: CasePerson
    birth_date: date | None
    particulars: s10.PersonParticulars
    passport_name: sig.PassportName
    selects_sex_x: bool
    travel_document_shows_x: bool
    held_tr_document_with_different_sex: bool
    is_citizen_or_pr: bool
    biometrics_given_before: bool
    stays: tuple[police.Stay, ...]
    dependant: Section
    representative: s10.RepresentativeDetails | None


def _applicant(person: CasePerson, role: s10.FamilyRole, on: date, findings: list[Reason]) -> Applicant:
    answers = person.answers
    personal = Section(answers, person.id, "IMM0008", "personal", findings)
    birth = personal.date("date_of_birth", required=True)
    family_name = personal.text("family_name") or ""
    given_names = personal.text("given_names") or ""
    dependant = Section(answers, person.id, "IMM0008", "dependant", findings)
    accompanying = dependant.flag("accompanying", True)
    particulars = s10.PersonParticulars(
        person_id=person.id,
        role=role,
        accompanying=accompanying,
        name=" ".join(part for part in (given_names, family_name) if part) or None,
        date_of_birth=birth,
        address=personal.text("address"),
        nationality=personal.text("citizenship"),
        immigration_status=personal.text("immigration_status"),
        spousal_status_stated="marital_status" in personal,
    )
    history = Section(answers, person.id, "IMM5669", "history", findings)
    stays = []
    for _, row in history.rows("stays"):
        country = row.text("country")
        start = row.date("start", required=True)
        end = row.date("end") or on
        if country and start:
            stays.append(police.Stay(country=country, start=start, end=end))
    return Applicant(
        person=person,
        birth_date=birth,
        particulars=particulars,
        passport_name=sig.PassportName(surname=family_name, given_names=given_names),
        selects_sex_x=personal.text("sex") == "X",
        travel_document_shows_x=personal.flag("travel_document_shows_x"),
        held_tr_document_with_different_sex=personal.flag("held_canadian_tr_document_with_different_sex"),
        is_citizen_or_pr=personal.flag("is_citizen_or_pr"),
        biometrics_given_before=personal.flag("biometrics_given_before"),
        stays=tuple(stays),
        dependant=dependant,
        representative=_representative(person, findings),
    )


def _representative(person: CasePerson, findings: list[Reason]) -> s10.RepresentativeDetails | None:
    """IMM 5476: present when the person uses a representative (its particulars, 10(2)(c.1)–(c.4))."""
    rep = Section(person.answers, person.id, "IMM5476", "representative", findings)
    if "name" not in rep and "role" not in rep:
        return None
    return s10.RepresentativeDetails(
        representative_id=f"{person.id}/representative",
        role=rep.choice("role", s10.RepresentativeRole, s10.RepresentativeRole.REPRESENTATIVE),
        name=rep.text("name"),
        postal_address=rep.text("postal_address"),
        telephone=rep.text("telephone"),
        fax=rep.text("fax"),
        email=rep.text("email"),
        member_body=rep.text("member_body"),
        membership_number=rep.text("membership_number"),
    )


@dataclass(slots=True)
class Sponsor:
    person: CasePerson
    profile: eligibility.SponsorProfile | None
    particulars: s10.PersonParticulars
    intends_to_appeal_if_refused: bool
    choice: eligibility.Imm1344Choice | None
    representative: s10.RepresentativeDetails | None


def sponsor_assessed(person: CasePerson, findings: list[Reason]) -> Sponsor:
    answers = person.answers
    about = Section(answers, person.id, "IMM1344", "sponsor", findings)
    history = Section(answers, person.id, "IMM1344", "history", findings)
    question_1 = Section(answers, person.id, "IMM1344", "question_1", findings)
    birth = about.date("date_of_birth", required=True)
    status = about.choice("status", eligibility.SponsorStatus, required=True)
    convictions = tuple(
        eligibility.Conviction(
            offence=row.choice(
                "offence", eligibility.OffenceKind, eligibility.OffenceKind.OTHER, required=True
            ),
            victim=row.choice("victim", eligibility.VictimRelation, eligibility.VictimRelation.NOT_FAMILY),
            pardoned=row.flag("pardoned"),
        )
        for _, row in history.rows("convictions")
    )
    profile = None
    if birth is not None and status is not None:
        profile = eligibility.SponsorProfile(
            birth_date=birth,
            status=status,
            residence=about.choice("residence", eligibility.Residence, eligibility.Residence.LIVES_IN_CANADA),
            intends_to_live_in_canada_when_sponsored_becomes_pr=about.flag("intends_to_live_in_canada"),
            resides_in_quebec=about.flag("resides_in_quebec"),
            social_assistance=about.choice(
                "social_assistance", eligibility.SocialAssistance, eligibility.SocialAssistance.NONE
            ),
            previous_partner_pr_dates=history.dates("previous_partner_pr_dates"),
            unrepaid_sponsorship_default=history.flag("unrepaid_sponsorship_default"),
            immigration_loan_in_default=history.flag("immigration_loan_in_default"),
            performance_bond_unpaid=history.flag("performance_bond_unpaid"),
            court_ordered_support_in_default=history.flag("court_ordered_support_in_default"),
            undischarged_bankrupt=history.flag("undischarged_bankrupt"),
            convictions=convictions,
            sponsored_as_partner_pr_date=history.date("sponsored_as_partner_pr_date"),
            subject_to_removal_order=history.flag("subject_to_removal_order"),
            detained_in_prison=history.flag("detained_in_prison"),
            pending_sponsorship_of_same_person=history.flag("pending_sponsorship_of_same_person"),
            citizenship_being_revoked=history.flag("citizenship_being_revoked"),
            residency_conditions_not_met=history.flag("residency_conditions_not_met"),
            security_certificate=history.flag("security_certificate"),
            charged_offence_max_prison_years=history.integer("charged_offence_max_prison_years"),
        )
    family_name = about.text("family_name") or ""
    given_names = about.text("given_names") or ""
    particulars = s10.PersonParticulars(
        person_id=person.id,
        role=s10.FamilyRole.PRINCIPAL_APPLICANT,  # the applicant of the sponsorship application
        name=" ".join(part for part in (given_names, family_name) if part) or None,
        date_of_birth=birth,
        address=about.text("address"),
        nationality=about.text("citizenship"),
        immigration_status=status.value if status is not None else None,
        spousal_status_stated="marital_status" in about,
    )
    return Sponsor(
        person=person,
        profile=profile,
        particulars=particulars,
        intends_to_appeal_if_refused=about.flag("intends_to_appeal_if_refused"),
        choice=question_1.choice("choice", eligibility.Imm1344Choice),
        representative=_representative(person, findings),
    )


# --------------------------------------------------------------------------- the program


@dataclass(frozen=True, kw_only=True)
class SponsorshipProgram(Traits):
    @property
    def children_only(self) -> bool:
        """A dependent child's sponsorship: one application per child, who is the principal applicant."""
        return self.fixed_relationship == SponsoredRelationship.DEPENDENT_CHILD.value

    def forms_for(self, role: str) -> tuple[Form, ...]:
        """The digital forms a person in ``role`` may have to complete, in the order shown.

        Which of them a given person must complete (age, representative, …) is the rules'
        answer in ``evaluate`` (``details["forms"]``); answers are read by
        ``programs.answers`` and checked against these definitions by the form engine.
        """
        return sponsorship_forms.forms_for(role, children_only=self.children_only)

    def case_facts(self) -> tuple[Form, ...]:
        """After approval: the day each sponsored person became a permanent resident (SP-14)."""
        return (sponsorship_facts.SPONSORSHIP_FACTS,)

    def evaluate(self, case: Case):
        return _Evaluation(self, case).run()

    def forms_required(self, role: str, person_id: str, details: dict[str, Any]) -> frozenset[str]:
        """The codes of the forms this person must complete, as the evaluation's ``details`` say."""
        required = {entry["person"]: frozenset(entry["forms"]) for entry in details.get("forms", ())}
        return sponsorship_forms.required_codes(role, person_id, required)

    def fee_quote(self, case: Case) -> fees.FeeQuote:
        """The rules' fee quote for ``case`` (per person, SP-200, SP-143); empty until the people are known."""
        run = _Evaluation(self, case)
        if run._read_people():
            run._assess()
        quote = getattr(run, "quote", None)
        if quote is None:
            quote = fees.FeeQuote(
                lines=(), total=ZERO, due_now=ZERO, due_later=ZERO, reasons=(), guide=self.fee_guide
            )
        return quote


# What both sponsorships share: the sponsor and the principal applicant start the
# application, family members are declared, the sponsor is assessed first, and each
# person is decided on their own (IMM 5289).
_SPONSORSHIP = dict(
    starting_roles=(SPONSOR, PRINCIPAL_APPLICANT),
    addable_roles=(DEPENDENT_CHILD, PARENT_OR_GUARDIAN),
    signing=Signing.SPONSOR_AND_PRINCIPAL_APPLICANT,
    sponsored=True,
    decided_per_person=True,
    delivery=Delivery.LETTER,
    representatives_may_file=True,
    online_stream=Stream.SPONSORSHIP,
    kit=Kit.SPONSORSHIP,
    fee_guide=fees.Guide.SPONSORSHIP,
    declarations={SPONSOR: declarations.SPONSOR_UNDERTAKING, PRINCIPAL_APPLICANT: declarations.APPLICANT_DECLARATION},
    photo_print_measured=True,
)
SPOUSE = SponsorshipProgram(
    code="spouse_sponsorship",
    en="Sponsorship of a spouse, common-law or conjugal partner",
    fr="Parrainage d’un époux, d’un conjoint de fait ou d’un partenaire conjugal",
    number_prefix="SPS",
    start_hint_en="My spouse, common-law or conjugal partner (and their dependent children).",
    start_hint_fr="Mon époux, conjoint de fait ou partenaire conjugal (et ses enfants à charge).",
    **_SPONSORSHIP,
)
CHILD = SponsorshipProgram(
    code="child_sponsorship",
    en="Sponsorship of a dependent child",
    fr="Parrainage d’un enfant à charge",
    number_prefix="SPC",
    start_hint_en="My dependent child (one application per child).",
    start_hint_fr="Mon enfant à charge (une demande par enfant).",
    fixed_relationship=SponsoredRelationship.DEPENDENT_CHILD.value,
    **_SPONSORSHIP,
)

_PARTNER_RELATIONSHIPS = frozenset(
    {
        SponsoredRelationship.SPOUSE,
        SponsoredRelationship.COMMON_LAW_PARTNER,
        SponsoredRelationship.CONJUGAL_PARTNER,
    }
)


class _Evaluation:
    """One evaluation: reads the case once, then asks each rule in turn."""

    def __init__(self, program: SponsorshipProgram, case: Case):
        self.program = program
        self.case = case
        self.on = case.application_date
        self.form_findings: list[Reason] = []
        self.findings: list[Reason] = []
        self.details: dict[str, Any] = {}
        # False when the case has no sponsor: only the permanent residence application was made.
        self.sponsorship_included = True

    def run(self):
        if self._read_people():
            self._assess()
        if not self.sponsorship_included:
            self._leave_out_absent_sponsor()
        return Evaluation(
            program=self.program.code,
            form_findings=tuple(self.form_findings),
            findings=tuple(self.findings),
            details=self.details,
        )

    def _leave_out_absent_sponsor(self) -> None:
        """Drop what the rules said about the empty stand-in: there is no sponsor to speak of."""

        def about_stand_in(found: Reason) -> bool:
            return (found.subject or "").startswith(ABSENT_SPONSOR)

        self.findings = [r for r in self.findings if not about_stand_in(r)]
        self.form_findings = [r for r in self.form_findings if not about_stand_in(r)]
        for key in ("checklist", "forms"):
            if isinstance(self.details.get(key), list):
                self.details[key] = [
                    item for item in self.details[key] if not str(item.get("person", "")).startswith(ABSENT_SPONSOR)
                ]
        if isinstance(self.details.get("documents_missing"), list):
            self.details["documents_missing"] = [
                m for m in self.details["documents_missing"] if not m.startswith(ABSENT_SPONSOR)
            ]

    # -- people ---------------------------------------------------------------------------

    def _read_people(self) -> bool:
        by_role: dict[str, list[CasePerson]] = {role: [] for role in ROLES}
        for person in self.case.people:
            if person.role in by_role:
                by_role[person.role].append(person)
            else:
                self.findings.append(_role_not_in_program(person.role, person.id, self.program.code))
        sponsors, principals = by_role[SPONSOR], by_role[PRINCIPAL_APPLICANT]
        if not sponsors and len(principals) == 1:
            # The permanent residence application came without the sponsor's part: IRPR
            # 10(4) (a family-class application must be accompanied by the sponsorship
            # application) is the ground of return. The sponsored people are still assessed,
            # with an empty stand-in for the sponsor whose findings are left out (``run``).
            sponsors = [CasePerson(id=ABSENT_SPONSOR, role=SPONSOR)]
            self.sponsorship_included = False
        if len(sponsors) != 1:
            self.findings.append(_role_count(SPONSOR, len(sponsors), "exactly one"))
        if len(principals) != 1:
            self.findings.append(_role_count(PRINCIPAL_APPLICANT, len(principals), "exactly one"))
            if self.program.children_only and len(principals) > 1:
                # SP-119: each child sponsored as principal applicant is its own application.
                self.findings.extend(
                    forms.applications_for_children(children_as_principal_applicants=len(principals)).reasons
                )
        if len(by_role[PARENT_OR_GUARDIAN]) > 1:
            self.findings.append(
                _role_count(PARENT_OR_GUARDIAN, len(by_role[PARENT_OR_GUARDIAN]), "at most one")
            )
        if len(sponsors) != 1 or len(principals) != 1:
            return False
        self.sponsor = sponsor_assessed(sponsors[0], self.form_findings)
        self.pa = _applicant(principals[0], s10.FamilyRole.PRINCIPAL_APPLICANT, self.on, self.form_findings)
        self.children = [
            _applicant(child, s10.FamilyRole.DEPENDENT_CHILD, self.on, self.form_findings)
            for child in by_role[DEPENDENT_CHILD]
        ]
        self.guardian = by_role[PARENT_OR_GUARDIAN][0] if by_role[PARENT_OR_GUARDIAN] else None
        application = Section(
            self.pa.person.answers, self.pa.person.id, "IMM0008", "application", self.form_findings
        )
        self.application = application
        if self.program.children_only:
            self.relationship = SponsoredRelationship.DEPENDENT_CHILD
        else:
            chosen = application.choice("relationship", SponsoredRelationship, required=True)
            self.relationship = chosen or SponsoredRelationship.SPOUSE
            if chosen is not None and chosen not in _PARTNER_RELATIONSHIPS:
                self.findings.append(_relationship_not_for_program(chosen.value, self.program.code))
        self.sponsored = [self.pa, *self.children]
        return True

    # -- rules ----------------------------------------------------------------------------

    def _assess(self) -> None:
        eligibility_details: dict[str, Any] = {}
        self.details["eligibility"] = eligibility_details
        self._sponsor_eligibility(eligibility_details)
        self._relationship_and_category(eligibility_details)
        mni = self._dependants_and_income(eligibility_details)
        items = self._forms_and_documents(mni)
        self._digital_forms()
        self._family_and_medical()
        quote = self.quote = self._fees()
        required_biometrics = self._biometrics()
        self._online()
        signed = self._signatures()
        check = checklist.check_items(self.case, items)
        self.findings.extend(check.reasons)
        self.details["checklist"] = checklist.checklist_json(check)
        self.details["documents_missing"] = list(check.missing)
        self._undertaking()
        self._criminality()
        found, self.details["translations"] = case_documents.translation_findings(
            self.case, self.program.fee_guide
        )
        self.findings.extend(found)
        found, self.details["photos"] = case_documents.sponsorship_photo_findings(self.case, PHOTO_CODES)
        self.findings.extend(found)
        self._completeness(check, quote, signed, required_biometrics)

    def _criminality(self) -> None:
        """SP-130 to SP-134: each sponsored person's convictions (``CRIMINALITY.convictions[]``,
        from 1.6), where each stands under Table 1 on the application date."""
        raw_location = (self.pa.person.answers.get("IMM0008") or {}).get("application") or {}
        in_canada = raw_location.get("location") == categories.PartnerLocation.IN_CANADA_WITH_SPONSOR.value
        entries = []
        for applicant in self.sponsored:
            rows = (applicant.person.answers.get(CRIMINALITY_CODE) or {}).get("convictions")
            for index, row in enumerate(rows if isinstance(rows, list) else ()):
                where = f"{applicant.person.id}/{CRIMINALITY_CODE}/convictions/{index}"
                try:
                    offence = criminality.OffenceRecord(row.get("record"))
                    reference = date.fromisoformat(row.get("sentence_completed_on") or row.get("committed_on"))
                except (TypeError, ValueError, AttributeError):
                    self.form_findings.append(_conviction_unreadable(where))
                    continue
                result = criminality.rehabilitation(
                    offence=offence,
                    reference_date=reference,
                    on=self.on,
                    later_offence=bool(row.get("later_offence", False)),
                    record_suspended=bool(row.get("record_suspended", False)),
                    applying_from_within_canada=in_canada,
                )
                self.findings.extend(_about(result.reasons, where))
                entries.append(
                    {
                        "person": applicant.person.id,
                        "record": offence.value,
                        "reference_date": reference.isoformat(),
                        "status": result.status.value,
                        "deemed_rehabilitated_from": _iso(result.deemed_rehabilitated_from),
                        "may_apply_from": _iso(result.may_apply_from),
                        "record_suspension_required": result.record_suspension_required,
                    }
                )
            # The portal's own questions (IMM 5669): each offence with its dates and sentence,
            # placed in Table 1 (``sponsorship_convictions``), then the same rule.
            history = (applicant.person.answers.get(convictions.FORM_CODE) or {}).get("history")
            placed, notes = convictions.place_in_table_1(
                applicant.person.id, history.get("convictions") if isinstance(history, dict) else None
            )
            self.findings.extend(notes)
            for record in placed:
                where = f"{applicant.person.id}/{convictions.FORM_CODE}/convictions/{record.rows[0]}"
                result = criminality.rehabilitation(
                    offence=record.record,
                    reference_date=record.reference_date,
                    on=self.on,
                    later_offence=record.later_offence,
                    record_suspended=record.record_suspended,
                    applying_from_within_canada=in_canada,
                )
                self.findings.extend(_about(result.reasons, where))
                entries.append(
                    {
                        "person": applicant.person.id,
                        "rows": list(record.rows),
                        "record": record.record.value,
                        "reference_date": record.reference_date.isoformat(),
                        "status": result.status.value,
                        "deemed_rehabilitated_from": _iso(result.deemed_rehabilitated_from),
                        "may_apply_from": _iso(result.may_apply_from),
                        "record_suspension_required": result.record_suspension_required,
                    }
                )
        self.details["criminality"] = entries

    def _undertaking(self) -> None:
        """SP-14, SP-15: once a sponsored person became a permanent resident (the case's
        ``facts``), the day the sponsor's undertaking for them ends."""
        raw = self.case.extra.get("facts")
        became = sponsorship_facts.became_pr((raw or {}).get(sponsorship_facts.FACTS_CODE) if isinstance(raw, dict) else None)
        quebec = bool(self.sponsor.profile and self.sponsor.profile.resides_in_quebec)
        entries = []
        for applicant in self.sponsored:
            became_pr_on = became.get(applicant.person.id)
            if became_pr_on is None:
                continue
            relationship = self.relationship if applicant is self.pa else SponsoredRelationship.DEPENDENT_CHILD
            if relationship is SponsoredRelationship.DEPENDENT_CHILD and applicant.birth_date is None:
                continue  # the missing date of birth is already a finding of the form
            term = undertaking.undertaking_end(
                sponsored=relationship,
                became_pr_on=became_pr_on,
                birth_date=applicant.birth_date,
                sponsor_resides_in_quebec=quebec,
            )
            self.findings.extend(_about(term.reasons, applicant.person.id))
            entries.append(
                {
                    "person": applicant.person.id,
                    "became_pr_on": became_pr_on.isoformat(),
                    "ends_on": term.ends_on.isoformat() if term.ends_on else None,
                    "needs_officer_review": term.needs_officer_review,
                }
            )
        self.details["undertaking"] = entries

    def _sponsor_eligibility(self, out: dict[str, Any]) -> None:
        profile = self.sponsor.profile
        if profile is None:
            out["sponsor"] = None
            return
        assessment = eligibility.assess_sponsor(
            sponsor=profile,
            sponsoring=self.relationship,
            application_received=self.on,
            imm1344_choice=self.sponsor.choice,
        )
        self.findings.extend(_about(assessment.reasons, self.sponsor.person.id))
        out["sponsor"] = {
            "person": self.sponsor.person.id,
            "outcome": assessment.outcome.value,
            "processing_suspended": assessment.processing_suspended,
            "imm1344_choice_required": assessment.imm1344_choice_required,
            "needs_officer_review": assessment.needs_officer_review,
            "time_bar_ends": assessment.time_bar_ends.isoformat() if assessment.time_bar_ends else None,
            "reasons": [r.code for r in assessment.reasons],
        }

    def _relationship_and_category(self, out: dict[str, Any]) -> None:
        pa, relationship = self.pa, self.relationship
        rel = Section(pa.person.answers, pa.person.id, "IMM0008", "relationship", self.form_findings)
        marriage = cohabitation = conjugal = None
        if relationship is SponsoredRelationship.SPOUSE:
            given = rel.section("marriage")
            if given is not None:
                marriage = relationships.Marriage(
                    place=given.choice("place", relationships.MarriagePlace, required=True)
                    or relationships.MarriagePlace.IN_CANADA,
                    form=given.choice(
                        "form", relationships.MarriageForm, relationships.MarriageForm.BOTH_PHYSICALLY_PRESENT
                    ),
                    valid_where_celebrated=given.flag("valid_where_celebrated", True),
                    recognized_in_canada=given.flag("recognized_in_canada", True),
                )
                proof = given.choice("proof", evidence.MarriageProof)
                if proof is not None:
                    self.findings.extend(evidence.marriage_proof(document=proof).reasons)
        elif relationship is SponsoredRelationship.COMMON_LAW_PARTNER:
            cohabitation = tuple(
                relationships.Cohabitation(start=start, end=row.date("end"))
                for _, row in rel.rows("cohabitation")
                if (start := row.date("start", required=True)) is not None
            )
        elif relationship is SponsoredRelationship.CONJUGAL_PARTNER:
            given = rel.section("conjugal")
            since = given.date("since", required=True) if given is not None else None
            if given is not None and since is not None:
                conjugal = relationships.ConjugalRelationship(
                    since=since,
                    partner_lives_in_canada=given.flag("partner_lives_in_canada"),
                    prevented_from_living_together_or_marrying=given.flag(
                        "prevented_from_living_together_or_marrying"
                    ),
                    mutual_interdependence=given.flag("mutual_interdependence"),
                )
        assessment = relationships.assess_relationship(
            relationship=relationship,
            application_date=self.on,
            partner_birth_date=pa.birth_date,
            marriage=marriage,
            cohabitation=cohabitation or (),
            conjugal=conjugal,
        )
        self.findings.extend(_about(assessment.reasons, pa.person.id))
        if relationship in _PARTNER_RELATIONSHIPS:
            pages = rel.integer("communication_evidence_pages")
            if pages is not None:
                check = evidence.communication_evidence(
                    pages=pages, untranslated_pages=rel.integer("untranslated_pages") or 0, on=self.on
                )
                self.findings.extend(check.reasons)

        application = self.application
        location = application.choice(
            "location", categories.PartnerLocation, categories.PartnerLocation.OUTSIDE_CANADA
        )
        has_status = application.flag("has_valid_temporary_status")
        exempt = False
        policy = None
        if (
            relationship in (SponsoredRelationship.SPOUSE, SponsoredRelationship.COMMON_LAW_PARTNER)
            and location is categories.PartnerLocation.IN_CANADA_WITH_SPONSOR
        ):
            grounds = application.choices("inadmissibilities", categories.Inadmissibility)
            policy = categories.assess_public_policy(
                has_valid_temporary_status=has_status,
                inadmissibilities=frozenset(grounds),
                will_hold_valid_passport_when_pr_granted=application.optional_flag(
                    "will_hold_valid_passport_when_pr_granted"
                ),
            )
            exempt = policy.covered
            self.findings.extend(_about(policy.reasons, pa.person.id))
        category = categories.choose_category(
            relationship=relationship,
            location=location,
            stays_in_canada_during_processing=application.flag("stays_in_canada_during_processing", True),
            has_valid_temporary_status=has_status,
            exempt_under_public_policy=exempt,
            sponsor_intends_to_appeal_if_refused=self.sponsor.intends_to_appeal_if_refused,
            chosen=application.choice("category", categories.Category),
        )
        self.findings.extend(category.reasons)
        self.category = category.chosen or category.advised or categories.Category.FAMILY_CLASS
        out["relationship"] = {
            "relationship": relationship.value,
            "kit_applies": assessment.kit_applies,
            "recognized": assessment.recognized,
            "reasons": [r.code for r in assessment.reasons],
        }
        out["category"] = {
            "allowed": [c.value for c in category.allowed],
            "advised": category.advised.value if category.advised else None,
            "chosen": category.chosen.value if category.chosen else None,
            "public_policy_needed": policy.needed if policy else False,
            "public_policy_covers": policy.covered if policy else False,
            "reasons": [r.code for r in category.reasons],
        }

    def _dependants_and_income(self, out: dict[str, Any]) -> income.IncomeRequirement:
        children = [self.pa] if self.program.children_only else self.children
        found = []
        has_grandchild = False
        for child in children:
            answers = child.dependant
            has_grandchild = has_grandchild or answers.flag("has_dependent_child")
            if child.birth_date is None:
                continue
            assessment = dependants.dependent_child_type(
                birth_date=child.birth_date,
                lock_in_date=self.on,
                has_spouse_or_common_law_partner=answers.flag("has_spouse_or_common_law_partner"),
                financially_dependent_since_before_age_limit=answers.flag(
                    "financially_dependent_since_before_22"
                ),
                unable_to_self_support_due_to_condition=answers.flag(
                    "unable_to_self_support_due_to_condition"
                ),
                full_time_accredited_post_secondary_student=answers.flag(
                    "full_time_accredited_post_secondary_student"
                ),
                no_longer_meets_requirements_before_pr=answers.flag("no_longer_meets_requirements_before_pr"),
            )
            self.findings.extend(_about(assessment.reasons, child.person.id))
            if "born_in_canada" in answers or "sponsor_is_citizen_parent" in answers:
                citizenship = dependants.child_citizenship(
                    born_in_canada=answers.flag("born_in_canada"),
                    sponsor_is_citizen_parent=answers.flag("sponsor_is_citizen_parent"),
                    has_proof_of_citizenship=answers.flag("has_proof_of_citizenship"),
                    proof_of_citizenship_pending=answers.flag("proof_of_citizenship_pending"),
                    confirmed_not_citizen=answers.flag("confirmed_not_citizen"),
                )
                self.findings.extend(_about(citizenship.reasons, child.person.id))
            found.append(
                {
                    "person": child.person.id,
                    "dependent": assessment.dependent,
                    "type": assessment.dependant_type.value if assessment.dependant_type else None,
                    "age_at_lock_in": assessment.age_at_lock_in,
                    "needs_officer_review": assessment.needs_officer_review,
                    "reasons": [r.code for r in assessment.reasons],
                }
            )
        out["dependants"] = found
        quebec = self.sponsor.profile.resides_in_quebec if self.sponsor.profile else False
        requirement = income.mni_required(
            sponsoring=self.relationship,
            dependent_child_has_dependent_child=has_grandchild,
            sponsor_resides_in_quebec=quebec,
        )
        self.findings.extend(requirement.reasons)
        out["income"] = {
            "mni_applies": requirement.mni_applies,
            "imm1283_required": requirement.imm1283_required,
            "quebec_assesses_financial_capacity": requirement.quebec_assesses_financial_capacity,
            "needs_officer_review": requirement.needs_officer_review,
        }
        return requirement

    def _forms_and_documents(self, mni: income.IncomeRequirement) -> list[checklist.Item]:
        on, items, per_person, certificates = self.on, [], [], {}
        sponsor = self.sponsor
        sponsor_forms = forms.forms_required(
            role=forms.PersonRole.SPONSOR,
            birth_date=sponsor.profile.birth_date if sponsor.profile else on,
            on=on,
            sponsoring=self.relationship,
            represented=sponsor.representative is not None,
            imm1283_required=mni.imm1283_required,
            person=sponsor.person.id,
        )
        self.findings.extend(sponsor_forms.reasons)
        per_person.append(_forms_json(sponsor.person, sponsor_forms))
        items.append(checklist.Item(checklist.IMM1344, sponsor.person.id))
        if forms.Form.IMM_1283 in sponsor_forms.forms:
            items.append(checklist.Item(checklist.IMM1283, sponsor.person.id))
        if forms.Form.IMM_5476 in sponsor_forms.forms:
            items.append(checklist.Item(checklist.IMM5476, sponsor.person.id))
        items.append(checklist.Item(checklist.DOCUMENT_CHECKLIST, self.pa.person.id))

        for applicant in self.sponsored:
            pid = applicant.person.id
            if applicant.birth_date is None:
                continue
            is_pa = applicant is self.pa
            person_forms = forms.forms_required(
                role=forms.PersonRole.PRINCIPAL_APPLICANT if is_pa else forms.PersonRole.FAMILY_MEMBER,
                birth_date=applicant.birth_date,
                on=on,
                sponsoring=self.relationship,
                represented=applicant.representative is not None,
                selects_sex_x=applicant.selects_sex_x,
                travel_document_shows_x=applicant.travel_document_shows_x,
                held_canadian_tr_document_with_different_sex=applicant.held_tr_document_with_different_sex,
                person=pid,
            )
            self.findings.extend(person_forms.reasons)
            per_person.append(_forms_json(applicant.person, person_forms))
            for form in person_forms.forms:
                text = _FORM_ITEMS.get(form)
                if text is not None:
                    items.append(checklist.Item(text, pid))
            items.append(checklist.Item(checklist.BIRTH_CERTIFICATE, pid))
            items.append(checklist.Item(checklist.PHOTO, pid))

            certificates_for = police.police_certificate_required(
                birth_date=applicant.birth_date,
                is_citizen_or_pr=applicant.is_citizen_or_pr,
                stays=applicant.stays,
                on=on,
                person=pid,
            )
            self.findings.extend(certificates_for.reasons)
            certificates[pid] = list(certificates_for.required_from)
            for country in certificates_for.required_from:
                items.append(checklist.Item(checklist.police_certificate(country), pid))

            if applicant.dependant.flag("travels_without_both_parents"):
                imm5604 = evidence.imm5604_required(
                    child_birth_date=applicant.birth_date,
                    on=on,
                    travels_without_both_parents=True,
                    non_accompanying_parent_can_sign=applicant.dependant.flag(
                        "non_accompanying_parent_can_sign", True
                    ),
                    person=pid,
                )
                self.findings.extend(imm5604.reasons)
                if imm5604.required:
                    items.append(checklist.Item(checklist.IMM5604, pid))

        if self.relationship is SponsoredRelationship.SPOUSE:
            items.append(checklist.Item(checklist.MARRIAGE_CERTIFICATE, self.pa.person.id))
        elif self.relationship is SponsoredRelationship.COMMON_LAW_PARTNER:
            items.append(checklist.Item(checklist.COMMON_LAW_EVIDENCE, self.pa.person.id))
        elif self.relationship is SponsoredRelationship.CONJUGAL_PARTNER:
            items.append(checklist.Item(checklist.CONJUGAL_EVIDENCE, self.pa.person.id))
        self.details["forms"] = per_person
        self.details["police_certificates"] = certificates
        return items

    def _digital_forms(self) -> None:
        """Each required digital form checked against its definition (one source of truth)."""
        required = {entry["person"]: frozenset(entry["forms"]) for entry in self.details["forms"]}
        found = sponsorship_forms.form_findings(self.case, self.program.forms_for, required, self.on)
        located = {r.subject for r in self.form_findings}
        self.form_findings.extend(r for r in found if r.subject not in located)

    def _family_and_medical(self) -> None:
        members = tuple(
            evidence.FamilyMember(
                id=child.person.id,
                declared=True,
                accompanying=child.particulars.accompanying,
                is_citizen_or_pr=child.is_citizen_or_pr,
                custody=child.dependant.choice("custody", evidence.Custody, evidence.Custody.NOT_APPLICABLE),
                why_not_accompanying=child.dependant.text("why_not_accompanying") or "",
            )
            for child in self.children
        )
        declared = evidence.check_family_declared(members=members)
        self.findings.extend(declared.reasons)
        examined = ([] if self.pa.is_citizen_or_pr else [self.pa.person.id]) + list(declared.must_be_examined)
        self.details["medical"] = {
            "must_be_examined": examined,
            "days_after_instructions": param("medical_exam_days", self.on),
        }

    def _fees(self) -> fees.FeeQuote:
        # Biometrics first: the quote takes each person's answer (fees.py docstring).
        kind = (
            bio.ApplicationKind.PERMANENT_RESIDENCE_IN_CANADA
            if self.category is categories.Category.SPOUSE_OR_COMMON_LAW_IN_CANADA
            else bio.ApplicationKind.PERMANENT_RESIDENT_VISA
        )
        self.biometrics = {}
        self.biometrics_kind = kind
        for applicant in self.sponsored:
            if applicant.birth_date is not None:
                self.biometrics[applicant.person.id] = bio.biometrics_requirement(
                    kind=kind,
                    application_date=self.on,
                    birth_date=applicant.birth_date,
                    biometrics_given_before=applicant.biometrics_given_before,
                    subject=applicant.person.id,
                )
        gives = {pid for pid, result in self.biometrics.items() if result.required}
        pa_id = self.pa.person.id
        if self.program.children_only:
            quote = fees.quote_dependent_child_sponsorship(
                application_date=self.on,
                child=fees.SponsoredPerson(pa_id, pa_id in gives),
            )
            if self.children:
                self.findings.append(_child_pa_dependants_fee(len(self.children)))
        else:
            quote = fees.quote_spouse_or_partner_sponsorship(
                application_date=self.on,
                principal_applicant=fees.SponsoredPerson(pa_id, pa_id in gives),
                dependent_children=tuple(
                    fees.SponsoredPerson(c.person.id, c.person.id in gives) for c in self.children
                ),
                pay_rprf_now=self.application.flag("pay_rprf_now", True),
            )
        self.findings.extend(quote.reasons)

        payments = self.case.payments
        paid = sum((p.amount for p in payments), ZERO)
        method = fees.PaymentMethod.ONLINE
        for payment in payments:
            try:
                chosen = fees.PaymentMethod(payment.method)
            except ValueError:
                chosen = fees.PaymentMethod.OTHER
            if chosen is not fees.PaymentMethod.ONLINE:
                method = chosen
        receipt = next((p for p in payments if p.receipt_uploaded), None)
        # SP-201: the IRCC receipt is saved as a PDF and uploaded with the application.
        proof = fees.ProofOfPayment.RECEIPT_ATTACHED if receipt else fees.ProofOfPayment.NONE
        assessment = fees.assess_payment(
            quote=quote,
            amount_paid=paid,
            method=method,
            proof=proof,
            payer_name_on_receipt=receipt.payer_name if receipt else None,
        )
        self.findings.extend(assessment.reasons)
        self.paid, self.receipt = paid, receipt is not None
        self.details["fees"] = _fees_json(quote, assessment)
        return quote

    def _biometrics(self) -> bool:
        # The same shape as the PR card program's: one entry per person, by id.
        people: dict[str, Any] = {}
        for pid, result in self.biometrics.items():
            self.findings.extend(result.reasons)
            people[pid] = {"kind": self.biometrics_kind.value, **_biometrics_json(result)}
        if self.sponsor.profile is not None:
            sponsor = bio.biometrics_requirement(
                kind=bio.ApplicationKind.SPONSORSHIP,
                application_date=self.on,
                birth_date=self.sponsor.profile.birth_date,
                subject=self.sponsor.person.id,
            )
            self.findings.extend(sponsor.reasons)
            people[self.sponsor.person.id] = {"kind": bio.ApplicationKind.SPONSORSHIP.value, **_biometrics_json(sponsor)}
        self.details["biometrics"] = people
        return any(entry["required"] for entry in people.values())

    def _online(self) -> None:
        accommodation = self.application.flag("alternative_format_needed")
        result = online_rules.online_requirement(
            stream=self.program.online_stream, on=self.on, disability=accommodation
        )
        self.findings.extend(result.reasons)
        if self.case.channel != "online" and result.requirement is online_rules.Requirement.ELECTRONIC_ONLY:
            self.findings.append(_paper_not_accepted(value("online.sponsorship_online_from", self.on)))
        self.details["online"] = {
            "requirement": result.requirement.value,
            "must_apply_online": result.requirement is online_rules.Requirement.ELECTRONIC_ONLY,
            "exemptions": [e.value for e in result.exemptions],
            "other_means": [m.value for m in result.other_means],
            "channel": self.case.channel,
        }

    def _signatures(self) -> bool:
        pa = self.pa
        if pa.birth_date is None:
            return False
        roles = {p.id: p.role for p in self.case.people}
        signer_role = {
            PRINCIPAL_APPLICANT: sig.SignerRole.APPLICANT,
            PARENT_OR_GUARDIAN: sig.SignerRole.PARENT_OR_GUARDIAN,
            SPONSOR: sig.SignerRole.SPONSOR,
            DEPENDENT_CHILD: sig.SignerRole.FAMILY_MEMBER,
        }
        representative = pa.representative
        flow = (
            sig.SubmissionFlow.REPRESENTATIVE
            if representative is not None
            and representative.role is s10.RepresentativeRole.PAID_REPRESENTATIVE
            else sig.SubmissionFlow.SELF
        )
        # Reading: the case records one e-signature per signer; it stands for every
        # document that signer types their name on in the chosen flow.
        documents = (
            (sig.SignedDocument.CONSENT_AND_DECLARATION, sig.SignedDocument.IMM_5669)
            if flow is sig.SubmissionFlow.REPRESENTATIVE
            else (sig.SignedDocument.CONSENT_AND_DECLARATION,)
        )
        signatures = tuple(
            sig.ESignature(
                document=document,
                signed_by=signer_role.get(roles.get(s.person, ""), sig.SignerRole.REPRESENTATIVE),
                typed_name=s.typed_name,
                signed_at=datetime.combine(s.signed_on, time()),
            )
            for s in self.case.signatures
            for document in documents
        )
        guardian_name = None
        if self.guardian is not None:
            personal = Section(
                self.guardian.answers, self.guardian.id, "IMM0008", "personal", self.form_findings
            )
            guardian_name = sig.PassportName(
                surname=personal.text("family_name") or "", given_names=personal.text("given_names") or ""
            )
        declared = None
        if flow is sig.SubmissionFlow.REPRESENTATIVE:
            # The representative's declaration is ticked in the portal after the client's
            # e-signature (seed 004): a fact of the case, not an answer of IMM 5476.
            declared_on = self.case.representative_declared_on
            declared = datetime.combine(declared_on, time.max) if declared_on else None
        gate = sig.submission_gate(
            flow=flow,
            principal_applicant_birth_date=pa.birth_date,
            on=self.on,
            applicant_passport_name=pa.passport_name,
            signatures=signatures,
            guardian_passport_name=guardian_name,
            representative_declaration_at=declared,
        )
        signed = not any(r.severity is Severity.BLOCKING for r in gate.reasons)
        # The applicant's signature and declaration (IRPR 10(1)(b), 10(2)(d)) stand once the
        # client has signed; the representative's declaration that follows is its own
        # finding (REPRESENTATIVE_DECLARATION_*), not an unsigned application to return.
        signed_by_applicant = not any(
            r.severity is Severity.BLOCKING and not r.code.startswith("REPRESENTATIVE_DECLARATION")
            for r in gate.reasons
        )
        # SUBMIT_ENABLED speaks only of signatures; whether the whole case may be
        # submitted is ``Evaluation.complete``.
        self.findings.extend(r for r in gate.reasons if r.code != "SUBMIT_ENABLED")
        signer = sig.required_signer(principal_applicant_birth_date=pa.birth_date, on=self.on).signer
        self.details["signatures"] = {
            "flow": flow.value,
            "signer": signer.value,
            "signed": signed,
        }
        return signed_by_applicant

    def _completeness(
        self, check: checklist.ChecklistCheck, quote: fees.FeeQuote, signed: bool, biometrics_pending: bool
    ) -> None:
        sponsor_id = self.sponsor.person.id
        sponsor_missing = tuple(m for m in check.missing if m.startswith(sponsor_id + ":"))
        sponsor_explained = tuple(m for m in check.explained if m.startswith(sponsor_id + ":"))
        # 10(2.2): the biometric fee is not part of the application.
        processing = quote.due_now - sum(
            (line.amount for line in quote.lines if line.code in fees.BIOMETRIC_FEES), ZERO
        )
        sponsorship_fee = sum(
            (line.amount for line in quote.lines if line.code is fees.FeeCode.SPONSORSHIP), ZERO
        )
        # Reading: one payment covers both applications; it goes to the sponsorship fee first.
        paid_to_sponsorship = min(self.paid, sponsorship_fee)
        family_class = self.category is categories.Category.FAMILY_CLASS
        channel = s10.Channel.ELECTRONIC if self.case.channel == "online" else s10.Channel.OTHER_MEANS
        sent = self.application.flag("sent_to_specified_address")
        sponsor_signed = f"{sponsor_id}:IMM1344" not in check.missing
        sponsorship = s10.check_completeness(
            application=s10.ApplicationSummary(
                kind=s10.ApplicationKind.SPONSORSHIP,
                channel=channel,
                form_used=s10.FormUsed.DEPARTMENT_FORM,
                signed_by_applicant=sponsor_signed,
                declaration_made=sponsor_signed,
                persons=(self.sponsor.particulars,),
                visa_or_permit_sought="sponsorship",
                regulatory_class=categories.Category.FAMILY_CLASS.value
                if family_class
                else categories.Category.SPOUSE_OR_COMMON_LAW_IN_CANADA.value,
                fee_due=sponsorship_fee,
                fee_receipt_present=self.receipt,
                fee_paid=paid_to_sponsorship,
                principal_applicant_designated=True,
                missing_items=sponsor_missing,
                explained_items=sponsor_explained,
                representatives=(self.sponsor.representative,) if self.sponsor.representative else (),
                earlier_sponsorship_pending_for_same_person=bool(
                    self.sponsor.profile and self.sponsor.profile.pending_sponsorship_of_same_person
                ),
                sent_to_specified_address=sent,
            )
        )
        residence = s10.check_completeness(
            application=s10.ApplicationSummary(
                kind=s10.ApplicationKind.PERMANENT_RESIDENCE,
                channel=channel,
                form_used=s10.FormUsed.DEPARTMENT_FORM,
                signed_by_applicant=signed,
                declaration_made=signed,
                persons=tuple(applicant.particulars for applicant in self.sponsored),
                visa_or_permit_sought="permanent_resident_visa" if family_class else "permanent_residence",
                regulatory_class=self.category.value,
                fee_due=processing - sponsorship_fee,
                fee_receipt_present=self.receipt,
                fee_paid=self.paid - paid_to_sponsorship,
                # The portal designates the principal applicant by role (10(1)(e)).
                principal_applicant_designated=True,
                missing_items=tuple(m for m in check.missing if m not in sponsor_missing),
                explained_items=tuple(m for m in check.explained if m not in sponsor_explained),
                representatives=(self.pa.representative,) if self.pa.representative else (),
                family_class=family_class,
                # One case holds both applications, unless the sponsor's part is absent (10(4)).
                sponsorship_application_included=self.sponsorship_included,
                sent_to_specified_address=sent,
                biometrics_pending=biometrics_pending,
            )
        )
        parts = [(residence, "permanent_residence_application")]
        if self.sponsorship_included:
            parts.insert(0, (sponsorship, "sponsorship_application"))
        for part, subject in parts:
            # The checklist's own findings name each item in both languages; the generic
            # 10(1)(c) line for the same item would only repeat it.
            self.findings.extend(
                r if r.subject else _about_one(r, subject)
                for r in part.reasons
                if r.code not in ("REQUIRED_ITEM_MISSING", "REQUIRED_ITEM_EXPLAINED")
            )
        self.details["completeness"] = {
            "sponsorship_application": sponsorship.outcome.value if self.sponsorship_included else "not_made",
            "permanent_residence_application": residence.outcome.value,
            "deemed_not_filed_for_appeal": sponsorship.deemed_not_filed_for_appeal or not self.sponsorship_included,
            "returned": list(residence.returned or sponsorship.returned),
            "kept": list(residence.kept or sponsorship.kept),
            "covers": list(residence.covers),
        }


_FORM_ITEMS = {
    forms.Form.IMM_0008: checklist.IMM0008,
    forms.Form.IMM_5669: checklist.IMM5669,
    forms.Form.IMM_5406: checklist.IMM5406,
    forms.Form.IMM_5562: checklist.IMM5562,
    forms.Form.IMM_5476: checklist.IMM5476,
    forms.Form.IRM_0002: checklist.IRM0002,
    # The document checklist (DOCUMENT_CHECKLIST) is added once, for the application.
}


# The checklist item of each sponsored person's photo (SP-190, Appendix C).
PHOTO_CODES = frozenset({"PHOTO"})

# A sponsored person's convictions (SP-130 to SP-134), by record of Table 1; from case format 1.6.
CRIMINALITY_CODE = "CRIMINALITY"


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _conviction_unreadable(where: str) -> Reason:
    return reason(
        "CONVICTION_UNREADABLE",
        rule="SP-131",
        citation=criminality.TABLE_1,
        en="A conviction needs its record (a row of Table 1) and the day the sentence was completed, or the day the offence was committed.",
        fr="Une condamnation doit indiquer son type (une ligne du tableau 1) et la date à laquelle la peine a été purgée, ou celle de l’infraction.",
        subject=where,
    )


@lru_cache(maxsize=16384)
def _about_one(found: Reason, subject: str) -> Reason:
    return Reason(found.code, found.rule, found.citation, found.en, found.fr, found.severity, subject)


def _about(found: tuple[Reason, ...], subject: str) -> tuple[Reason, ...]:
    """The reasons, each about ``subject`` unless it already names whom it is about."""
    return tuple(r if r.subject else _about_one(r, subject) for r in found)


def _biometrics_json(result: bio.BiometricsResult) -> dict[str, Any]:
    return {
        "required": result.required,
        "needs_officer_review": result.needs_officer_review,
        "age_on_application_date": result.age_on_application_date,
        "paragraph": result.paragraph,
        "exemptions": list(result.exemptions),
    }


def _money(amount: Decimal) -> str:
    return f"{amount:.2f}"


def _forms_json(person: CasePerson, required: forms.PersonForms) -> dict[str, Any]:
    return {
        "person": person.id,
        "role": person.role,
        "forms": [form.value for form in required.forms],
        "signed_by": required.signed_by.value,
        "needs_review": required.needs_review,
    }


def _fees_json(quote: fees.FeeQuote, payment: fees.PaymentAssessment) -> dict[str, Any]:
    refund = payment.refund_to
    return {
        "lines": [
            {
                "code": line.code.value,
                "en": line.en,
                "fr": line.fr,
                "amount": _money(line.amount),
                "person": line.subject,
                "deferred": line.deferred,
                "citation": line.citation,
            }
            for line in quote.lines
        ],
        "total": _money(quote.total),
        "due_now": _money(quote.due_now),
        "due_later": _money(quote.due_later),
        "paid": _money(payment.amount_paid),
        # Positive: still owed now; negative: paid in excess (refunded automatically).
        "balance": _money(payment.amount_due - payment.amount_paid),
        "outcome": payment.outcome.value,
        "returned": payment.returned,
        "refund": None
        if refund is None
        else {"amount": _money(payment.excess), "to": refund.recipient.value, "name": refund.name},
    }
