"""A spouse sponsorship in a real browser, once in English and once in French.

The sponsor starts (a first try with a date of birth under 18 is refused), declares an
accompanying and a non-accompanying child, fills every section of every person's forms,
pays in the sandbox, signs the undertaking, has the principal applicant sign (a wrong
name first) and submits; the officers screen it, acknowledge it, approve the sponsor
first and then the application, and the sponsor sees the approval — with axe-core
finding nothing on the pages visited. The
documents are uploaded through the same service the documents pages call (their pages
have their own browser tests).
"""

import copy
import datetime
import re

import pytest

from portique.applications.models import Application
from portique.casework import services as casework
from portique.casework.sponsorship import sponsor_assess
from portique.rules.programs import registry
from tests import journey
from tests import sponsorship_journey as sj
from tests.browser.test_officer import sign_in as fresh_sign_in
from tests.browser.test_payments import sign_in
from tests.conftest import _officer

WORDS = {
    "en": {
        "start_link": "Start a sponsorship",
        "start": "Start the application",
        "check": "Check and start the application",
        "continue": "Continue",
        "about_you": "Your name and date of birth",
        "too_young": "A sponsor must be at least 18 years old",
        "add_child": "Add a dependent child",
        "pay_link": "Pay fees and download receipts",
        "card_name": "Name on the card",
        "card_number": "Card number",
        "month": "Expiry month (MM)",
        "year": "Expiry year (YYYY)",
        "code": "Security code",
        "name": "Your full name, exactly as it appears on your passport or travel document",
        "sign": "Sign",
        "mismatch": "type your full name exactly as it is shown in your passport",
        "submit": "Submit",
        "confirm_submit": "Submit the application",
        "check_link": "Check your answers",
        "to_sponsor_declaration": "Continue to the declaration of " + sj.SPONSOR_NAME,
        "cannot_undo": "Once submitted, this cannot be undone.",
        "received": "We have received your application",
        "approved": "Approved",
        "decide": "Record the decision and send the letter",
        "decided": "The decision is recorded",
        "not_yet": "No one can be approved until each of these is done",
        "must_give": "must give biometrics",
        "why": "Why?",
        "send_letters": "Send the letters",
        "letters_sent": "The biometric instruction letters are sent to",
        "record": "Record",
        "recorded": "The collection of the biometrics is recorded.",
        "send_medical": "Send each of them their instructions",
        "medical_sent": "The medical exam instructions are sent to",
        "give_reasons": "Give the reasons",
    },
    "fr": {
        "start_link": "Commencer un parrainage",
        "start": "Commencer la demande",
        "check": "Vérifier et commencer la demande",
        "continue": "Continuer",
        "about_you": "Votre nom et votre date de naissance",
        "too_young": "Le répondant doit avoir au moins 18 ans",
        "add_child": "Ajouter un enfant à charge",
        "pay_link": "Payer les frais et télécharger les reçus",
        "card_name": "Nom figurant sur la carte",
        "card_number": "Numéro de la carte",
        "month": "Mois d’expiration (MM)",
        "year": "Année d’expiration (AAAA)",
        "code": "Code de sécurité",
        "name": "Votre nom au complet, exactement comme il figure sur votre passeport ou document de voyage",
        "sign": "Signer",
        "mismatch": "inscrivez votre nom au complet exactement comme il figure dans votre passeport",
        "submit": "Soumettre",
        "confirm_submit": "Soumettre la demande",
        "check_link": "Vérifier vos réponses",
        "to_sponsor_declaration": "Passer à la déclaration de " + sj.SPONSOR_NAME,
        "cannot_undo": "Une fois la demande soumise, il est impossible de revenir en arrière.",
        "received": "Nous avons reçu votre demande",
        "approved": "Approuvé",
        "decide": "Inscrire la décision et envoyer la lettre",
        "decided": "La décision est inscrite",
        "not_yet": "Personne ne peut être approuvé avant que chacun de ces points soit réglé",
        "must_give": "doit fournir ses données biométriques",
        "why": "Pourquoi\u00a0?",
        "send_letters": "Envoyer les lettres",
        "letters_sent": "Les lettres d’instructions pour la collecte des données biométriques sont envoyées à",
        "record": "Inscrire",
        "recorded": "La collecte des données biométriques est inscrite.",
        "send_medical": "Envoyer à chacune ses instructions",
        "medical_sent": "Les instructions pour l’examen médical sont envoyées à",
        "give_reasons": "Indiquez les motifs",
    },
}


def _value(value) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    return str(value)


def _fill(page, answers: dict, prefix: str = ""):
    for code, value in answers.items():
        name = f"{prefix}{code}"
        field = page.locator(f"[name='{name}']")
        kind = field.first.evaluate("e => e.tagName.toLowerCase() + ':' + (e.type || '')")
        if kind.startswith("select"):
            field.select_option(_value(value))
        elif kind in ("input:radio", "input:checkbox"):
            page.locator(f"[name='{name}'][value='{_value(value)}']").check()
        else:
            field.fill(_value(value))


def _save_section(page, language, application, position, form_code, section_code, answers):
    url = f"/{language}/applications/{application.public_id}/people/{position}/{form_code}/{section_code}/"
    person = application.people.get(position=position)
    form = next(f for f in application.definition.forms_for(person.role) if f.code == form_code)
    section = form.section(section_code)
    if section.pages:
        # A long section is asked a topic a page: each page saves its own questions.
        for asked in section.pages:
            page.goto(f"{url}?page={asked.code}")
            _fill(page, {code: value for code, value in answers.items() if code in asked.fields})
            page.locator("button[name=save]").click()
            page.wait_for_load_state()
            assert page.locator(".error-summary").count() == 0, page.locator(".error-summary").inner_text()
        return
    page.goto(url)
    if isinstance(answers, list):
        for number, row in enumerate(answers):
            _fill(page, row, f"{section_code}-{number}-")
    else:
        _fill(page, answers)
    page.locator("button[name=save]").click()
    page.wait_for_load_state()
    assert page.locator(".error-summary").count() == 0, page.locator(".error-summary").inner_text()


def screening_answers(date_of_birth: str) -> dict:
    sponsor = {
        k: sj.SPONSOR["sponsor"][k] for k in ("status", "residence", "resides_in_quebec", "social_assistance")
    }
    answers = {f"sponsor-{k}": v for k, v in sponsor.items()}
    answers["sponsor-date_of_birth"] = date_of_birth
    answers.update({f"history-{k}": v for k, v in sj.SPONSOR["history"].items()})
    answers.update({f"application-{k}": sj.APPLICATION[k] for k in ("relationship", "location", "category")})
    return answers


def answer_eligibility_pages(page, answers: dict, words: dict, check=None):
    """Answer the eligibility pages one after the other (a topic a page), each with what ``answers``
    has for its questions, then press "Check and start the application" on the last; ``check`` is
    called on each page before it is left."""
    while True:
        here = {name: value for name, value in answers.items() if page.locator(f"[name='{name}']").count()}
        _fill(page, here)
        if check is not None:
            check(page)
        last = page.get_by_role("button", name=words["check"])
        if last.count():
            last.click()
            page.wait_for_load_state()
            return
        page.get_by_role("button", name=words["continue"], exact=True).click()
        page.wait_for_load_state()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_sponsor_sponsors_a_spouse_with_two_children_from_start_to_submission(
    page, live_server, assert_accessible, assert_references_resolve, applicant, language
):
    words = WORDS[language]
    today = datetime.date.today()
    sign_in(page, live_server, applicant)
    page.goto(f"/{language}/applications/")
    page.get_by_role("link", name=words["start_link"]).click()
    assert_accessible(page)
    assert_references_resolve(page)
    page.get_by_role("button", name=words["start"]).click()
    assert_accessible(page)
    assert_references_resolve(page)

    # A sponsor under 18 is told why, and nothing is created.
    answers = screening_answers((today - datetime.timedelta(days=17 * 366)).isoformat())
    answer_eligibility_pages(page, answers, words)
    assert words["too_young"] in page.locator(".error-summary").inner_text()
    assert_accessible(page)
    assert_references_resolve(page)
    assert not Application.objects.exists()
    # Back to the page that asks the date of birth; the other answers are kept.
    page.get_by_role("link", name=words["about_you"]).click()
    answers["sponsor-date_of_birth"] = sj.SPONSOR["sponsor"]["date_of_birth"]
    answer_eligibility_pages(page, {"sponsor-date_of_birth": answers["sponsor-date_of_birth"]}, words)
    application = Application.objects.get(owner=applicant)
    assert_accessible(page)
    assert_references_resolve(page)

    # The two children: one comes, one does not (and says why).
    page.get_by_role("button", name=words["add_child"]).click()
    page.goto(f"/{language}/applications/{application.public_id}/")
    page.locator("#accompanying-no").check()
    page.locator("#why-not").fill("Lives with his mother, who has custody")
    page.get_by_role("button", name=words["add_child"]).click()
    page.goto(f"/{language}/applications/{application.public_id}/")
    assert "Lives with his mother" in page.content()
    assert_accessible(page)
    assert_references_resolve(page)

    # Every section of every person, through the section pages.
    forms = {
        0: {"IMM1344": {"sponsor": sj.SPONSOR["sponsor"], "convictions": []}},
        1: {
            "IMM0008": {
                "application": sj.APPLICATION,
                "personal": sj.PA["IMM0008"]["personal"],
                "marriage": sj.PA["IMM0008"]["marriage"],
            },
            "IMM5669": sj.PA["IMM5669"],
            "IMM5406": {"mother": sj.PARENTS["mother"], "father": sj.PARENTS["father"], "siblings": []},
            "IMM5562": {"trips": []},
        },
        2: {"IMM0008": {"personal": sj.personal("Okafor", "Ada", "2015-01-20")}},
        3: {"IMM0008": {"personal": sj.personal("Okafor", "Obi", "2012-06-02")}},
    }
    for position, by_form in forms.items():
        for form_code, sections in by_form.items():
            for section_code, answers in sections.items():
                _save_section(
                    page, language, application, position, form_code, section_code, copy.deepcopy(answers)
                )
    for position in (2, 3):
        dependant = {"has_spouse_or_common_law_partner": False, "has_dependent_child": False}
        _save_section(page, language, application, position, "IMM0008", "dependant", dependant)
    assert_accessible(page)
    assert_references_resolve(page)
    page.goto(f"/{language}/applications/{application.public_id}/people/1/IMM0008/marriage/")
    assert_accessible(page)
    assert_references_resolve(page)

    journey.upload_checklist(applicant, application, on=today)

    page.goto(f"/{language}/applications/{application.public_id}/")
    page.get_by_role("link", name=words["pay_link"]).click()
    page.get_by_label(words["card_name"]).fill(sj.SPONSOR_NAME)
    page.get_by_label(words["card_number"]).fill("4242 4242 4242 4242")
    page.get_by_label(words["month"]).fill("12")
    page.get_by_label(words["year"]).fill("2030")
    page.get_by_label(words["code"]).fill("123")
    page.get_by_role("button", name=re.compile("^(Pay|Payer) ")).click()
    page.wait_for_load_state()

    # Check your answers: every person's answers, then a way to each signer's declaration.
    page.goto(f"/{language}/applications/{application.public_id}/")
    page.get_by_role("link", name=words["check_link"], exact=True).click()
    main = page.locator("main").inner_text()
    assert sj.SPONSOR_NAME in main and sj.PA_NAME in main and "IMM0008/" not in main
    assert page.get_by_role("link", name=re.compile("^" + re.escape(words["to_sponsor_declaration"]))).count() == 1
    assert_accessible(page)

    # The sponsor signs the undertaking; the principal applicant signs the whole application.
    for position, wrong, right in ((0, None, sj.SPONSOR_NAME), (1, "Chidi Okafor", sj.PA_NAME)):
        page.goto(f"/{language}/applications/{application.public_id}/")
        page.locator(f"a[href$='/people/{position}/sign/']").click()
        assert_accessible(page)
        assert_references_resolve(page)
        if wrong:
            page.get_by_label(words["name"]).fill(wrong)
            page.get_by_role("button", name=words["sign"], exact=True).click()
            assert words["mismatch"] in page.locator("#id_typed_name_error").inner_text()
            assert_accessible(page)
            assert_references_resolve(page)
        page.get_by_label(words["name"]).fill(right)
        page.get_by_role("button", name=words["sign"], exact=True).click()
        page.wait_for_load_state()

    assert_accessible(page)

    assert_references_resolve(page)
    # Submit opens a confirmation step; its button submits.
    page.get_by_role("link", name=words["submit"], exact=True).click()
    assert words["cannot_undo"] in page.locator("main").inner_text()
    assert_accessible(page)
    assert_references_resolve(page)
    page.get_by_role("button", name=words["confirm_submit"]).click()
    page.wait_for_load_state()
    assert words["received"] in page.content()
    assert_accessible(page)
    assert_references_resolve(page)
    application.refresh_from_db()
    assert application.status == "submitted"
    assert {p.role for p in application.people.all()} >= {"sponsor", "principal_applicant", "dependent_child"}
    assert registry.program(application.program).forms_for("sponsor")

    # The officers: screening across every person and form, the AOR, the sponsor first, then the decision.
    screener = _officer("screener@example.ca", ["screening_officer"], first_name="Jordan", last_name="Singh")
    decider = _officer("decider@example.ca", ["decision_maker"], first_name="Dana", last_name="Decider")
    screening = casework.screening_run(application=application)
    assert not screening.findings.exists()
    casework.application_accept(actor=screener, public_id=application.public_id, on=today, draw=lambda: 0.99)
    sponsor_assess(actor=decider, public_id=application.public_id, approved=True, on=today)
    # The decision-maker's pages: police certificates per person and country, then the decision,
    # person by person: the principal applicant and every family member, accompanying or not.
    fresh_sign_in(page, live_server, decider)
    page.goto(f"/{language}/officer/files/{application.public_id}/police-certificates/")
    assert_accessible(page)
    assert_references_resolve(page)
    page.goto(f"/{language}/officer/files/{application.public_id}/sponsorship-decision/")
    assert_accessible(page)
    assert_references_resolve(page)
    examined = list(application.people.filter(role__in=("principal_applicant", "dependent_child")))
    # No approval before the biometrics: the page names who must still give them, with the rule behind "Why?".
    waiting = page.locator("#readiness").inner_text()
    assert words["not_yet"] in waiting
    to_give = [line for line in waiting.splitlines() if words["must_give"] in line]
    assert any(sj.PA_NAME in line for line in to_give) and any("Obi Okafor" in line for line in to_give)
    assert not any("Ada Okafor" in line for line in to_give)  # 11: under 14, exempt
    assert page.locator("#readiness summary").first.inner_text().replace("\u00a0", " ") == words[
        "why"
    ].replace("\u00a0", " ")
    page.locator("#readiness summary").first.click()
    assert "IRPR 12.1(a), 12.2" in page.locator("#readiness details[open]").first.inner_text()
    for person in examined:
        page.locator(f"#id_person-{person.position}-meets_0").check()
    page.get_by_role("button", name=words["decide"]).click()
    page.wait_for_load_state()
    assert words["must_give"] in page.locator(".error-summary").inner_text()
    assert_accessible(page)
    application.refresh_from_db()
    assert application.status != "approved" and not hasattr(application, "decision")

    # The biometric letters go to the two who give them, in one action; each collection is recorded.
    page.goto(f"/{language}/officer/files/{application.public_id}/biometrics/")
    assert_accessible(page)
    page.get_by_role("button", name=words["send_letters"]).click()
    page.wait_for_load_state()
    sent = page.content()
    assert words["letters_sent"] in sent and sj.PA_NAME in sent and "Obi Okafor" in sent
    assert_accessible(page)
    letters = list(application.biometrics_instructions.values_list("person__position", flat=True))
    assert sorted(letters) == [1, 3]  # the principal applicant and Obi, not Ada
    for position in letters:
        if page.locator("[name=position]").count():
            page.locator("[name=position]").select_option(str(position))
        page.locator("[name=collected_on]").fill(today.isoformat())
        page.get_by_role("button", name=words["record"], exact=True).click()
        page.wait_for_load_state()
        assert words["recorded"] in page.content()
    assert application.biometrics_instructions.filter(collected_on__isnull=True).count() == 0
    assert_accessible(page)
    # The medical instructions go to everyone who is examined, by name, in one action.
    page.goto(f"/{language}/officer/files/{application.public_id}/medical/")
    page.get_by_role("button", name=words["send_medical"]).click()
    page.wait_for_load_state()
    assert words["medical_sent"] in page.content() and "Ada Okafor" in page.content()
    assert_accessible(page)
    for instruction in application.medical_instructions.all():
        casework.medical_record_result(
            actor=decider,
            public_id=application.public_id,
            instruction_id=instruction.public_id,
            result_on=today,
            on=today,
        )

    # Now nothing is missing: each person's finding is filled from the file, for the decision-maker to confirm.
    page.goto(f"/{language}/officer/files/{application.public_id}/sponsorship-decision/")
    assert page.locator("#readiness").count() == 0
    for person in examined:
        assert page.locator(f"#id_person-{person.position}-meets_0").is_checked()
    page.locator(f"#id_person-{examined[0].position}-meets_1").check()
    page.get_by_role("button", name=words["decide"]).click()
    assert words["give_reasons"] in page.locator(".error-summary").inner_text()  # a refusal needs reasons
    assert_accessible(page)
    assert_references_resolve(page)
    for person in examined:
        page.locator(f"#id_person-{person.position}-meets_0").check()
    page.get_by_role("button", name=words["decide"]).click()
    page.wait_for_load_state()
    assert words["decided"] in page.content()
    application.refresh_from_db()
    assert application.status == "approved"
    assert application.decision.people.count() == len(examined)
    fresh_sign_in(page, live_server, applicant)
    page.goto(f"/{language}/applications/{application.public_id}/")
    assert words["approved"] in page.content()
    assert_accessible(page)
    assert_references_resolve(page)
