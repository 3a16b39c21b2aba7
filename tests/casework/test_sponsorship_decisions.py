"""A sponsorship taken from its acknowledgement to its decision, person by person: the Quebec
step, the police certificates followed up, who may do what."""

import copy
import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from pypdf import PdfReader

from portique.applications import services as application_services
from portique.applications.choices import Status
from portique.casework import services
from portique.casework.choices import DecisionOutcome, EventKind, LetterKind, RequestState
from portique.casework.models import PoliceCertificate, QuebecUndertaking
from portique.casework.sponsorship import (
    PersonFinding,
    police_certificate_accept_explanation,
    police_certificate_record_received,
    police_certificate_request,
    police_certificates,
    quebec_decision_record,
    sponsor_assess,
    sponsorship_decide,
)
from portique.documents import selectors as document_selectors
from portique.documents import services as document_services
from portique.payments import selectors as payment_selectors
from tests import journey
from tests import sponsorship_journey as sj
from tests.documents.files import pdf_bytes, upload

ON = sj.TODAY
PA, ADA, OBI = 1, 2, 3  # the principal applicant, the child who comes, the child who stays with his mother


@pytest.fixture(autouse=True)
def _english_after_each_test():
    yield
    from django.utils import translation

    translation.activate("en")


def pdf_text(field) -> str:
    with field.open("rb") as stored:
        reader = PdfReader(io.BytesIO(stored.read()))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def _submitted(applicant, *, sponsor=None, explain_police=False):
    application = sj.spouse_with_children(applicant, sponsor=sponsor)
    journey.upload_checklist(applicant, application)
    if explain_police:
        # The principal applicant cannot get the Nigerian police certificate in time and explains why.
        item = next(
            item
            for item in document_selectors.checklist_for(application, ON)
            if item.code == "POLICE_CERTIFICATE_NG"
        )
        for document in application.documents.filter(item_code=item.code):
            document_services.document_remove(
                actor=applicant, public_id=application.public_id, document_id=document.public_id, item=item
            )
        document_services.item_explain(
            actor=applicant,
            public_id=application.public_id,
            item=item,
            text="The police in Lagos take four months to issue it; requested on 2026-01-10.",
            on=ON,
        )
    journey.pay(applicant, application, payer_name=sj.SPONSOR_NAME)
    sj.sign(applicant, application, 0, sj.SPONSOR_NAME)
    sj.sign(applicant, application, 1, sj.PA_NAME)
    application_services.application_submit(actor=applicant, public_id=application.public_id, on=ON)
    application.refresh_from_db()
    return application


def _accepted(officer, application):
    services.screening_run(application=application)
    screening = application.screening
    for finding in screening.findings.all():
        services.finding_judge(
            actor=officer,
            public_id=application.public_id,
            finding_id=finding.public_id,
            verdict="overridden",
            reason="An explanation was given.",
        )
    services.application_accept(actor=officer, public_id=application.public_id, on=ON, draw=lambda: 0.99)


@pytest.fixture
def sponsorship(applicant, officer, decision_maker):
    application = _submitted(applicant)
    _accepted(officer, application)
    sponsor_assess(actor=decision_maker, public_id=application.public_id, approved=True, on=ON)
    return application


@pytest.fixture
def ready_sponsorship(officer, sponsorship):
    """The sponsorship with what the rules require before an approval: biometrics and medical exams."""
    sj.collect_before_decision(officer, sponsorship)
    return sponsorship


def findings(**by_position):
    found = {position: PersonFinding(meets_requirements=True) for position in (PA, ADA, OBI)}
    for key, finding in by_position.items():
        found[int(key[1:])] = finding
    return found


def decide(decision_maker, application, **by_position):
    return sponsorship_decide(
        actor=decision_maker, public_id=application.public_id, findings=findings(**by_position), on=ON
    )


def outcomes(decision):
    return dict(decision.people.values_list("person__position", "outcome"))


# --- Decisions per person ----------------------------------------------------------------------


@pytest.mark.django_db
def test_each_person_gets_an_outcome_and_the_letter_lists_them_in_both_languages(
    decision_maker, ready_sponsorship
):
    sponsorship = ready_sponsorship
    decision = decide(decision_maker, sponsorship)
    sponsorship.refresh_from_db()
    assert sponsorship.status == Status.APPROVED
    assert decision.outcome == DecisionOutcome.APPROVED
    assert outcomes(decision) == {PA: "approved", ADA: "approved", OBI: "examined_only"}
    assert decision.letter.kind == LetterKind.APPROVAL
    english, french = pdf_text(decision.letter.pdf_en), pdf_text(decision.letter.pdf_fr)
    for name in ("Chidi Emeka Okafor", "Ada Okafor", "Obi Okafor"):
        assert name in english.replace("\n", " ") and name in french.replace("\n", " ")
    assert "Examined only" in english and "Contrôlé seulement" in french
    assert "card" not in english.lower()  # no PR card wording in a sponsorship's letter
    assert not decision.refund  # approved: nothing refunded
    history = sponsorship.history.order_by("-id").first()
    assert history.actor == decision_maker and "p3 examined_only" in history.reason


@pytest.mark.django_db
def test_a_refusal_of_one_person_needs_reasons(decision_maker, sponsorship):
    with pytest.raises(services.CaseworkError) as refused:
        decide(decision_maker, sponsorship, p2=PersonFinding(meets_requirements=False, reasons=" "))
    assert list(refused.value.errors) == ["reasons-2"]
    with pytest.raises(services.CaseworkError) as missing:
        sponsorship_decide(
            actor=decision_maker,
            public_id=sponsorship.public_id,
            findings={PA: PersonFinding(meets_requirements=True)},
            on=ON,
        )
    assert list(missing.value.errors) == ["person-2", "person-3"]  # every person, accompanying or not
    sponsorship.refresh_from_db()
    assert sponsorship.status == Status.ACCEPTED


@pytest.mark.django_db
def test_an_inadmissible_accompanying_child_refuses_the_principal_applicant(decision_maker, sponsorship):
    decision = decide(
        decision_maker, sponsorship, p2=PersonFinding(meets_requirements=False, reasons="Security (A34).")
    )
    assert decision.outcome == DecisionOutcome.REFUSED
    assert outcomes(decision) == {PA: "refused", ADA: "refused", OBI: "examined_only"}
    principal = decision.people.get(person__position=PA)
    assert [r["code"] for r in principal.reasons] == ["ACCOMPANYING_MEMBER_INADMISSIBLE"]
    assert "IRB" in pdf_text(decision.letter.pdf_en)
    assert "Security (A34)." in pdf_text(decision.letter.pdf_fr)


@pytest.mark.django_db
def test_an_inadmissible_child_who_does_not_accompany_refuses_the_principal_applicant_who_has_custody(
    decision_maker, sponsorship
):
    inadmissible = PersonFinding(meets_requirements=False, reasons="Serious criminality.")
    # The IMM 0008 does not say who has custody of Obi: the decision-maker must (IRPR 23(b)).
    with pytest.raises(services.CaseworkError) as unknown:
        decide(decision_maker, sponsorship, p3=inadmissible)
    assert list(unknown.value.errors) == ["person-3"]
    decision = decide(
        decision_maker,
        sponsorship,
        p3=PersonFinding(meets_requirements=False, reasons="Serious criminality.", custody="joint"),
    )
    assert decision.outcome == DecisionOutcome.REFUSED
    assert outcomes(decision) == {PA: "refused", ADA: "refused", OBI: "examined_only"}
    assert decision.people.get(person__position=OBI).custody == "joint"
    assert [r["code"] for r in decision.people.get(person__position=PA).reasons] == [
        "NON_ACCOMPANYING_MEMBER_INADMISSIBLE"
    ]


@pytest.mark.django_db
def test_a_child_in_the_other_parents_sole_custody_does_not_refuse_the_principal_applicant(
    decision_maker, ready_sponsorship
):
    sponsorship = ready_sponsorship
    decision = decide(
        decision_maker,
        sponsorship,
        p3=PersonFinding(
            meets_requirements=False, reasons="Serious criminality.", custody="sole_other_parent"
        ),
    )
    assert decision.outcome == DecisionOutcome.APPROVED
    assert outcomes(decision) == {PA: "approved", ADA: "approved", OBI: "examined_only"}


@pytest.mark.django_db
def test_the_pr_card_decision_is_unchanged_and_a_sponsorship_is_not_decided_as_one(
    decision_maker, sponsorship
):
    with pytest.raises(services.CaseworkError) as refused:
        services.application_decide(
            actor=decision_maker,
            public_id=sponsorship.public_id,
            outcome=DecisionOutcome.APPROVED,
            card_delivery="mail",
            on=ON,
        )
    assert list(refused.value.errors) == ["outcome"]


@pytest.mark.django_db
def test_a_withdrawn_sponsorship_gets_the_right_of_permanent_residence_fee_back(decision_maker, sponsorship):
    paid = payment_selectors.paid_for(sponsorship)
    decision = services.application_decide(
        actor=decision_maker,
        public_id=sponsorship.public_id,
        outcome=DecisionOutcome.WITHDRAWN,
        reasons="The sponsor asked in writing to withdraw the undertaking.",
        on=ON,
    )
    assert decision.refund["event"] == "withdrawn_before_processing"
    # SP-200: the RPRF comes back; the other fees are not addressed by IMM 5289 and go to an officer.
    rprf = sum(
        Decimal(str(line.amount))
        for line in payment_selectors.quote_for(sponsorship, ON).lines
        if line.code.value == "right_of_permanent_residence"
    )
    assert rprf > 0 and Decimal(decision.refund["refunded"]) == rprf
    assert Decimal(decision.refund["refunded"]) + Decimal(decision.refund["officer_decides"]) == paid


# --- The Quebec step (SP-70, AS-93) --------------------------------------------------------------


def _quebec_sponsor():
    sponsor = copy.deepcopy(sj.SPONSOR)
    sponsor["sponsor"]["resides_in_quebec"] = True
    sponsor["sponsor"]["address"] = "12, rue Saint-Paul, Montréal (Québec) H2Y 1G6"
    return sponsor


@pytest.fixture
def quebec_sponsorship(applicant, officer):
    application = _submitted(applicant, sponsor=_quebec_sponsor())
    _accepted(officer, application)
    return application


@pytest.mark.django_db
def test_a_quebec_sponsor_is_asked_for_the_undertaking_and_nothing_is_decided_until_quebec_decides(
    officer, decision_maker, quebec_sponsorship
):
    application = quebec_sponsorship
    with pytest.raises(services.CaseworkError, match="sponsor"):
        decide(decision_maker, application)
    sponsor_assess(actor=decision_maker, public_id=application.public_id, approved=True, on=ON)
    undertaking = QuebecUndertaking.objects.get(application=application)
    assert undertaking.letter.kind == LetterKind.QUEBEC_UNDERTAKING
    letter = pdf_text(undertaking.letter.pdf_en)
    assert "Julie Tremblay" in letter and "Montréal" in letter and "copy of this letter" in letter
    assert "Québec" in pdf_text(undertaking.letter.pdf_fr)
    assert application.case_events.filter(kind=EventKind.QUEBEC_REQUESTED).exists()
    for finding in (None, PersonFinding(meets_requirements=False, reasons="Inadmissible.")):
        extra = {"p1": finding} if finding else {}
        with pytest.raises(services.CaseworkError, match="Quebec has not yet decided"):
            decide(decision_maker, application, **extra)
    assert "Quebec has not yet decided" in " ".join(str(w) for w in services.pending_work(application))
    with pytest.raises(services.CaseworkError) as incomplete:
        quebec_decision_record(
            actor=officer,
            public_id=application.public_id,
            approved=True,
            decided_on=None,
            reference="",
            on=ON,
        )
    assert sorted(incomplete.value.errors) == ["decided_on", "reference"]
    quebec_decision_record(
        actor=officer,
        public_id=application.public_id,
        approved=True,
        decided_on=ON,
        reference="MIFI-2026-0042",
        on=ON,
    )
    with pytest.raises(services.CaseworkError, match="already recorded"):
        quebec_decision_record(
            actor=officer,
            public_id=application.public_id,
            approved=False,
            decided_on=ON,
            reference="x",
            notes="y",
            on=ON,
        )
    sj.collect_before_decision(officer, application)
    decision = decide(decision_maker, application)
    assert decision.outcome == DecisionOutcome.APPROVED
    assert "MIFI-2026-0042" in pdf_text(decision.letter.pdf_en)


@pytest.mark.django_db
def test_a_refusal_by_quebec_leads_to_a_refusal(officer, decision_maker, quebec_sponsorship):
    application = quebec_sponsorship
    sponsor_assess(actor=decision_maker, public_id=application.public_id, approved=True, on=ON)
    with pytest.raises(services.CaseworkError) as no_reasons:
        quebec_decision_record(
            actor=officer,
            public_id=application.public_id,
            approved=False,
            decided_on=ON,
            reference="Q-1",
            on=ON,
        )
    assert list(no_reasons.value.errors) == ["notes"]
    quebec_decision_record(
        actor=officer,
        public_id=application.public_id,
        approved=False,
        decided_on=ON,
        reference="Q-1",
        notes="Previous undertaking in default.",
        on=ON,
    )
    decision = sponsorship_decide(actor=decision_maker, public_id=application.public_id, findings={}, on=ON)
    assert decision.outcome == DecisionOutcome.REFUSED
    assert [r["code"] for r in decision.people.get(person__position=PA).reasons] == [
        "QUEBEC_UNDERTAKING_REFUSED"
    ]
    application.refresh_from_db()
    assert application.status == Status.REFUSED


@pytest.mark.django_db
def test_a_sponsor_outside_quebec_has_no_quebec_step(decision_maker, sponsorship):
    assert not QuebecUndertaking.objects.filter(application=sponsorship).exists()
    with pytest.raises(services.CaseworkError, match="not asked"):
        quebec_decision_record(
            actor=decision_maker,
            public_id=sponsorship.public_id,
            approved=True,
            decided_on=ON,
            reference="Q-2",
            on=ON,
        )


# --- Police certificates (SP-185) --------------------------------------------------------------


@pytest.mark.django_db
def test_police_certificates_provided_with_the_application_hold_nothing_up(sponsorship):
    rows = police_certificates(sponsorship)
    assert [(row.person.position, row.certificate.country, row.certificate.state.value) for row in rows] == [
        (PA, "NG", "provided")
    ]


@pytest.mark.django_db
def test_a_requested_police_certificate_holds_the_decision_until_it_is_received(
    applicant, officer, decision_maker
):
    application = _submitted(applicant, explain_police=True)
    _accepted(officer, application)
    sponsor_assess(actor=decision_maker, public_id=application.public_id, approved=True, on=ON)
    [row] = police_certificates(application)
    assert (row.person.position, row.certificate.country, row.certificate.state.value) == (
        PA,
        "NG",
        "explanation_given",
    )
    with pytest.raises(services.CaseworkError, match="letter of explanation"):
        decide(decision_maker, application)
    with pytest.raises(services.CaseworkError) as late:
        police_certificate_request(
            actor=officer, public_id=application.public_id, position=PA, country="NG", due_on=ON, on=ON
        )
    assert list(late.value.errors) == ["due_on"]
    with pytest.raises(services.CaseworkError, match="no police certificate"):
        police_certificate_request(
            actor=officer,
            public_id=application.public_id,
            position=ADA,
            country="NG",
            due_on=ON + timedelta(days=30),
            on=ON,
        )
    follow_up = police_certificate_request(
        actor=officer,
        public_id=application.public_id,
        position=PA,
        country="ng",
        due_on=ON + timedelta(days=30),
        on=ON,
    )
    request = follow_up.request
    assert request.state == RequestState.OPEN and request.letter.kind == LetterKind.REQUEST
    assert "Police certificate from Nigeria for Chidi Emeka Okafor" in pdf_text(request.letter.pdf_en)
    with pytest.raises(services.CaseworkError, match="already"):
        police_certificate_request(
            actor=officer,
            public_id=application.public_id,
            position=PA,
            country="NG",
            due_on=ON + timedelta(days=9),
            on=ON,
        )
    # Neither an approval nor a refusal while it is outstanding.
    for extra in ({}, {"p1": PersonFinding(meets_requirements=False, reasons="Not credible.")}):
        with pytest.raises(services.CaseworkError, match="police certificate from NG was requested"):
            decide(decision_maker, application, **extra)
    # The applicant answers in their account; the officer then records the certificate received.
    services.request_answer(
        actor=applicant,
        public_id=application.public_id,
        request_id=request.public_id,
        files=[upload("police-ng.pdf", pdf_bytes(1), "application/pdf")],
        text="Here it is.",
        on=ON,
    )
    with pytest.raises(services.CaseworkError, match="not recorded as received"):
        decide(decision_maker, application)
    with pytest.raises(services.CaseworkError) as future:
        police_certificate_record_received(
            actor=officer,
            public_id=application.public_id,
            position=PA,
            country="NG",
            received_on=ON + timedelta(days=1),
            on=ON,
        )
    assert list(future.value.errors) == ["received_on"]
    police_certificate_record_received(
        actor=officer, public_id=application.public_id, position=PA, country="NG", received_on=ON, on=ON
    )
    assert PoliceCertificate.objects.get(application=application).state == "received"
    assert application.case_events.filter(kind=EventKind.POLICE_RECEIVED, actor=officer).exists()
    sj.collect_before_decision(officer, application)
    decision = decide(decision_maker, application)
    assert decision.outcome == DecisionOutcome.APPROVED


@pytest.mark.django_db
def test_an_accepted_letter_of_explanation_stands_for_the_police_certificate(
    applicant, officer, decision_maker
):
    application = _submitted(applicant, explain_police=True)
    _accepted(officer, application)
    sponsor_assess(actor=decision_maker, public_id=application.public_id, approved=True, on=ON)
    with pytest.raises(services.CaseworkError) as no_reason:
        police_certificate_accept_explanation(
            actor=officer, public_id=application.public_id, position=PA, country="NG", note=""
        )
    assert list(no_reason.value.errors) == ["note"]
    police_certificate_accept_explanation(
        actor=officer,
        public_id=application.public_id,
        position=PA,
        country="NG",
        note="Proof of the request to the Lagos police.",
    )
    assert police_certificates(application)[0].certificate.state.value == "explanation_accepted"
    sj.collect_before_decision(officer, application)
    assert decide(decision_maker, application).outcome == DecisionOutcome.APPROVED


# --- Who may ---------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_only_officers_work_these_steps_and_only_decision_makers_decide(applicant, officer, sponsorship):
    with pytest.raises(PermissionDenied):
        sponsorship_decide(actor=officer, public_id=sponsorship.public_id, findings=findings(), on=ON)
    for actor in (applicant,):
        with pytest.raises(PermissionDenied):
            sponsorship_decide(actor=actor, public_id=sponsorship.public_id, findings=findings(), on=ON)
        with pytest.raises(PermissionDenied):
            police_certificate_request(
                actor=actor,
                public_id=sponsorship.public_id,
                position=PA,
                country="NG",
                due_on=ON + timedelta(days=9),
                on=ON,
            )
        with pytest.raises(PermissionDenied):
            quebec_decision_record(
                actor=actor,
                public_id=sponsorship.public_id,
                approved=True,
                decided_on=ON,
                reference="x",
                on=ON,
            )


@pytest.mark.django_db
def test_the_pages_answer_not_found_to_anyone_but_an_officer(
    client, applicant, officer, decision_maker, ready_sponsorship
):
    sponsorship = ready_sponsorship
    base = f"/en/officer/files/{sponsorship.public_id}"
    pages = ("/quebec/", "/police-certificates/", "/sponsorship-decision/")
    client.force_login(applicant)
    for page in pages:
        assert client.get(base + page).status_code == 404
        assert client.post(base + page, {"action": "decide"}).status_code == 404
    client.force_login(officer)  # a screening officer works the file but does not decide
    assert client.get(base + "/quebec/").status_code == 200
    assert client.get(base + "/police-certificates/").status_code == 200
    assert client.get(base + "/sponsorship-decision/").status_code == 404
    client.force_login(decision_maker)
    assert client.get(base + "/decision/").url.endswith("/sponsorship-decision/")
    page = client.get(f"/fr{base[3:]}/sponsorship-decision/").content.decode()
    assert "Chidi Emeka Okafor" in page and "Obi Okafor" in page
    refused = client.post(
        base + "/sponsorship-decision/",
        {"action": "decide", "person-1-meets": "yes", "person-2-meets": "no", "person-3-meets": "yes"},
    )
    assert refused.status_code == 400
    assert "Give the reasons" in refused.content.decode()
    response = client.post(
        base + "/sponsorship-decision/",
        {"action": "decide", "person-1-meets": "yes", "person-2-meets": "yes", "person-3-meets": "yes"},
    )
    assert response.status_code == 302
    sponsorship.refresh_from_db()
    assert sponsorship.status == Status.APPROVED
    assert "Examined only" in client.get(base + "/").content.decode()


@pytest.mark.django_db
def test_a_refusal_by_quebec_does_not_wait_for_a_requested_police_certificate(
    applicant, officer, decision_maker
):
    application = _submitted(applicant, sponsor=_quebec_sponsor(), explain_police=True)
    _accepted(officer, application)
    sponsor_assess(actor=decision_maker, public_id=application.public_id, approved=True, on=ON)
    police_certificate_request(
        actor=officer,
        public_id=application.public_id,
        position=PA,
        country="NG",
        due_on=ON + timedelta(days=30),
        on=ON,
    )
    quebec_decision_record(
        actor=officer,
        public_id=application.public_id,
        approved=False,
        decided_on=ON,
        reference="Q-7",
        notes="Support obligations not met.",
        on=ON,
    )
    decision = sponsorship_decide(actor=decision_maker, public_id=application.public_id, findings={}, on=ON)
    assert decision.outcome == DecisionOutcome.REFUSED
    assert "Q-7" in pdf_text(decision.letter.pdf_en)


@pytest.mark.django_db
def test_the_sponsor_is_told_of_the_assessment_by_letter(applicant, officer, decision_maker, sponsorship):
    letter = sponsorship.letters.get(kind=LetterKind.SPONSOR_ASSESSMENT)
    text = pdf_text(letter.pdf_en)
    assert "Julie Tremblay" in text and "you meet the requirements to be a sponsor" in text
    assert "vous satisfaites aux exigences pour agir comme répondant" in pdf_text(letter.pdf_fr)


@pytest.mark.django_db
def test_a_quebec_sponsor_gets_the_quebec_letter_instead(decision_maker, quebec_sponsorship):
    sponsor_assess(actor=decision_maker, public_id=quebec_sponsorship.public_id, approved=True, on=ON)
    assert list(quebec_sponsorship.letters.values_list("kind", flat=True)) == [
        LetterKind.ACKNOWLEDGEMENT,
        LetterKind.QUEBEC_UNDERTAKING,
    ]
