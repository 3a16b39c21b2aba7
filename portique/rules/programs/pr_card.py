"""The PR card program (guide IMM 5445): its form, checklist, fees and findings.

``PrCardProgram.evaluate`` reads the IMM 5444 answers of a ``Case`` and asks every PR
card rule in turn — the form, eligibility and the 270-day rule (PRC-05 to PRC-21), the
residency obligation (PRC-100 to PRC-108), urgent processing (PRC-95 to PRC-98), the
document checklist and what is missing from it (PRC-60 to PRC-65; IRPR 10(1)(c), 12),
biometrics (IRPR 12.1(m), 12.2), the fee quote and, when payments are known, the
balance (IRPR 10(1)(d)). The Validate button, submission gating, officer screening and
``portique rules evaluate`` all read this one evaluation.

Payment is not a condition of a complete *form*: an unpaid case is not blocked here
(the applicant pays after validating); the submission gate and the officer's screening
ask the balance, which is blocking when anything is paid short or nothing is paid.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time
from decimal import Decimal
from functools import lru_cache
from typing import Any

from .. import biometrics, fees, online, paper_submission, residency, urgent
from .. import pr_card as pr_card_rules
from .. import pr_card_documents as documents
from .. import signatures as sig
from ..case import Case, CasePerson
from ..evaluate import Evaluation
from ..forms.model import Form
from ..forms.validate import NOT_APPLICABLE, validate_form
from ..parameters import value
from ..reasons import Reason, Severity
from ..signatures import SignedDocument
from . import case_documents, declarations
from . import pr_card_guardian as guardian_rules
from .definition import PARENT_OR_GUARDIAN, PRINCIPAL_APPLICANT, Delivery, Signing, Traits
from .imm5444 import IMM5444
from .one_applicant import OneApplicantForms

FORM_CODE = IMM5444.code

_OPTIONS = {"option_a", "option_b", "option_c"}
# The checklist item of the applicant's photo (PRC-62): its file facts are checked online.
PHOTO_CODES = frozenset({"PHOTO"})
_PORTAL_ITEMS = ("DOCUMENT_CHECKLIST_IMM5644", "FEE_RECEIPT")
# The IMM 5444 options use the rules' own values for these answers.
_URGENT_REASONS = {member.value: member for member in urgent.UrgentReason}
_NAME_CHANGE_PLACES = {member.value: member for member in documents.NameChangePlace}


def _prefixed(person_id: str, form: Form, reasons: tuple[Reason, ...]) -> tuple[Reason, ...]:
    return tuple(_about(r, f"{person_id}/{form.code}/{r.subject}") for r in reasons)


# The rules' reasons repeat from case to case (most are built once, see reasons.reason) and so
# do their subjects ("p1/eligibility"): each located reason is built once too (bounded), as
# the sponsorship program does.
@lru_cache(maxsize=16384)
def _about(found: Reason, subject: str) -> Reason:
    """``found``, located at ``subject`` (built directly: ``dataclasses.replace`` costs more)."""
    return Reason(found.code, found.rule, found.citation, found.en, found.fr, found.severity, subject)


def _date(raw: Any) -> date | None:
    if isinstance(raw, date):
        return raw
    try:
        return date.fromisoformat(raw)
    except (TypeError, ValueError):
        return None


def _days(raw: Any) -> int:
    """A day count answered as a whole number (0 when blank or not a count: the form says which)."""
    if isinstance(raw, bool):
        return 0
    if isinstance(raw, int):
        return max(raw, 0)
    if isinstance(raw, str) and raw.strip().isdigit():
        return int(raw.strip())
    return 0


_YES_NO = {"yes": True, "no": False}
# Who signed, by the role of the person in the case; anyone else is a representative.
_SIGNER_ROLES = {
    PRINCIPAL_APPLICANT: sig.SignerRole.APPLICANT,
    PARENT_OR_GUARDIAN: sig.SignerRole.PARENT_OR_GUARDIAN,
}


def _yes(raw: Any) -> bool | None:
    return _YES_NO.get(raw)


class _Answers:
    """The IMM 5444 answers of one person, read defensively: a blank is ``None``."""

    def __init__(self, person: CasePerson):
        self.raw = person.answers.get(FORM_CODE, {}) or {}

    def section(self, code: str) -> dict[str, Any]:
        found = self.raw.get(code)
        return found if isinstance(found, dict) else {}

    def rows(self, code: str) -> list[dict[str, Any]] | None:
        """A repeating section's rows; ``[]`` when marked N/A, ``None`` when unanswered."""
        found = self.raw.get(code)
        if found == NOT_APPLICABLE:
            return []
        if isinstance(found, list):
            return [row for row in found if isinstance(row, dict)]
        return None


def _absences(rows: list[dict[str, Any]], provided: dict[str, int]) -> tuple[residency.Absence, ...]:
    """The IMM 5444 absences, each claimed under Option A, B or C when its answers say so.

    A claimed option is credited by ``residency.residency_obligation`` when its conditions
    (the row's answers) hold and its mandatory documents are among those ``provided``; what
    the documents say is then the officer's to confirm (docs/rules/pr-card.md).
    """
    absences = []
    for number, row in enumerate(rows, start=1):
        start, end = _date(row.get("start")), _date(row.get("end"))
        if start is None or end is None or end < start:
            continue  # the form's own validation reports it
        absences.append(
            residency.Absence(start=start, end=end, claim=_option_claim(row, provided), label=str(number))
        )
    return tuple(absences)


def _option_claim(row: dict[str, Any], provided: dict[str, int]) -> residency.OptionClaim | None:
    """The option claimed in one absence row, from its answers and the documents provided;
    ``None`` while an answer the option needs is missing (the form reports it)."""
    option = row.get("reason")

    def has(code: str) -> bool:
        return provided.get(code, 0) > 0

    if option == "option_a":
        conditions = [_yes(row.get(k)) for k in ("employer_canadian", "assigned_full_time", "will_continue_in_canada")]
        if None in conditions:
            return None
        # Reading: the letter uploaded is taken to make the statements the guide lists; an
        # officer reads it (a letter that omits one, AS-47, is the officer's finding).
        letter = residency.EmployerLetter(*(True,) * 7) if has("OPTION_A_EMPLOYER_LETTER") else None
        return residency.EmploymentAbroad(*conditions, letter=letter)
    relation = {"spouse": residency.Relation.SPOUSE, "parent": residency.Relation.PARENT}.get(row.get("accompanied"))
    if relation is None:
        return None
    relationship = has("PARENT_RELATIONSHIP_PROOF" if relation is residency.Relation.PARENT else "SPOUSE_RELATIONSHIP_PROOF")
    if option == "option_b":
        citizen_since = _date(row.get("citizen_since"))
        if citizen_since is None:
            return None
        return residency.AccompanyingCitizen(
            relation=relation,
            citizen_since=citizen_since,
            passports_used_in_period=has("OPTION_B_PASSPORTS_OF_CITIZEN"),
            citizenship_proof_with_date=has("OPTION_B_CITIZENSHIP_PROOF"),
            residential_addresses_for_period=has("OPTION_B_ADDRESSES_OF_CITIZEN"),
            relationship_proof=relationship,
        )
    if option == "option_c":
        employed, meets = _yes(row.get("resident_employed_full_time")), _yes(row.get("resident_meets_obligation"))
        if employed is None or meets is None:
            return None
        # Reading: the documents showing that the person meets their residency obligation
        # show that they are a permanent resident (the guide lists no separate document).
        obligation_proof = has("OPTION_C_RESIDENCY_PROOF_OF_RESIDENT")
        return residency.AccompanyingResident(
            relation=relation,
            employed_full_time_by_canadian_business_or_public_service=employed,
            meets_own_residency_obligation=meets,
            permanent_resident_proof=obligation_proof,
            residency_obligation_proof=obligation_proof,
            passports_used_in_period=has("OPTION_C_PASSPORTS_OF_RESIDENT"),
            relationship_proof=relationship,
        )
    return None


def _option_claims(rows: list[dict[str, Any]]) -> int:
    return sum(1 for row in rows if row.get("reason") in _OPTIONS)


def _option_claim_reason(count: int) -> Reason:
    return Reason(
        "RESIDENCY_OPTION_DAYS_OFFICER_CONFIRMS",
        "PRC-104, PRC-105, PRC-106",
        "IMM 5445 — Obligation de résidence, options A, B et C",
        f"{count} absence(s) are claimed under Option A, B or C. Their days count toward the 730 when the "
        "option's conditions hold and its mandatory documents are provided; an officer confirms what the "
        "documents show.",
        f"{count} absence(s) sont déclarées au titre de l’option A, B ou C. Leurs jours comptent pour les 730 "
        "lorsque les conditions de l’option sont remplies et que ses documents obligatoires sont fournis; un "
        "agent confirme ce que montrent les documents.",
        Severity.INFO,
    )


def _checklist_absences(rows: list[dict[str, Any]]) -> tuple[residency.Absence, ...]:
    """Absences with a placeholder claim for each option, so the checklist lists its documents."""
    claims = {
        "option_a": residency.EmploymentAbroad(
            canadian_business_or_public_service=True,
            assigned_full_time_as_condition=True,
            will_continue_with_employer_in_canada=True,
        ),
    }
    found = []
    for row in rows:
        start, end = _date(row.get("start")), _date(row.get("end"))
        if start is None or end is None or end < start:
            continue
        relation = (
            residency.Relation.PARENT if row.get("accompanied") == "parent" else residency.Relation.SPOUSE
        )
        option = row.get("reason")
        if option == "option_b":
            claim: residency.OptionClaim | None = residency.AccompanyingCitizen(
                relation=relation, citizen_since=start
            )
        elif option == "option_c":
            claim = residency.AccompanyingResident(
                relation=relation,
                employed_full_time_by_canadian_business_or_public_service=True,
                meets_own_residency_obligation=True,
            )
        else:
            claim = claims.get(option)
        if claim is not None:
            found.append(residency.Absence(start=start, end=end, claim=claim))
    return tuple(found)


def _checklist_as_data(checklist: documents.Checklist, person_id: str) -> list[dict[str, Any]]:
    return [
        {
            "code": item.code,
            "en": item.en,
            "fr": item.fr,
            "why_en": item.why_en,
            "why_fr": item.why_fr,
            "citation": item.citation,
            "rule": item.rule,
            "alternatives": [list(option) for option in item.satisfied_by],
            "count": item.count,
            "may_explain_instead": item.may_explain_instead,
            "if_missing": item.if_missing.value,
            "person": person_id,
        }
        for item in checklist.items
    ]


@lru_cache(maxsize=1024)
def _upload_checklist(checklist: documents.Checklist, channel, person_id: str):
    """The items to upload, as a checklist and as data, and the items the portal stands for.

    Checklists are themselves built once per situation, so this is computed once per
    checklist, channel and person.
    """
    portal_items = _PORTAL_ITEMS if channel is pr_card_rules.Channel.ONLINE else ()
    to_upload = documents.Checklist(
        tuple(item for item in checklist.items if item.code not in portal_items), checklist.reasons
    )
    by_portal = tuple(item.code for item in checklist.items if item.code in portal_items)
    return to_upload, tuple(_checklist_as_data(to_upload, person_id)), by_portal


def _money(amount: Decimal) -> str:
    return f"{amount:.2f}"


def _quote_as_data(quote: fees.FeeQuote, paid: Decimal | None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "lines": [
            {
                "code": line.code.value,
                "en": line.en,
                "fr": line.fr,
                "amount": _money(line.amount),
                "person": line.subject,
                "citation": line.citation,
                "deferred": line.deferred,
            }
            for line in quote.lines
        ],
        "total": _money(quote.total),
        "due_now": _money(quote.due_now),
        "due_later": _money(quote.due_later),
    }
    if paid is not None:
        data["paid"] = _money(paid)
        data["balance"] = _money(quote.due_now - paid)
    return data


@dataclass(frozen=True, kw_only=True)
class PrCardProgram(OneApplicantForms, Traits):
    applicant_form = IMM5444

    def evaluate(self, case: Case):
        on = case.application_date
        form_findings: list[Reason] = []
        findings: list[Reason] = []
        details: dict[str, Any] = {"checklist": [], "biometrics": {}, "documents_missing": []}
        applicants: list[fees.PrCardApplicant] = []

        for person in case.people:
            for form in self.forms_for(person.role):
                found = validate_form(form, person.answers.get(form.code, {}), application_date=on)
                form_findings.extend(_prefixed(person.id, form, found))
            if person.role == PRINCIPAL_APPLICANT:
                applicants.append(self._person(case, person, findings, details))
        self._signer(case, findings, details)
        if case.signatures_recorded:
            self._signature(case, findings, details)

        found, details["translations"] = case_documents.translation_findings(case, self.fee_guide)
        findings.extend(found)
        # Online the photo is an uploaded file (PRC-62); on paper, prints in an envelope (PRC-63).
        found, details["photos"] = (
            ([], []) if case.channel == "paper" else case_documents.photo_findings(case, PHOTO_CODES)
        )
        findings.extend(found)
        found, on_paper = case_documents.paper_photo_findings(case, PHOTO_CODES)
        findings.extend(found)
        details["photos"] += on_paper

        channel = pr_card_rules.Channel.PAPER if case.channel == "paper" else pr_card_rules.Channel.ONLINE
        requirement = online.online_requirement(stream=self.online_stream, on=on)
        details["online"] = {"requirement": requirement.requirement.value, "channel": channel.value}
        if applicants:
            quote = fees.quote_pr_card(application_date=on, applicants=tuple(applicants))
            findings.extend(quote.reasons)
            paid = sum((p.amount for p in case.payments), Decimal("0")) if case.payments else None
            details["fees"] = _quote_as_data(quote, paid)
            if case.payments:
                last = case.payments[-1]
                assessment = fees.assess_payment(
                    quote=quote,
                    amount_paid=paid,
                    method=fees.PaymentMethod.ONLINE
                    if last.method == "online"
                    else fees.PaymentMethod(last.method),
                    # The refund of an overpayment goes to the payer named on an uploaded
                    # receipt, otherwise to the applicant (PRC-73, AS-16).
                    proof=fees.ProofOfPayment.RECEIPT_ATTACHED
                    if last.receipt_uploaded
                    else fees.ProofOfPayment.PAID_IN_APPLICATION,
                    payer_name_on_receipt=last.payer_name,
                )
                findings.extend(assessment.reasons)
        return Evaluation(
            program=self.code, form_findings=tuple(form_findings), findings=tuple(findings), details=details
        )

    def _person(self, case: Case, person: CasePerson, findings: list[Reason], details: dict[str, Any]):
        on = case.application_date
        answers = _Answers(person)
        application = answers.section("application")
        personal = answers.section("personal")
        eligibility = answers.section("eligibility")
        humanitarian = _yes(answers.section("humanitarian").get("requested")) is True
        absence_rows = answers.rows("absences")
        born = _date(personal.get("date_of_birth"))
        became_pr = _date(personal.get("date_became_pr"))
        purpose = _enum(pr_card_rules.Purpose, application.get("purpose"))
        channel = pr_card_rules.Channel.PAPER if case.channel == "paper" else pr_card_rules.Channel.ONLINE

        provided: dict[str, int] = {}
        explained: set[str] = set()
        for document in case.documents:
            if document.person not in (None, person.id):
                continue
            if document.explanation_only:
                explained.add(document.code)
            elif document.prints is not None:
                # Reading (PRC-63): an envelope of photos is the photo item provided; too few
                # prints, prints not identical or a wrong envelope are the guide's "may be sent
                # back" (photos.check_paper_photos, warnings), for the officer to weigh, not an
                # s.10 return. An empty envelope provides nothing.
                if document.prints.count > 0:
                    provided[document.code] = provided.get(document.code, 0) + max(
                        document.prints.count, value("photos.paper_photo_count", on)
                    )
            else:
                provided[document.code] = provided.get(document.code, 0) + 1

        residency_status = None
        if became_pr is not None and absence_rows is not None and became_pr <= on:
            result = residency.residency_obligation(
                became_pr_on=became_pr,
                application_date=on,
                absences=_absences(absence_rows, provided),
                date_of_birth=born,
                humanitarian_grounds_requested=humanitarian,
            )
            residency_status = result.status
            findings.extend(_about(r, f"{person.id}/absences") for r in result.reasons)
            if claims := _option_claims(absence_rows):
                findings.append(_about(_option_claim_reason(claims), f"{person.id}/absences"))
            # PRC-40 to PRC-42: a notice, never a decision. The window is the same five years
            # when the person has been a permanent resident that long; days in Canada before
            # becoming one are the applicant's answer (``before_pr``), credited at half a day.
            before_pr = _days(answers.section("before_pr").get("days_present"))
            hint = residency.citizenship_hint(
                signing_date=on, days_present_as_pr=result.days_present, days_present_before_pr=before_pr
            )
            findings.extend(_about(r, f"{person.id}/absences") for r in hint.reasons)
            details["citizenship_hint"] = {
                "days_present_before_pr": before_pr,
                "pre_pr_credit": format(hint.pre_pr_credit.normalize(), "f"),
                "may_be_eligible": hint.may_be_eligible,
                "credited_days": str(hint.credited_days),
                "required_days": hint.required_days,
            }
            details["residency"] = {
                "status": result.status.value,
                "window_start": result.window_start.isoformat(),
                "window_end": result.window_end.isoformat(),
                "days_present": result.days_present,
                "days_absent": result.days_absent,
                "days_credited": result.days_credited,
                "days_required": result.days_required,
                "days_left_in_first_period": result.days_left_in_first_period,
            }

        answered = [
            _yes(eligibility.get(k)) for k in ("in_canada", "is_citizen", "removal_order", "card_offence")
        ]
        if purpose is not None and None not in answered:
            in_canada, citizen, removal, offence = answered
            assessment = pr_card_rules.assess_pr_card_application(
                purpose=purpose,
                application_date=on,
                is_permanent_resident=True,
                physically_in_canada=bool(in_canada),
                is_canadian_citizen=bool(citizen),
                subject_to_removal_order=bool(removal),
                convicted_of_card_misuse=bool(offence),
                channel=channel,
                current_card_expiry=_date(application.get("current_card_expiry")),
                current_card_issued_on=_date(application.get("current_card_issue_date")),
                legal_name_changed=purpose is pr_card_rules.Purpose.LEGAL_NAME_CHANGE
                or _yes(application.get("name_also_changed")) is True,
                sex_designation_changed=purpose is pr_card_rules.Purpose.SEX_DESIGNATION_CHANGE,
                became_pr_on=became_pr,
                residency_status=residency_status,
                humanitarian_grounds_requested=humanitarian,
            )
            findings.extend(_about(r, f"{person.id}/eligibility") for r in assessment.reasons)
            details["eligibility"] = {
                "outcome": assessment.outcome.value,
                "processing_fee_refundable": assessment.processing_fee_refundable,
                "days_card_remains_valid": assessment.days_card_remains_valid,
            }
        elif purpose is not None:
            # The eligibility questions come last in the form; the 270-day rule needs only the
            # first section, so the applicant hears at once that a renewal would be returned.
            timing = pr_card_rules.renewal_timing(
                purpose=purpose,
                application_date=on,
                card_expiry=_date(application.get("current_card_expiry")),
                legal_name_changed=_yes(application.get("name_also_changed")) is True,
            )
            findings.extend(_about(r, f"{person.id}/application") for r in timing.reasons)

        indigenous = _yes(application.get("indigenous_name")) is True
        if purpose is not None and born is not None:
            checklist = documents.pr_card_checklist(
                purpose=purpose,
                channel=channel,
                application_date=on,
                date_of_birth=born,
                name_change=self._name_change(purpose, application),
                indigenous_name_reclaimed=indigenous,
                has_police_report=_yes(application.get("police_report")) is True,
                new_sex_designation_x=purpose is pr_card_rules.Purpose.SEX_DESIGNATION_CHANGE
                and personal.get("sex") == "X",
                humanitarian_grounds_requested=humanitarian,
                urgent=_yes(application.get("urgent")) is True,
                absences=_checklist_absences(absence_rows or []),
            )
            # Online, the portal itself stands for two items: this personal checklist is the
            # IMM 5644 (the guide asks to enclose IMM 5644 with a paper application, PRC-90),
            # and the fee is paid in the portal (PRC-73), which the submission gate checks.
            to_upload, checklist_data, by_portal = _upload_checklist(checklist, channel, person.id)
            # Copies: the caller may change its evaluation's details; the cached lists stay as built.
            details["checklist"] = [dict(item) for item in checklist_data]
            details["provided_by_portal"] = list(by_portal)
            completeness = documents.missing_documents(to_upload, provided, explained)
            details["documents_missing"] = list(completeness.missing)
            findings.extend(_about(r, f"{person.id}/documents/{r.subject}") for r in completeness.reasons)
        else:
            # Until the purpose and date of birth are answered, the photos (asked of every
            # applicant) are the checklist, so they can be uploaded from the start.
            photos = documents.photo_checklist(channel=channel, application_date=on)
            details["checklist"] = [dict(item) for item in _checklist_as_data(photos, person.id)]

        if _yes(application.get("urgent")) is True:
            assessment_urgent = urgent.assess_urgent_request(
                application_date=on,
                departure_date=_date(application.get("departure_date")),
                urgent_reason=_URGENT_REASONS.get(application.get("urgent_reason")),
                documents_provided=tuple(d for d in urgent.UrgentDocument if provided.get(d.value)),
            )
            # Urgent processing is never a condition of completeness: it is advice.
            findings.extend(
                replace(
                    r,
                    severity=Severity.WARNING if r.severity is Severity.BLOCKING else r.severity,
                    subject=f"{person.id}/application",
                )
                for r in assessment_urgent.reasons
            )
            details["urgent"] = {"outcome": assessment_urgent.outcome.value}

        gives_biometrics = False
        if born is not None:
            result_bio = biometrics.biometrics_requirement(
                kind=biometrics.ApplicationKind.PERMANENT_RESIDENT_CARD,
                application_date=on,
                birth_date=born,
                subject=person.id,
                became_pr_on=became_pr,
            )
            gives_biometrics = result_bio.required
            findings.extend(result_bio.reasons)
            details["biometrics"][person.id] = {
                "kind": biometrics.ApplicationKind.PERMANENT_RESIDENT_CARD.value,
                "birth_date": born.isoformat(),
                "required": result_bio.required,
                "needs_officer_review": result_bio.needs_officer_review,
                "age_on_application_date": result_bio.age_on_application_date,
            }
        return fees.PrCardApplicant(
            id=person.id,
            gives_biometrics=gives_biometrics,
            reclaimed_indigenous_name=indigenous,
            indigenous_name_declaration_attached=provided.get("INDIGENOUS_NAME_DECLARATION", 0) > 0,
            indigenous_name_statement_uploaded=provided.get("INDIGENOUS_NAME_FEE_STATEMENT", 0) > 0,
        )

    def fee_quote(self, case: Case) -> fees.FeeQuote:
        """The rules' fee quote for ``case``: $50 per applicant, the waiver, biometrics (PRC-70, PRC-33)."""
        details: dict[str, Any] = {"checklist": [], "biometrics": {}, "documents_missing": []}
        applicants = tuple(
            self._person(case, person, [], details)
            for person in case.people
            if person.role == PRINCIPAL_APPLICANT
        )
        return fees.quote_pr_card(application_date=case.application_date, applicants=applicants)

    @staticmethod
    def _signer(case: Case, findings: list[Reason], details: dict[str, Any]) -> None:
        """Who signs: the applicant, or under 18 the declared parent or guardian (ACT-56)."""
        principal = next((p for p in case.people if p.role == "principal_applicant"), None)
        if principal is None:
            return
        guardian = next((p for p in case.people if p.role == guardian_rules.ROLE), None)
        born = _date(_Answers(principal).section("personal").get("date_of_birth"))
        found = guardian_rules.signer(
            principal_id=principal.id,
            born=born,
            guardian_id=guardian.id if guardian is not None else None,
            on=case.application_date,
        )
        findings.extend(found.reasons)
        details["signatures"] = {"signer": found.role.value, "guardian": found.guardian_id}

    @staticmethod
    def _signature(case: Case, findings: list[Reason], details: dict[str, Any]) -> None:
        """IRPR 10(1)(b): the application is signed — e-signed by the applicant, or under 18 by
        the declared parent or guardian, with their passport name (ACT-54, ACT-56, ACT-57);
        on paper, by hand, as the officer recorded it.

        The same gate, and so the same reasons (``SIGNATURE_MISSING`` for the consent and
        declaration, ``SIGNATURE_NAME_MISMATCH``, the representative's declaration), as the
        portal's submission gate: a reason the portal finds again is the same code and subject.
        """
        principal = next((p for p in case.people if p.role == PRINCIPAL_APPLICANT), None)
        if principal is None:
            return
        personal = _Answers(principal).section("personal")
        born = _date(personal.get("date_of_birth"))
        signing = details.setdefault("signatures", {})
        if case.channel == "paper":
            found = paper_submission.handwritten_signature(
                principal_applicant_birth_date=born, on=case.application_date, recorded=bool(case.signatures)
            )
            findings.extend(found)
            signing["signed"] = not found
            return
        if born is None:
            return  # the form reports the missing date of birth; who signs depends on it
        guardian = next((p for p in case.people if p.role == guardian_rules.ROLE), None)
        roles = {p.id: p.role for p in case.people}
        flow = sig.SubmissionFlow.REPRESENTATIVE if case.representative_declared_on else sig.SubmissionFlow.SELF
        gate = sig.submission_gate(
            flow=flow,
            principal_applicant_birth_date=born,
            on=case.application_date,
            applicant_passport_name=sig.PassportName(
                surname=str(personal.get("family_name") or ""), given_names=str(personal.get("given_names") or "")
            ),
            signatures=tuple(
                sig.ESignature(
                    document=SignedDocument.CONSENT_AND_DECLARATION,
                    signed_by=_SIGNER_ROLES.get(roles.get(s.person, ""), sig.SignerRole.REPRESENTATIVE),
                    typed_name=s.typed_name,
                    signed_at=datetime.combine(s.signed_on, time()),
                )
                for s in case.signatures
            ),
            guardian_passport_name=guardian_rules.passport_name(guardian.answers) if guardian is not None else None,
            representative_declaration_at=(
                datetime.combine(case.representative_declared_on, time.max) if case.representative_declared_on else None
            ),
            # A PR card applicant has no IMM 5669 (REP-11): the consent and declaration only.
            client_documents=(SignedDocument.CONSENT_AND_DECLARATION,),
        )
        # SUBMIT_ENABLED speaks only of signatures; whether the case is complete is the evaluation's.
        findings.extend(r for r in gate.reasons if r.code != "SUBMIT_ENABLED")
        signing["flow"] = flow.value
        signing["signed"] = not any(r.severity is Severity.BLOCKING for r in gate.reasons)

    @staticmethod
    def _name_change(purpose, application: dict[str, Any]) -> documents.NameChange | None:
        if purpose is pr_card_rules.Purpose.LEGAL_NAME_CHANGE:
            place = _NAME_CHANGE_PLACES.get(application.get("name_change_place"))
        elif _yes(application.get("name_also_changed")) is True:
            place = _NAME_CHANGE_PLACES.get(application.get("also_changed_name_place"))
        else:
            place = None
        return None if place is None else documents.NameChange(place=place)


def _enum(kind, raw):
    try:
        return kind(raw)
    except ValueError:
        return None


PROGRAM = PrCardProgram(
    code="pr_card",
    en="Permanent resident card",
    fr="Carte de résident permanent",
    number_prefix="PRC",
    starting_roles=(PRINCIPAL_APPLICANT,),
    # The parent or legal guardian who signs for an applicant under 18 (ACT-56, SP-210).
    addable_roles=(PARENT_OR_GUARDIAN,),
    signing=Signing.ONE_SIGNER,
    sponsored=False,
    decided_per_person=False,
    delivery=Delivery.CARD_BY_MAIL,
    representatives_may_file=True,
    online_stream=online.Stream.PR_CARD,
    kit=online.Kit.PR_CARD,
    fee_guide=fees.Guide.PR_CARD,
    # The parent or guardian of an applicant under 18 signs the same declaration for them.
    declarations={PRINCIPAL_APPLICANT: declarations.PR_CARD_APPLICANT},
    # A PR card applicant has no IMM 5669 (REP-11).
    represented_client_signs=(SignedDocument.CONSENT_AND_DECLARATION,),
    paper_photos_in_envelope=True,
)
