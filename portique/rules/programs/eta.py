"""The electronic travel authorization (eTA): IRPR 12.04–12.07, seed 001.

``EtaProgram.evaluate`` reads the portal's form (``eta_form``) and, when the case carries
them, the facts of the issued eTA (``facts.ETA_FACTS``: its issuance, cancellation, a new eTA
for the same passport, the issuing country leaving a list, the events of 12.06), and answers:

* whether the application contains what 12.04(4) lists and was made electronically (12.04(1));
  on a case from the portal the form's own questions are that list, and the submission gate
  checks the declaration (the e-signature);
* the eTA's validity under 12.05 (five years, or the earliest of the passport's expiry, the
  cancellation, a new eTA for the same passport, the issuing country leaving 190(1)(a) or
  7.01(1), with the exceptions of 12.05(1.2) and (2), and the cut-off of 12.05(1.1)); a
  passport expiring before five years shortens the eTA, it is not an error, but a passport
  already expired on the day the eTA would be issued leaves nothing to issue;
* whether the holder is still eligible and whether an officer may cancel it (12.06, 12.07);
* the assessment: ``issue`` (the rules decide, the portal issues it at submission), ``refer``
  (a rule cannot decide: an officer decides through the casework pages) or ``incomplete``.

"Cannot decide" (docs/eta.md): the sources give no rule to decide it, only an officer can —
whether a U.S. non-immigrant visa is valid (12.04(4)(h.1): the portal cannot check it), and
whether the applicant is admissible when they say something that 12.06 lists has already
happened to them (12.06 speaks of events after issuance; before it, inadmissibility is the
officer's finding under 12.07). Whether the applicant's country is one whose nationals need
or may hold an eTA (7.01(1), 7.1(1), 190(1)(a)) is not decided either: those lists are not in
the sources, and the portal does not check them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from .. import eta as eta_rules
from .. import fees, online
from ..case import Case, CasePerson
from ..dates import long_date_en, long_date_fr
from ..forms.model import Form
from ..forms.validate import validate_form
from ..parameters import value
from ..reasons import Reason, Severity, reason
from ..signatures import SignedDocument
from . import declarations
from . import eta_form as form
from . import pr_card_guardian as guardian_rules
from .definition import PARENT_OR_GUARDIAN, PRINCIPAL_APPLICANT, Delivery, Signing, Traits
from .one_applicant import OneApplicantForms

FORM_CODE = form.FORM_CODE
FACTS_CODE = form.FACTS_CODE
ZERO = Decimal("0")
FEE_CITATION = "Processing fee not in the source documents (parameters/eta.yaml)"

ISSUE = "issue"
REFER = "refer"
INCOMPLETE = "incomplete"


def _date(raw: Any) -> date | None:
    if isinstance(raw, date):
        return raw
    try:
        return date.fromisoformat(raw)
    except (TypeError, ValueError):
        return None


def _about(found: Reason, subject: str) -> Reason:
    return Reason(found.code, found.rule, found.citation, found.en, found.fr, found.severity, subject)


def _yes(raw: Any) -> bool:
    return raw in ("yes", True)


@dataclass(frozen=True, slots=True)
class Applicant:
    """The answers of the eTA form the rules read; a blank is ``None``."""

    id: str
    personal: dict[str, Any]
    contact: dict[str, Any]
    passport: dict[str, Any]
    background: dict[str, Any]

    @classmethod
    def of(cls, person: CasePerson) -> Applicant:
        return cls.from_answers(person.id, person.answers.get(FORM_CODE) or {})

    @classmethod
    def from_answers(cls, person_id: str, raw: Any) -> Applicant:
        def section(code: str) -> dict[str, Any]:
            found = raw.get(code) if isinstance(raw, dict) else None
            return found if isinstance(found, dict) else {}

        return cls(person_id, *(section(code) for code in ("personal", "contact", "passport", "background")))

    @property
    def born(self) -> date | None:
        return _date(self.personal.get("date_of_birth"))

    @property
    def passport_expiry(self) -> date | None:
        return _date(self.passport.get("expiry"))

    @property
    def passport_issuer(self) -> str:
        return str(self.passport.get("country") or "").upper()

    @property
    def passport_number(self) -> str:
        return str(self.passport.get("number") or "").strip().upper()

    @property
    def citizenships(self) -> tuple[str, ...]:
        return tuple(
            str(c).upper()
            for c in (self.personal.get("citizenship"), self.personal.get("other_citizenship"))
            if c
        )

    def application(self, *, electronic: bool, declared: bool) -> eta_rules.EtaApplication:
        name = " ".join(
            str(p) for p in (self.personal.get("given_names"), self.personal.get("family_name")) if p
        )
        return eta_rules.EtaApplication(
            submitted_electronically=electronic,
            name=name or None,
            date_of_birth=self.born,
            place_of_birth=self.personal.get("place_of_birth"),
            sex=self.personal.get("sex"),
            address=self.contact.get("address"),
            nationality=self.personal.get("citizenship"),
            passport_number=self.passport.get("number"),
            passport_issue_date=_date(self.passport.get("issued")),
            passport_expiry_date=self.passport_expiry,
            passport_issuer=self.passport.get("country"),
            email=self.contact.get("email"),
            declaration_made=declared,
            under_7_01_2_b=_yes(self.background.get("us_visa")),
            us_non_immigrant_visa_number=self.background.get("us_visa_number"),
        )


def facts_of(raw: Any, applicant: Applicant, *, issued_on: date) -> eta_rules.EtaFacts | None:
    """The 12.05 facts of the eTA issued on ``issued_on`` for the applicant's passport (``None``
    while the passport's expiry is not known). ``raw``: the ``ETA_FACTS`` answers (may be empty)."""
    expiry = applicant.passport_expiry
    if expiry is None:
        return None
    raw = raw if isinstance(raw, dict) else {}
    issued = raw.get("issued") if isinstance(raw.get("issued"), dict) else {}
    later = raw.get("later") if isinstance(raw.get("later"), dict) else {}
    return eta_rules.EtaFacts(
        issued_on=_date(issued.get("issued_on")) or issued_on,
        passport_expiry=expiry,
        passport_issuer=applicant.passport_issuer,
        citizenships=applicant.citizenships,
        cancelled_on=_date(later.get("cancelled_on")),
        new_eta_same_passport_on=_date(later.get("new_eta_same_passport_on")),
        issuer_left_190_1_a_on=_date(later.get("issuer_left_190_1_a_on")),
        holds_permit_when_issuer_left_190_1_a=_yes(later.get("permit_holder_on_that_day")),
        passport_machine_readable_with_chip=_yes(applicant.passport.get("chip")),
        issuer_left_7_01_1_on=_date(later.get("issuer_left_7_01_1_on")),
        issuer_in_schedule_1_1=_yes(later.get("issuer_in_schedule_1_1")),
        issued_on_us_permanent_residence=_yes(issued.get("us_permanent_resident_basis")),
        citizen_of_schedule_1_1_country=_yes(issued.get("citizen_of_schedule_1_1_country")),
    )


def events_of(raw: Any) -> tuple[eta_rules.EtaEvent, ...]:
    rows = raw.get("events") if isinstance(raw, dict) else None
    found = []
    for row in rows if isinstance(rows, list) else ():
        on = _date(row.get("day")) if isinstance(row, dict) else None
        try:
            kind = eta_rules.EtaEventKind(row.get("kind"))
        except (AttributeError, ValueError):
            continue
        if on is not None:
            found.append(eta_rules.EtaEvent(kind, on))
    return tuple(found)


def validity_as_data(validity: eta_rules.EtaValidity, on: date) -> dict[str, Any]:
    return {
        "issued_on": validity.issued_on.isoformat(),
        "valid_until": validity.valid_until.isoformat(),
        "last_valid_day": validity.last_valid_day.isoformat(),
        "ground": validity.ground.value,
        "ends_at": validity.ends_at.isoformat() if validity.ends_at else None,
        "in_force_on_application_date": validity.in_force_on(on),
    }


@dataclass(frozen=True, kw_only=True)
class EtaProgram(OneApplicantForms, Traits):
    applicant_form = form.ETA_FORM

    def case_facts(self) -> tuple[Form, ...]:
        return (form.ETA_FACTS,)

    def evaluate(self, case: Case):
        from ..evaluate import Evaluation

        on = case.application_date
        form_findings: list[Reason] = []
        findings: list[Reason] = []
        for person in case.people:
            for each in self.forms_for(person.role):
                found = validate_form(each, person.answers.get(each.code, {}), application_date=on)
                form_findings.extend(_about(r, f"{person.id}/{each.code}/{r.subject}") for r in found)
        principal = next((p for p in case.people if p.role == PRINCIPAL_APPLICANT), None)
        # No document is asked for an eTA (IRPR 12.04(4) lists information only): an empty checklist.
        details: dict[str, Any] = {"eta": {}, "checklist": [], "documents_missing": []}
        if principal is None:
            return Evaluation(self.code, tuple(form_findings), tuple(findings), details)
        applicant = Applicant.of(principal)
        raw_facts = (
            (case.extra.get("facts") or {}).get(FACTS_CODE)
            if isinstance(case.extra.get("facts"), dict)
            else None
        )
        eta: dict[str, Any] = details["eta"]

        guardian = next((p for p in case.people if p.role == guardian_rules.ROLE), None)
        who = guardian_rules.signer(
            principal_id=applicant.id,
            born=applicant.born,
            guardian_id=guardian.id if guardian else None,
            on=on,
        )
        findings.extend(who.reasons)

        # 12.04(1), (4). A JSON case is the whole record: its declaration is its signature. On a case
        # from the portal the form's questions are 12.04(4)'s list (its findings say what is missing)
        # and the submission gate asks for the e-signature, so only what the form cannot say is kept.
        whole_record = case.signatures_recorded
        check = eta_rules.check_eta_application(
            application=applicant.application(
                electronic=case.channel != "paper", declared=bool(case.signatures) or not whole_record
            )
        )
        kept = [
            r
            for r in check.reasons
            if whole_record or r.code not in ("ETA_INFORMATION_MISSING", "ETA_APPLICATION_COMPLETE")
        ]
        findings.extend(r if r.subject else _about(r, "application") for r in kept)
        eta["application"] = {"complete": check.complete}

        # 12.05: the validity of the eTA issued on the application date (or on the day the case says).
        facts = facts_of(raw_facts, applicant, issued_on=on)
        if facts is not None:
            validity = eta_rules.eta_validity(eta=facts)
            findings.extend(validity.reasons)
            eta["validity"] = validity_as_data(validity, on)
            if validity.last_valid_day < facts.issued_on and not raw_facts:
                findings.append(_passport_expired(applicant, facts.passport_expiry))

        # 12.06, 12.07: after issuance.
        issued = (raw_facts or {}).get("issued") if isinstance(raw_facts, dict) else None
        later = (raw_facts or {}).get("later") if isinstance(raw_facts, dict) else None
        if raw_facts:
            eligibility = eta_rules.eta_eligibility(
                issued_on=facts.issued_on if facts else on,
                events=events_of(raw_facts),
                under_7_01_1=_yes((issued or {}).get("under_7_01_1")),
                inadmissible=_yes((later or {}).get("inadmissible")),
            )
            findings.extend(eligibility.reasons)
            eta["eligibility"] = {
                "eligible": eligibility.eligible,
                "no_longer_eligible_because": [k.value for k in eligibility.disqualifying],
                "officer_may_cancel": eligibility.officer_may_cancel,
            }

        referral = self.referral(applicant)
        findings.extend(referral)
        quote = self.fee_quote(case)
        findings.extend(quote.reasons)
        details["fees"] = _quote_as_data(quote)

        blocked = any(r.severity is Severity.BLOCKING for r in form_findings + findings)
        eta["assessment"] = INCOMPLETE if blocked else REFER if referral else ISSUE
        eta["referral"] = [r.code for r in referral]
        return Evaluation(self.code, tuple(form_findings), tuple(findings), details)

    @staticmethod
    def referral(applicant: Applicant) -> list[Reason]:
        """What the rules cannot decide, so an officer does (module docstring)."""
        found = []
        subject = f"{applicant.id}/{FORM_CODE}/background"
        if _yes(applicant.background.get("us_visa")):
            found.append(
                reason(
                    "ETA_US_VISA_TO_VERIFY",
                    rule="IRPR-12.04-4",
                    citation="IRPR 12.04(4)(h.1), 7.01(2)(b)",
                    en="You apply on the basis of a United States non-immigrant visa. The portal cannot check that "
                    "the visa is valid, so an officer looks at your application.",
                    fr="Vous présentez votre demande sur la foi d’un visa de non-immigrant des États-Unis. Le portail "
                    "ne peut pas vérifier que ce visa est valide : un agent examine donc votre demande.",
                    severity=Severity.WARNING,
                    subject=subject + ".us_visa",
                )
            )
        if _yes(applicant.background.get("past_events")):
            found.append(
                reason(
                    "ETA_HISTORY_TO_REVIEW",
                    rule="IRPR-12.06, IRPR-12.07",
                    citation="IRPR 12.06, 12.07",
                    en="You say that you were refused a visa or permit, ordered to leave, reported, or that you "
                    "withdrew an application to enter Canada or were issued a temporary resident permit. Only an "
                    "officer can decide what this means for an eTA, so an officer looks at your application.",
                    fr="Vous indiquez qu’on vous a refusé un visa ou un permis, ordonné de partir, que vous avez fait "
                    "l’objet d’un rapport, retiré une demande d’entrée au Canada ou obtenu un permis de séjour "
                    "temporaire. Seul un agent peut décider de ce que cela signifie pour une autorisation : un "
                    "agent examine donc votre demande.",
                    severity=Severity.WARNING,
                    subject=subject + ".past_events",
                )
            )
        return found

    def fee_quote(self, case: Case) -> fees.FeeQuote:
        applicant = case.principal().id
        return fees.quote_one_applicant(
            guide=self.fee_guide,
            application_date=case.application_date,
            applicant=applicant,
            processing_en="Electronic travel authorization (eTA)",
            processing_fr="Autorisation de voyage électronique (AVE)",
            processing_fee=value("eta.processing_fee", case.application_date),
            processing_citation=FEE_CITATION,
            # IRPR 12.1 does not list an eTA application: no biometrics.
            gives_biometrics=False,
            rule="IRPR-12.04-1",
            biometrics_citation="IRPR 12.1",
        )


def _passport_expired(applicant: Applicant, expiry: date) -> Reason:
    return reason(
        "ETA_PASSPORT_EXPIRED",
        rule="IRPR-12.05-1",
        citation="IRPR 12.05(1)(a)",
        en="Your passport expired on {expiry_en}: an eTA issued for it would never be valid. Apply with a "
        "valid passport.",
        fr="Votre passeport est expiré depuis le {expiry_fr} : une autorisation délivrée pour ce passeport ne "
        "serait jamais valide. Présentez votre demande avec un passeport valide.",
        subject=f"{applicant.id}/{FORM_CODE}/passport.expiry",
        # Dates written for Canada, in each language (as the fee reasons write theirs).
        expiry_en=long_date_en(expiry),
        expiry_fr=long_date_fr(expiry),
    )


def _quote_as_data(quote: fees.FeeQuote) -> dict[str, Any]:
    return {
        "lines": [
            {
                "code": line.code.value,
                "en": line.en,
                "fr": line.fr,
                "amount": f"{line.amount:.2f}",
                "person": line.subject,
                "citation": line.citation,
            }
            for line in quote.lines
        ],
        "total": f"{quote.total:.2f}",
        "due_now": f"{quote.due_now:.2f}",
    }


PROGRAM = EtaProgram(
    code="eta",
    en="Electronic travel authorization (eTA)",
    fr="Autorisation de voyage électronique (AVE)",
    number_prefix="ETA",
    starting_roles=(PRINCIPAL_APPLICANT,),
    addable_roles=(PARENT_OR_GUARDIAN,),
    signing=Signing.ONE_SIGNER,
    sponsored=False,
    decided_per_person=False,
    delivery=Delivery.ELECTRONIC_AUTHORIZATION,
    # 12.04(4)(g) names a representative's particulars, but the portal's representative flow
    # is not offered for an eTA yet (docs/eta.md).
    representatives_may_file=False,
    # 12.04(1): electronically only, no other means.
    online_stream=online.Stream.ELECTRONIC_TRAVEL_AUTHORIZATION,
    kit=None,
    fee_guide=fees.Guide.ELECTRONIC_TRAVEL_AUTHORIZATION,
    declarations={PRINCIPAL_APPLICANT: declarations.ETA_APPLICANT},
    start_hint_en="For travellers who fly to Canada and need an eTA: it is linked to your passport and valid for "
    "up to five years.",
    start_hint_fr="Pour les voyageurs qui se rendent au Canada par avion et qui ont besoin d’une AVE : elle est "
    "liée à votre passeport et valide jusqu’à cinq ans.",
    represented_client_signs=(SignedDocument.CONSENT_AND_DECLARATION,),
    assessed_by_the_rules=True,
    approval_note_en="Your electronic travel authorization (eTA) is issued. It is linked to the passport you gave in "
    "your application: travel with that passport. Its page in your account says until when it is valid.",
    approval_note_fr="Votre autorisation de voyage électronique (AVE) est délivrée. Elle est liée au passeport "
    "indiqué dans votre demande\u00a0: voyagez avec ce passeport. Sa page dans votre compte indique jusqu’à quand "
    "elle est valide.",
)
