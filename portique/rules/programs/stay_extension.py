"""Extending a stay in Canada: the temporary residents' applications of seed 000.

A temporary resident in Canada extends their status (a visitor record) or their
authorization to study or to work, or applies from within Canada for a first study permit
or a new work permit (seed 000's table). ``StayExtensionProgram.evaluate`` reads the
portal's form (``stay_extension_form``) and asks, in turn:

* the online requirement (IRPR 9.2) with the applicant's claim of an exemption — a row of
  the seed-000 table, a disability (9.5) or exceptional circumstances (9.4) — which decides
  whether a paper application is allowed (``rules.online``);
* biometrics for temporary residence, IRPR 12.1(e), (h) or (i), with the exemptions of
  12.2(1) (age, a U.S. national or the Crown under (c), a refugee claimant under (d) for a
  permit, …) (``rules.biometrics``);
* the fees: the processing fee of a dated parameter that the sources do not give
  (``parameters/stay_extension.yaml``) and the biometric fee;
* completeness under IRPR 10 and the return under 12 (``rules.completeness``).

A case from the portal does not carry its signature or count its payment as the fee
receipt: the portal's submission gate checks both (as for the PR card); a JSON case is the
whole record (``Case.signatures_recorded``), so an unsigned or unpaid one is incomplete.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from .. import biometrics, fees, online, paper_submission
from .. import completeness as s10
from .. import eta as eta_rules
from .. import signatures as sig
from ..case import Case, CasePerson
from ..forms.validate import validate_form
from ..parameters import value
from ..reasons import Reason, Severity, reason
from ..signatures import SignedDocument
from . import declarations
from . import pr_card_guardian as guardian_rules
from . import stay_extension_form as form
from .definition import PARENT_OR_GUARDIAN, PRINCIPAL_APPLICANT, Delivery, Signing, Traits
from .one_applicant import OneApplicantForms

FORM_CODE = form.FORM_CODE
ZERO = Decimal("0")

# What is asked for: the IRPR 12.1 paragraph that lists it, the fee parameter, the class of
# the Regulations it is made under (10(2)(c)) and what the fee line says.
_REQUESTS: dict[str, tuple[biometrics.ApplicationKind, str, str]] = {
    form.VISITOR_RECORD: (
        biometrics.ApplicationKind.TEMPORARY_RESIDENCE_EXTENSION,
        "visitor_record",
        "visitor",
    ),
    form.STUDY_PERMIT_EXTENSION: (biometrics.ApplicationKind.STUDY_PERMIT, "study_permit", "student"),
    form.INITIAL_STUDY_PERMIT: (biometrics.ApplicationKind.STUDY_PERMIT, "study_permit", "student"),
    form.WORK_PERMIT_EXTENSION: (biometrics.ApplicationKind.WORK_PERMIT, "work_permit", "worker"),
    form.WORK_PERMIT: (biometrics.ApplicationKind.WORK_PERMIT, "work_permit", "worker"),
}
_PERMIT_APPLICATIONS = {
    form.WORK_PERMIT_EXTENSION: eta_rules.PermitApplication.WORK_PERMIT_RENEWAL,
    form.STUDY_PERMIT_EXTENSION: eta_rules.PermitApplication.STUDY_PERMIT_RENEWAL,
    form.WORK_PERMIT: eta_rules.PermitApplication.WORK_PERMIT,
    form.INITIAL_STUDY_PERMIT: eta_rules.PermitApplication.STUDY_PERMIT,
}
_FEE_LABELS = {
    "visitor_record": (
        "Extension of stay as a visitor (visitor record)",
        "Prolongation du séjour à titre de visiteur (fiche du visiteur)",
    ),
    "study_permit": ("Study permit, applied for in Canada", "Permis d’études, demandé au Canada"),
    "work_permit": ("Work permit, applied for in Canada", "Permis de travail, demandé au Canada"),
}
FEE_CITATION = "Processing fee not in the source documents (parameters/stay_extension.yaml)"
# Reading: the biometric fee the guides give (IMM 5445, IMM 5289) applies to temporary residence too.
BIOMETRIC_FEE_CITATION = (
    "IMM 5445 — Step 3 and IMM 5289 — Step 4, Frais de biométrie (reading: same fee); IRPR 12.1"
)
_SPECIAL = {
    "crown_or_royal_family": "crown_or_royal_family",
    "refugee_claim_pending": "refugee_claim_pending_in_canada",
    "refugee_protection_conferred": "refugee_protection_conferred_in_canada",
    "head_of_state_or_government": "head_of_state_or_government",
    "official_duties": "entering_on_official_duties",
    "family_of_official": "family_member_of_official",
}


def _date(raw: Any) -> date | None:
    if isinstance(raw, date):
        return raw
    try:
        return date.fromisoformat(raw)
    except (TypeError, ValueError):
        return None


def _about(found: Reason, subject: str) -> Reason:
    return Reason(found.code, found.rule, found.citation, found.en, found.fr, found.severity, subject)


@dataclass(frozen=True, slots=True)
class _Applicant:
    """The answers of the applicant's form the rules read; a blank is ``None``."""

    id: str
    personal: dict[str, Any]
    contact: dict[str, Any]
    status: dict[str, Any]
    request: dict[str, Any]
    online: dict[str, Any]
    biometrics: dict[str, Any]

    @classmethod
    def of(cls, person: CasePerson) -> _Applicant:
        raw = person.answers.get(FORM_CODE) or {}

        def section(code: str) -> dict[str, Any]:
            found = raw.get(code) if isinstance(raw, dict) else None
            return found if isinstance(found, dict) else {}

        return cls(
            person.id,
            *(section(code) for code in ("personal", "contact", "status", "request", "online", "biometrics")),
        )

    @property
    def born(self) -> date | None:
        return _date(self.personal.get("date_of_birth"))

    @property
    def kind(self) -> str | None:
        found = self.request.get("kind")
        return found if found in _REQUESTS else None

    @property
    def passport_name(self) -> sig.PassportName:
        return sig.PassportName(
            surname=str(self.personal.get("family_name") or ""),
            given_names=str(self.personal.get("given_names") or ""),
        )


@dataclass(frozen=True, kw_only=True)
class StayExtensionProgram(OneApplicantForms, Traits):
    applicant_form = form.STAY_EXTENSION_FORM

    # ------------------------------------------------------------------ evaluation

    def evaluate(self, case: Case):
        from ..evaluate import Evaluation

        on = case.application_date
        form_findings: list[Reason] = []
        findings: list[Reason] = []
        details: dict[str, Any] = {"checklist": [], "documents_missing": [], "biometrics": {}}
        for person in case.people:
            for each in self.forms_for(person.role):
                found = validate_form(each, person.answers.get(each.code, {}), application_date=on)
                form_findings.extend(_about(r, f"{person.id}/{each.code}/{r.subject}") for r in found)
        principal = next((p for p in case.people if p.role == PRINCIPAL_APPLICANT), None)
        if principal is None:
            return Evaluation(self.code, tuple(form_findings), tuple(findings), details)
        applicant = _Applicant.of(principal)

        findings.extend(self._status(applicant, on))
        self._eta_application(applicant, findings, details)
        self._online(case, applicant, findings, details)
        gives_biometrics = self._biometrics(applicant, on, findings, details)
        quote = self._quote(applicant, on, gives_biometrics)
        paid = sum((p.amount for p in case.payments), ZERO)
        if quote is not None:
            findings.extend(quote.reasons)
            details["fees"] = _quote_as_data(quote, paid if case.payments else None)
            if case.payments:
                last = case.payments[-1]
                findings.extend(
                    fees.assess_payment(
                        quote=quote,
                        amount_paid=paid,
                        method=fees.PaymentMethod(last.method),
                        proof=fees.ProofOfPayment.RECEIPT_ATTACHED
                        if last.receipt_uploaded
                        else fees.ProofOfPayment.PAID_IN_APPLICATION,
                        payer_name_on_receipt=last.payer_name,
                    ).reasons
                )
        signed = self._signature(case, applicant, findings, details)
        self._completeness(case, applicant, quote, paid, signed, gives_biometrics, findings, details)
        return Evaluation(self.code, tuple(form_findings), tuple(findings), details)

    def fee_quote(self, case: Case) -> fees.FeeQuote:
        principal = case.principal()
        applicant = _Applicant.of(principal)
        gives = self._biometrics(applicant, case.application_date, [], {"biometrics": {}})
        quote = self._quote(applicant, case.application_date, gives)
        if quote is None:
            # Until the request is chosen there is nothing to pay for: an empty quote.
            return fees.FeeQuote((), ZERO, ZERO, ZERO, (), self.fee_guide)
        return quote

    @staticmethod
    def _eta_application(applicant: _Applicant, findings: list[Reason], details: dict[str, Any]) -> None:
        """IRPR 12.04(5)-(6): a work or study permit application that is also an eTA application.

        Told only when the applicant said whether they need an eTA (the lists are not in the sources)."""
        need = applicant.status.get("eta")
        kind = applicant.kind
        if need not in ("required", "conditional", "no") or kind is None:
            return
        result = eta_rules.deemed_eta_application(
            application=_PERMIT_APPLICATIONS.get(kind, eta_rules.PermitApplication.OTHER),
            under_7_01_1=need == "conditional",
            requires_eta_under_7_1_1=need == "required",
        )
        details["eta_application"] = {"deemed": result.deemed}
        if result.deemed:
            findings.extend(_about(r, f"{applicant.id}/{FORM_CODE}/status.eta") for r in result.reasons)

    @staticmethod
    def _status(applicant: _Applicant, on: date) -> list[Reason]:
        """A status that has already ended: an extension is asked for a status one still holds."""
        ends = _date(applicant.status.get("status_expiry"))
        if ends is None or ends >= on:
            return []
        # Reading: IRPR 12.1 lists the extension of an authorization to remain (e) apart from the
        # restoration of a status (g), which this portal does not offer; the sources say no more,
        # so the officer decides and the applicant is warned, not stopped.
        return [
            reason(
                "STATUS_ALREADY_ENDED",
                rule="IRPR-12.1",
                citation="IRPR 12.1(e), (g)",
                en="Your current status ended on {ends}, before this application. An extension is asked for a "
                "status you still hold; restoring a status is a different application. An officer will decide.",
                fr="Votre statut actuel a pris fin le {ends}, avant la présente demande. Une prolongation se "
                "demande pour un statut que l’on détient encore ; le rétablissement du statut est une autre "
                "demande. Un agent tranchera.",
                severity=Severity.WARNING,
                subject=f"{applicant.id}/{FORM_CODE}/status.status_expiry",
                ends=ends.isoformat(),
            )
        ]

    def _online(
        self, case: Case, applicant: _Applicant, findings: list[Reason], details: dict[str, Any]
    ) -> None:
        """IRPR 9.2 with the applicant's claim: may this application be on paper (seed 000)?"""
        on = case.application_date
        basis = applicant.online.get("basis")
        restriction = applicant.online.get("system_restriction") if basis == "system_restriction" else None
        trp = None
        if applicant.status.get("current_status") == "permit_holder":
            start, end = (
                _date(applicant.status.get("trp_valid_from")),
                _date(applicant.status.get("trp_valid_until")),
            )
            if start is not None and end is not None and start <= end:
                trp = online.PermitPeriod(start, end)
        with_trp = applicant.kind in form.WORK_PERMITS and applicant.request.get("with_trp") == "yes"
        result = online.online_requirement(
            stream=self.online_stream,
            on=on,
            disability=basis == "disability",
            system_restriction=restriction,
            temporary_resident_permit=trp,
            applying_for_trp_with_work_permit=with_trp,
            work_permit_requested_in_schedule_12=applicant.online.get("schedule_12") == "yes",
            # EX-07 / AS-78: a paid representative files through the portal.
            paid_representative_with_portal_access=case.representative_declared_on is not None,
        )
        subject = f"{applicant.id}/online"
        findings.extend(_about(r, subject) for r in result.reasons)
        paper = case.channel == "paper"
        if basis == "exceptional_circumstances":
            findings.append(_exceptional_circumstances_claimed(subject, paper=paper))
        if not paper and not result.electronic_allowed:
            findings.append(_paper_required(result.joint_paper_forms, subject))
        if (
            paper
            and result.requirement is online.Requirement.ELECTRONIC_ONLY
            and basis != "exceptional_circumstances"
        ):
            check = paper_submission.paper_application_check(
                stream=self.online_stream,
                received_on=on,
                disability=basis == "disability",
                system_restriction=restriction,
                temporary_resident_permit=trp,
                applying_for_trp_with_work_permit=with_trp,
                work_permit_requested_in_schedule_12=applicant.online.get("schedule_12") == "yes",
            )
            findings.extend(_about(r, subject) for r in check.reasons[:1])
        details["online"] = {
            "requirement": result.requirement.value,
            "channel": case.channel,
            "exemptions": [e.value for e in result.exemptions],
            "system_restriction": getattr(result.system_restriction, "value", result.system_restriction),
            "other_means": [m.value for m in result.other_means],
            "officer_must_accept_complete_paper": result.officer_must_accept_complete_paper,
            "joint_paper_forms": list(result.joint_paper_forms),
        }

    @staticmethod
    def _biometrics(applicant: _Applicant, on: date, findings: list[Reason], details: dict[str, Any]) -> bool:
        kind = applicant.kind
        born = applicant.born
        if kind is None or born is None:
            return False
        special = _SPECIAL.get(applicant.biometrics.get("special_status"))
        status = biometrics.SpecialStatus(
            united_states_national=applicant.personal.get("citizenship") == "US",
            **({special: True} if special else {}),
        )
        result = biometrics.biometrics_requirement(
            kind=_REQUESTS[kind][0], application_date=on, birth_date=born, status=status, subject=applicant.id
        )
        findings.extend(result.reasons)
        details["biometrics"][applicant.id] = {
            "kind": _REQUESTS[kind][0].value,
            "required": result.required,
            "needs_officer_review": result.needs_officer_review,
            "age_on_application_date": result.age_on_application_date,
            "paragraph": result.paragraph,
            "exemptions": list(result.exemptions),
        }
        return result.required

    def _quote(self, applicant: _Applicant, on: date, gives_biometrics: bool) -> fees.FeeQuote | None:
        kind = applicant.kind
        if kind is None:
            return None
        fee = _REQUESTS[kind][1]
        en, fr = _FEE_LABELS[fee]
        return fees.quote_one_applicant(
            guide=self.fee_guide,
            application_date=on,
            applicant=applicant.id,
            processing_en=en,
            processing_fr=fr,
            processing_fee=value(f"stay_extension.{fee}", on),
            processing_citation=FEE_CITATION,
            gives_biometrics=gives_biometrics,
            rule="IRPR-10-1",
            biometrics_citation=BIOMETRIC_FEE_CITATION,
        )

    @staticmethod
    def _signature(
        case: Case, applicant: _Applicant, findings: list[Reason], details: dict[str, Any]
    ) -> bool:
        """Who signs (the applicant; under 18 a parent or guardian, ACT-56), and, for a case that is
        the whole record, whether it is signed (IRPR 10(1)(b)). A portal case: the gate checks it."""
        on, born = case.application_date, applicant.born
        guardian = next((p for p in case.people if p.role == guardian_rules.ROLE), None)
        who = guardian_rules.signer(
            principal_id=applicant.id, born=born, guardian_id=guardian.id if guardian else None, on=on
        )
        findings.extend(who.reasons)
        details["signatures"] = {"signer": who.role.value, "guardian": who.guardian_id}
        if not case.signatures_recorded:
            return True
        if case.channel == "paper":
            found = paper_submission.handwritten_signature(
                principal_applicant_birth_date=born, on=on, recorded=bool(case.signatures)
            )
            findings.extend(found)
            details["signatures"]["signed"] = not found
            return not found
        if born is None:
            return False
        roles = {p.id: p.role for p in case.people}
        signer_role = {
            PRINCIPAL_APPLICANT: sig.SignerRole.APPLICANT,
            PARENT_OR_GUARDIAN: sig.SignerRole.PARENT_OR_GUARDIAN,
        }
        flow = (
            sig.SubmissionFlow.REPRESENTATIVE if case.representative_declared_on else sig.SubmissionFlow.SELF
        )
        gate = sig.submission_gate(
            flow=flow,
            principal_applicant_birth_date=born,
            on=on,
            applicant_passport_name=applicant.passport_name,
            signatures=tuple(
                sig.ESignature(
                    document=SignedDocument.CONSENT_AND_DECLARATION,
                    signed_by=signer_role.get(roles.get(s.person, ""), sig.SignerRole.REPRESENTATIVE),
                    typed_name=s.typed_name,
                    signed_at=datetime.combine(s.signed_on, time()),
                )
                for s in case.signatures
            ),
            guardian_passport_name=guardian_rules.passport_name(guardian.answers) if guardian else None,
            representative_declaration_at=(
                datetime.combine(case.representative_declared_on, time.max)
                if case.representative_declared_on
                else None
            ),
            client_documents=(SignedDocument.CONSENT_AND_DECLARATION,),
        )
        findings.extend(r for r in gate.reasons if r.code != "SUBMIT_ENABLED")
        signed = not any(r.severity is Severity.BLOCKING for r in gate.reasons)
        details["signatures"].update(flow=flow.value, signed=signed)
        return signed

    @staticmethod
    def _completeness(
        case: Case,
        applicant: _Applicant,
        quote: fees.FeeQuote | None,
        paid: Decimal,
        signed: bool,
        gives_biometrics: bool,
        findings: list[Reason],
        details: dict[str, Any],
    ) -> None:
        """IRPR 10 and 12 on the application as it stands (the particulars, what is sought, the
        class, the signature and the fee receipt when the case is the whole record)."""
        whole_record = case.signatures_recorded
        # 10(2.2): the biometric fee is not part of the application.
        fee_due = (
            ZERO
            if quote is None
            else quote.due_now
            - sum((ln.amount for ln in quote.lines if ln.code in fees.BIOMETRIC_FEES), ZERO)
        )
        contact = applicant.contact
        address = ", ".join(
            str(contact.get(k))
            for k in ("mailing_street", "mailing_city", "mailing_province", "mailing_postal_code")
            if contact.get(k)
        )
        name = " ".join(
            p for p in (applicant.personal.get("given_names"), applicant.personal.get("family_name")) if p
        )
        kind = applicant.kind
        result = s10.check_completeness(
            application=s10.ApplicationSummary(
                kind=s10.ApplicationKind.TEMPORARY_RESIDENCE,
                channel=s10.Channel.OTHER_MEANS if case.channel == "paper" else s10.Channel.ELECTRONIC,
                # Online, the portal's form; on paper, the Department's (IMM 5708, IMM 5710).
                form_used=s10.FormUsed.DEPARTMENT_FORM,
                signed_by_applicant=signed,
                declaration_made=signed,
                persons=(
                    s10.PersonParticulars(
                        person_id=applicant.id,
                        role=s10.FamilyRole.PRINCIPAL_APPLICANT,
                        name=name or None,
                        date_of_birth=applicant.born,
                        address=address or None,
                        nationality=applicant.personal.get("citizenship"),
                        immigration_status=applicant.status.get("current_status"),
                        # The application has one person and asks no partner: the statement is the form's.
                        spousal_status_stated=True,
                    ),
                ),
                visa_or_permit_sought=kind,
                regulatory_class=_REQUESTS[kind][2] if kind else None,
                fee_due=fee_due,
                # A portal case: the payment page and the submission gate check the fee (balance).
                fee_receipt_present=bool(case.payments) or not whole_record,
                fee_paid=paid if whole_record else fee_due,
                principal_applicant_designated=True,
                # Reading: a paper application an intake officer registered came to the address
                # the Minister specifies (IRPR 11).
                sent_to_specified_address=True,
                biometrics_pending=gives_biometrics,
            )
        )
        if whole_record:
            findings.extend(r if r.subject else _about(r, "application") for r in result.reasons)
            details["completeness"] = {
                "outcome": result.outcome.value,
                "returned": list(result.returned),
                "kept": list(result.kept),
            }
        else:
            findings.extend(
                r if r.subject else _about(r, "application")
                for r in result.reasons
                if r.severity is Severity.BLOCKING and r.code != "APPLICATION_RETURNED"
            )


def _exceptional_circumstances_claimed(subject: str, *, paper: bool) -> Reason:
    # Reading (G-02): the grounds of 9.4 are missing from seed 000, and it is the Minister who
    # establishes them; the claim is recorded for the officer. Online, online stays the way to
    # apply; on paper, the officer decides whether the paper application stands on it.
    if paper:
        return reason(
            "EXCEPTIONAL_CIRCUMSTANCES_CLAIMED",
            rule="EX-04",
            citation="IRPR 9.4",
            en="This paper application says that circumstances beyond the applicant's control kept them from "
            "applying online. An officer decides whether such circumstances are established.",
            fr="Cette demande sur papier indique que des circonstances indépendantes de la volonté du demandeur "
            "l’ont empêché de présenter sa demande en ligne. Un agent décide si de telles circonstances sont "
            "établies.",
            severity=Severity.WARNING,
            subject=subject,
        )
    return reason(
        "EXCEPTIONAL_CIRCUMSTANCES_CLAIMED",
        rule="EX-04",
        citation="IRPR 9.4",
        en="You say that circumstances beyond your control keep you from applying online. An officer decides "
        "whether they are established; until then, applying online remains the way to apply.",
        fr="Vous indiquez que des circonstances indépendantes de votre volonté vous empêchent de présenter votre "
        "demande en ligne. Un agent décide si elles sont établies ; d’ici là, la demande en ligne demeure le "
        "moyen de présenter votre demande.",
        severity=Severity.WARNING,
        subject=subject,
    )


def _paper_required(forms: tuple[str, ...], subject: str) -> Reason:
    return reason(
        "ONLINE_NOT_ALLOWED_PAPER_REQUIRED",
        rule="EX-15, AS-73",
        citation="IRPR 9.2; IRCC program delivery instructions — Restrictions du système, H82",
        en="A temporary resident permit applied for with a work permit: both applications ({forms}) must be "
        "sent together on paper. The work permit cannot be applied for online alone.",
        fr="Un permis de séjour temporaire demandé avec un permis de travail : les deux demandes ({forms}) "
        "doivent être présentées ensemble sur papier. Le permis de travail ne peut pas être demandé seul en "
        "ligne.",
        subject=subject,
        forms=" + ".join(forms) or "IMM 5708 + IMM 5710",
    )


def _quote_as_data(quote: fees.FeeQuote, paid: Decimal | None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "lines": [
            {
                "code": line.code.value,
                "en": line.en,
                "fr": line.fr,
                "amount": f"{line.amount:.2f}",
                "person": line.subject,
                "citation": line.citation,
                "deferred": line.deferred,
            }
            for line in quote.lines
        ],
        "total": f"{quote.total:.2f}",
        "due_now": f"{quote.due_now:.2f}",
        "due_later": f"{quote.due_later:.2f}",
    }
    if paid is not None:
        data["paid"] = f"{paid:.2f}"
        data["balance"] = f"{quote.due_now - paid:.2f}"
    return data


PROGRAM = StayExtensionProgram(
    code="stay_extension",
    en="Extend your stay in Canada (visitor, student or worker)",
    fr="Prolonger votre séjour au Canada (visiteur, étudiant ou travailleur)",
    number_prefix="TRX",
    starting_roles=(PRINCIPAL_APPLICANT,),
    addable_roles=(PARENT_OR_GUARDIAN,),
    signing=Signing.ONE_SIGNER,
    sponsored=False,
    decided_per_person=False,
    # Reading: the sources do not say how the decision reaches the applicant; the portal's
    # decision is a letter (the permit or visitor record itself is not described).
    delivery=Delivery.LETTER,
    # Seed 000, Remarque (EX-07): paid representatives file these applications online.
    representatives_may_file=True,
    online_stream=online.Stream.TEMPORARY_RESIDENT_IN_CANADA,
    # The only other means in Canada is paper (EX-05, EX-34): no kit in another format.
    kit=None,
    fee_guide=fees.Guide.TEMPORARY_RESIDENCE_IN_CANADA,
    declarations={PRINCIPAL_APPLICANT: declarations.TEMPORARY_RESIDENT_APPLICANT},
    start_hint_en="For temporary residents in Canada: extend your stay as a visitor, your study permit or your "
    "work permit, or apply from within Canada for a study or work permit.",
    start_hint_fr="Pour les résidents temporaires au Canada : prolonger votre séjour à titre de visiteur, votre "
    "permis d’études ou votre permis de travail, ou demander au Canada un permis d’études ou de travail.",
    represented_client_signs=(SignedDocument.CONSENT_AND_DECLARATION,),
    approval_note_en="This letter is the decision on your application to extend your stay in Canada, or your "
    "authorization to study or work here. Keep it with your passport.",
    approval_note_fr="La présente lettre est la décision sur votre demande de prolongation de votre séjour au "
    "Canada, ou de votre autorisation d’y étudier ou d’y travailler. Conservez-la avec votre passeport.",
)
