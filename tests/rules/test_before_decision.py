"""Nothing is decided early (rules.before_decision): the cases a policy reader can check."""

from portique.rules.before_decision import FileSteps, PersonSteps, QaInterview, Step, approval_blockers


def codes(steps: FileSteps) -> list[tuple[str, str | None]]:
    return [(found.code, found.subject) for found in approval_blockers(steps)]


def test_a_file_with_every_step_done_can_be_approved():
    done = PersonSteps(
        person="p1",
        name="Chidi Okafor",
        biometrics_required=True,
        biometrics=Step.DONE,
        medical_required=True,
        medical=Step.DONE,
    )
    assert approval_blockers(FileSteps(people=(done,), sponsored=True, sponsor_assessed=True)) == ()


def test_a_person_who_gives_biometrics_holds_up_the_approval_until_they_are_collected():
    waiting = PersonSteps(person="p3", name="Obi Okafor", biometrics_required=True)
    (found,) = approval_blockers(FileSteps(people=(waiting,)))
    assert found.code == "BEFORE_DECISION_BIOMETRICS_NOT_INSTRUCTED" and found.subject == "p3"
    assert found.en.startswith("Obi Okafor: must give biometrics")
    assert found.fr.startswith("Obi Okafor\u00a0: doit fournir ses données biométriques")
    assert "IRPR 12.1" in found.citation
    sent = PersonSteps(person="p3", name="Obi Okafor", biometrics_required=True, biometrics=Step.INSTRUCTED)
    assert codes(FileSteps(people=(sent,))) == [("BEFORE_DECISION_BIOMETRICS_AWAITED", "p3")]


def test_a_letter_an_officer_sent_is_awaited_even_when_the_evaluation_did_not_call_for_it():
    # A PR card applicant found by the records to fall under IRPR 12.1(m).
    sent = PersonSteps(person="p0", name="Alex Tremblay", biometrics=Step.INSTRUCTED)
    assert codes(FileSteps(people=(sent,))) == [("BEFORE_DECISION_BIOMETRICS_AWAITED", "p0")]


def test_every_family_member_examined_holds_up_the_approval_until_the_result_is_in():
    people = (
        PersonSteps(person="p2", name="Ada Okafor", medical_required=True),
        PersonSteps(person="p3", name="Obi Okafor", medical_required=True, medical=Step.INSTRUCTED),
    )
    assert codes(FileSteps(people=people)) == [
        ("BEFORE_DECISION_MEDICAL_NOT_INSTRUCTED", "p2"),
        ("BEFORE_DECISION_MEDICAL_AWAITED", "p3"),
    ]


def test_a_file_drawn_for_quality_assurance_waits_for_its_interview_to_be_held():
    for interview in (QaInterview.NOT_SCHEDULED, QaInterview.SCHEDULED, QaInterview.NOT_ATTENDED):
        (found,) = approval_blockers(
            FileSteps(quality_assurance_selected=True, quality_assurance_interview=interview)
        )
        assert found.code == "BEFORE_DECISION_QUALITY_ASSURANCE_INTERVIEW"
        assert found.citation == "IMM 5445 — Programme d'assurance de la qualité"
    assert (
        approval_blockers(
            FileSteps(quality_assurance_selected=True, quality_assurance_interview=QaInterview.HELD)
        )
        == ()
    )
    # A file not drawn for quality assurance has no such interview to wait for.
    assert approval_blockers(FileSteps()) == ()


def test_the_sponsor_open_requests_and_interviews_hold_up_the_approval():
    steps = FileSteps(sponsored=True, sponsor_assessed=False, open_requests=1, interviews_without_outcome=1)
    assert [code for code, _subject in codes(steps)] == [
        "BEFORE_DECISION_SPONSOR_NOT_ASSESSED",
        "BEFORE_DECISION_REQUEST_OPEN",
        "BEFORE_DECISION_INTERVIEW_OUTCOME",
    ]
