"""A sponsorship taken through the services as a sponsor would: start, people, forms, documents, fees, signatures.

Shared by the sponsorship service tests (and the officer side): every step is the real
service, so a test that uses it goes through every guard.
"""

from __future__ import annotations

import copy
import datetime

from portique.applications import services
from portique.applications.choices import PersonRole, Program
from portique.applications.people import services as people
from portique.applications.signing.several_signers import declaration_for
from portique.rules.programs import registry
from tests import journey

TODAY = journey.TODAY
BARS = (
    "unrepaid_sponsorship_default",
    "immigration_loan_in_default",
    "performance_bond_unpaid",
    "court_ordered_support_in_default",
    "undischarged_bankrupt",
    "subject_to_removal_order",
    "detained_in_prison",
    "pending_sponsorship_of_same_person",
    "citizenship_being_revoked",
    "residency_conditions_not_met",
    "security_certificate",
)
SPONSOR_NAME = "Julie Tremblay"
PA_NAME = "Chidi Emeka Okafor"

SPONSOR = {
    "sponsor": {
        "family_name": "Tremblay",
        "given_names": "Julie",
        "date_of_birth": "1988-05-14",
        "status": "canadian_citizen",
        "residence": "lives_in_canada",
        "resides_in_quebec": False,
        "social_assistance": "none",
        "address": "999, rue de la Famille, unité 3, Ottawa (Ontario) K3J 9T5",
        "citizenship": "CA",
        "marital_status": "married",
    },
    "history": dict.fromkeys(BARS, False),
}
APPLICATION = {
    "relationship": "spouse",
    "location": "outside_canada",
    "category": "family_class",
    "pay_rprf_now": True,
}
PARENTS = {
    "mother": {
        "name": "Ngozi Okafor",
        "date_of_birth": "1962-04-11",
        "country_of_birth": "NG",
        "address": "Lagos, Nigeria",
    },
    "father": {
        "name": "Emeka Okafor",
        "date_of_birth": "1958-10-30",
        "country_of_birth": "NG",
        "address": "Deceased, Lagos, 2019",
    },
}


def personal(family_name, given_names, born, marital_status="single"):
    return {
        "family_name": family_name,
        "given_names": given_names,
        "date_of_birth": born,
        "sex": "F",
        "citizenship": "NG",
        "address": "12 Adeola Odeku Street, Victoria Island, Lagos, Nigeria",
        "immigration_status": "citizen of Nigeria",
        "marital_status": marital_status,
        "is_citizen_or_pr": False,
    }


PA = {
    "IMM0008": {
        "personal": {**personal("Okafor", "Chidi Emeka", "1990-09-02", "married"), "sex": "M"},
        "marriage": {
            "place": "outside_canada",
            "form": "both_physically_present",
            "valid_where_celebrated": True,
            "recognized_in_canada": True,
            "proof": "marriage_certificate",
        },
        "relationship": {"communication_evidence_pages": 8},
    },
    "IMM5669": {"stays": [{"country": "NG", "start": "1990-09-02"}], "convictions": []},
    "IMM5406": {**PARENTS, "siblings": []},
    "IMM5562": {"trips": []},
}


def child_answers(given_names, born, *, accompanying=True, why=""):
    dependant = {
        "accompanying": accompanying,
        "has_spouse_or_common_law_partner": False,
        "has_dependent_child": False,
    }
    if not accompanying:
        dependant["why_not_accompanying"] = why
    return {"IMM0008": {"personal": personal("Okafor", given_names, born), "dependant": dependant}}


def save_form(actor, application, position: int, form_code: str, by_section: dict, *, on=TODAY):
    """Save each section's answers through the service, as the pages do."""
    person = application.people.get(position=position)
    form = next(
        f for f in registry.program(application.program).forms_for(person.role) if f.code == form_code
    )
    for section_code, answers in by_section.items():
        form.section(section_code)
        application.refresh_from_db()
        services.application_save_section(
            actor=actor,
            public_id=application.public_id,
            position=position,
            form_code=form_code,
            section_code=section_code,
            answers=copy.deepcopy(answers),
            expected_version=application.version,
            on=on,
        )
    application.refresh_from_db()


def started(
    actor,
    *,
    on=TODAY,
    sponsor=None,
    question_1=None,
    application_answers=None,
    program=Program.SPOUSE_SPONSORSHIP,
):
    answers = copy.deepcopy(sponsor or SPONSOR)
    return people.sponsorship_screen_and_start(
        actor=actor,
        program=program,
        sponsor_answers={
            "sponsor": answers["sponsor"],
            "history": answers["history"],
            "question_1": question_1 or {},
        },
        application_answers=dict(application_answers or APPLICATION),
        on=on,
    )


def add_child(actor, application, *, accompanying=True, why=""):
    application.refresh_from_db()
    child = people.person_add(
        actor=actor,
        public_id=application.public_id,
        role=PersonRole.DEPENDENT_CHILD,
        accompanying=accompanying,
        why_not_accompanying=why,
        expected_version=application.version,
    )
    application.refresh_from_db()
    return child


def spouse_with_children(actor, *, on=TODAY, sponsor=None, question_1=None):
    """A spouse abroad with one accompanying and one non-accompanying child, every form answered."""
    given = sponsor or SPONSOR
    application = started(actor, on=on, sponsor=given, question_1=question_1)
    answers = {"sponsor": given["sponsor"], "history": given["history"], "convictions": []}
    if question_1:
        answers["question_1"] = question_1
    save_form(actor, application, 0, "IMM1344", answers, on=on)
    for form_code, by_section in PA.items():
        save_form(actor, application, 1, form_code, by_section, on=on)
    for given, born, accompanying, why in (
        ("Ada", "2015-01-20", True, ""),
        ("Obi", "2012-06-02", False, "Lives with his mother, who has custody"),
    ):
        child = add_child(actor, application, accompanying=accompanying, why=why)
        answers = child_answers(given, born, accompanying=accompanying, why=why)["IMM0008"]
        save_form(actor, application, child.position, "IMM0008", answers, on=on)
    return application


def sign(actor, application, position: int, typed_name: str, *, on=TODAY):
    application.refresh_from_db()
    person = application.people.get(position=position)
    signature = services.application_sign(
        actor=actor,
        public_id=application.public_id,
        position=position,
        typed_name=typed_name,
        declaration_version=declaration_for(person).version,
        expected_version=application.version,
        on=on,
    )
    application.refresh_from_db()
    return signature


def ready_to_submit(actor, *, on: datetime.date = TODAY, sponsor=None, question_1=None):
    application = spouse_with_children(actor, on=on, sponsor=sponsor, question_1=question_1)
    journey.upload_checklist(actor, application, on=on)
    journey.pay(actor, application, on=on, payer_name=SPONSOR_NAME)
    sign(actor, application, 0, SPONSOR_NAME, on=on)
    sign(actor, application, 1, PA_NAME, on=on)
    return application


GUARDIAN_NAME = "Mai Nguyen"


def child_with_guardian(actor, *, on=TODAY):
    """A dependent child of 15 sponsored by her father; her mother signs for her (ACT-56)."""
    application = started(
        actor,
        on=on,
        application_answers={"location": "outside_canada", "category": "family_class"},
        program=Program.CHILD_SPONSORSHIP,
    )
    sponsor = {"sponsor": SPONSOR["sponsor"], "history": SPONSOR["history"], "convictions": []}
    save_form(actor, application, 0, "IMM1344", sponsor, on=on)
    answers = {
        "personal": personal("Nguyen", "Linh", "2011-04-10"),
        "dependant": {
            "has_spouse_or_common_law_partner": False,
            "has_dependent_child": False,
            "custody": "joint",
        },
    }
    save_form(actor, application, 1, "IMM0008", answers, on=on)
    save_form(actor, application, 1, "IMM5406", {**PARENTS, "siblings": []}, on=on)
    # The principal applicant completes IMM 5669 and IMM 5562 whatever their age (the rules' forms_required).
    save_form(actor, application, 1, "IMM5669", {"stays": [{"country": "VN", "start": "2011-04-10"}], "convictions": []}, on=on)
    save_form(actor, application, 1, "IMM5562", {"trips": []}, on=on)
    application.refresh_from_db()
    guardian = people.person_add(
        actor=actor,
        public_id=application.public_id,
        role=PersonRole.PARENT_OR_GUARDIAN,
        expected_version=application.version,
    )
    save_form(
        actor,
        application,
        guardian.position,
        "IMM0008",
        {"personal": {"family_name": "Nguyen", "given_names": "Mai"}},
        on=on,
    )
    return application, guardian


# Any program's officer steps before an approval (tests.journey).
collect_before_decision = journey.collect_before_decision
