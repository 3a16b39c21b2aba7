"""A sponsorship decided person by person; what holds the decision up (Quebec, police certificates).

Cases as a policy reader would state them: IMM 5289 "Examen d'admissibilité", IRPR 10(3),
117(9)(d), and the family inadmissibility of IRPA s. 42(1)(a) with IRPR 23.
"""

from datetime import date

import pytest

from portique.rules.reasons import Severity
from portique.rules.sponsorship.decisions import (
    Certificate,
    CertificateState,
    Examined,
    PersonOutcome,
    QuebecStep,
    Relation,
    decide_family,
    police_blockers,
    quebec_blockers,
    quebec_step,
)
from portique.rules.sponsorship.evidence import Custody

from ._helpers import well_formed

ON = date(2026, 6, 1)


def pa(meets=True):
    return Examined("p1", Relation.PRINCIPAL_APPLICANT, True, meets)


def child(person, *, accompanying, meets=True, custody=None):
    return Examined(person, Relation.DEPENDENT_CHILD, accompanying, meets, custody=custody)


def outcomes(result):
    for decided in result.people:
        well_formed(decided.reasons)
    return {decided.person: decided.outcome for decided in result.people}


def codes_of(result, person):
    return [r.code for d in result.people if d.person == person for r in d.reasons]


def test_everyone_meets_the_requirements_the_family_comes_and_the_child_who_stays_is_examined_only():
    result = decide_family(
        people=(pa(), child("p2", accompanying=True), child("p3", accompanying=False)),
        sponsor_meets_requirements=True,
    )
    assert result.approved
    assert outcomes(result) == {
        "p1": PersonOutcome.APPROVED,
        "p2": PersonOutcome.APPROVED,
        "p3": PersonOutcome.EXAMINED_ONLY,
    }
    assert codes_of(result, "p3") == ["NON_ACCOMPANYING_EXAMINED_ONLY"]


def test_an_inadmissible_accompanying_child_makes_the_principal_applicant_and_everyone_refused():
    result = decide_family(
        people=(pa(), child("p2", accompanying=True, meets=False), child("p3", accompanying=False)),
        sponsor_meets_requirements=True,
    )
    assert not result.approved
    assert outcomes(result) == {
        "p1": PersonOutcome.REFUSED,
        "p2": PersonOutcome.REFUSED,
        "p3": PersonOutcome.EXAMINED_ONLY,
    }
    assert codes_of(result, "p1") == ["ACCOMPANYING_MEMBER_INADMISSIBLE"]
    assert "FAMILY_MEMBER_INADMISSIBLE" in codes_of(result, "p2")


@pytest.mark.parametrize("custody", [Custody.PRINCIPAL_APPLICANT, Custody.JOINT])
def test_an_inadmissible_child_who_stays_behind_in_the_principal_applicants_custody_refuses_the_family(
    custody,
):
    result = decide_family(
        people=(
            pa(),
            child("p2", accompanying=True),
            child("p3", accompanying=False, meets=False, custody=custody),
        ),
        sponsor_meets_requirements=True,
    )
    assert not result.approved
    assert outcomes(result) == {
        "p1": PersonOutcome.REFUSED,
        "p2": PersonOutcome.REFUSED,
        "p3": PersonOutcome.EXAMINED_ONLY,
    }
    assert codes_of(result, "p1") == ["NON_ACCOMPANYING_MEMBER_INADMISSIBLE"]
    assert codes_of(result, "p2") == ["ACCOMPANYING_MEMBER_FOLLOWS_PRINCIPAL"]


def test_an_inadmissible_child_in_the_other_parents_sole_custody_does_not_refuse_the_family():
    result = decide_family(
        people=(pa(), child("p3", accompanying=False, meets=False, custody=Custody.SOLE_OTHER_PARENT)),
        sponsor_meets_requirements=True,
    )
    assert result.approved
    assert outcomes(result) == {"p1": PersonOutcome.APPROVED, "p3": PersonOutcome.EXAMINED_ONLY}
    assert codes_of(result, "p3") == [
        "FAMILY_MEMBER_INADMISSIBLE",
        "NON_ACCOMPANYING_EXAMINED_ONLY",
        "NON_ACCOMPANYING_NOT_PRESCRIBED",
    ]


def test_a_non_accompanying_spouse_counts_unless_the_relationship_has_broken_down():
    spouse = Examined("p2", Relation.SPOUSE_OR_PARTNER, False, False)
    assert not decide_family(people=(pa(), spouse), sponsor_meets_requirements=True).approved
    broken = Examined("p2", Relation.SPOUSE_OR_PARTNER, False, False, relationship_broken_down=True)
    assert decide_family(people=(pa(), broken), sponsor_meets_requirements=True).approved


def test_the_custody_of_an_inadmissible_child_who_stays_behind_must_be_known():
    result = decide_family(
        people=(pa(), child("p3", accompanying=False, meets=False, custody=None)),
        sponsor_meets_requirements=True,
    )
    assert result.people == ()
    assert [r.code for r in result.missing] == ["DECISION_CUSTODY_UNKNOWN"]
    assert result.missing[0].subject == "p3"
    well_formed(result.missing)


def test_every_person_needs_a_finding_accompanying_or_not():
    result = decide_family(
        people=(
            pa(),
            child("p2", accompanying=True, meets=None),
            child("p3", accompanying=False, meets=None),
        ),
        sponsor_meets_requirements=True,
    )
    assert not result.approved
    assert [(r.code, r.subject) for r in result.missing] == [
        ("DECISION_FINDING_MISSING", "p2"),
        ("DECISION_FINDING_MISSING", "p3"),
    ]


def test_a_principal_applicant_who_does_not_meet_the_requirements_is_refused_with_the_family():
    result = decide_family(
        people=(pa(meets=False), child("p2", accompanying=True)), sponsor_meets_requirements=True
    )
    assert outcomes(result) == {"p1": PersonOutcome.REFUSED, "p2": PersonOutcome.REFUSED}


def test_a_refused_sponsor_who_proceeds_or_a_quebec_refusal_refuses_everyone_without_findings():
    people = (
        pa(meets=None),
        child("p2", accompanying=True, meets=None),
        child("p3", accompanying=False, meets=None),
    )
    refused = decide_family(people=people, sponsor_meets_requirements=False)
    assert outcomes(refused) == {
        "p1": PersonOutcome.REFUSED,
        "p2": PersonOutcome.REFUSED,
        "p3": PersonOutcome.EXAMINED_ONLY,
    }
    assert codes_of(refused, "p1") == ["SPONSOR_DOES_NOT_MEET_REQUIREMENTS"]
    by_quebec = decide_family(people=people, sponsor_meets_requirements=True, refused_by_quebec=True)
    assert not by_quebec.approved
    assert codes_of(by_quebec, "p1") == ["QUEBEC_UNDERTAKING_REFUSED"]


def test_no_principal_applicant_no_decision():
    result = decide_family(people=(child("p2", accompanying=True),), sponsor_meets_requirements=True)
    assert [r.code for r in result.missing] == ["DECISION_NO_PRINCIPAL_APPLICANT"]


# --- Quebec (SP-70, AS-93) -----------------------------------------------------------------------


def test_AS_93_a_quebec_sponsor_waits_for_federal_approval_then_for_quebec():
    def step(**kwargs):
        given = {"sponsor_resides_in_quebec": True, "sponsor_approved": True, "undertaking_requested": True}
        return quebec_step(**{**given, "quebec_approved": None, **kwargs})

    assert step(sponsor_resides_in_quebec=False) is QuebecStep.NOT_APPLICABLE
    assert step(sponsor_approved=None, undertaking_requested=False) is QuebecStep.AWAITING_FEDERAL_APPROVAL
    assert step(sponsor_approved=False, undertaking_requested=False) is QuebecStep.NOT_APPLICABLE
    assert step() is QuebecStep.UNDERTAKING_REQUESTED
    assert step(quebec_approved=True) is QuebecStep.APPROVED_BY_QUEBEC
    assert step(quebec_approved=False) is QuebecStep.REFUSED_BY_QUEBEC


@pytest.mark.parametrize(
    ("step", "codes"),
    [
        (QuebecStep.NOT_APPLICABLE, []),
        (QuebecStep.AWAITING_FEDERAL_APPROVAL, ["QUEBEC_UNDERTAKING_NOT_REQUESTED"]),
        (QuebecStep.UNDERTAKING_REQUESTED, ["QUEBEC_DECISION_AWAITED"]),
        (QuebecStep.APPROVED_BY_QUEBEC, []),
        (QuebecStep.REFUSED_BY_QUEBEC, []),
    ],
)
def test_SP_70_no_decision_until_quebec_decides(step, codes):
    found = quebec_blockers(step)
    assert [r.code for r in found] == codes
    if found:
        well_formed(found)
        assert all(r.severity is Severity.BLOCKING for r in found)


# --- Police certificates (SP-185) ----------------------------------------------------------------


def certificate(state, due_on=None):
    return Certificate("p1", "NG", state, due_on)


@pytest.mark.parametrize(
    "state", [CertificateState.PROVIDED, CertificateState.RECEIVED, CertificateState.EXPLANATION_ACCEPTED]
)
def test_a_certificate_in_hand_or_an_accepted_explanation_holds_nothing_up(state):
    assert police_blockers((certificate(state),), on=ON, approving=True) == ()


def test_a_requested_certificate_holds_up_an_approval_and_a_refusal_until_its_deadline():
    requested = certificate(CertificateState.REQUESTED, due_on=date(2026, 7, 1))
    found = police_blockers((requested,), on=ON, approving=True)
    assert [r.code for r in found] == ["POLICE_CERTIFICATE_OUTSTANDING"]
    assert found[0].subject == "p1/NG"
    well_formed(found)
    assert police_blockers((requested,), on=ON, approving=False) == found
    # The deadline passed: the applicant did not send it; a refusal may go ahead, an approval may not.
    assert police_blockers((requested,), on=date(2026, 7, 2), approving=False) == ()
    assert police_blockers((requested,), on=date(2026, 7, 2), approving=True)


def test_a_missing_certificate_or_an_explanation_not_yet_accepted_holds_up_an_approval_only():
    missing = certificate(CertificateState.NOT_PROVIDED)
    explained = certificate(CertificateState.EXPLANATION_GIVEN)
    found = police_blockers((missing, explained), on=ON, approving=True)
    assert [r.code for r in found] == ["POLICE_CERTIFICATE_MISSING", "POLICE_CERTIFICATE_EXPLANATION_PENDING"]
    assert police_blockers((missing, explained), on=ON, approving=False) == ()
