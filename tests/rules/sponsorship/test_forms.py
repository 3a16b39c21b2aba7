from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from portique.rules.dates import add_years
from portique.rules.sponsorship.forms import (
    Form,
    Imm5476,
    PersonRole,
    Signer,
    applications_for_children,
    forms_required,
    irm0002_required,
    representative_forms,
)
from portique.rules.sponsorship.vocabulary import SponsoredRelationship as R

from ._helpers import codes, well_formed

ON = date(2025, 6, 1)


def forms(role, birth, **kwargs):
    result = forms_required(role=role, birth_date=birth, on=ON, **kwargs)
    well_formed(result.reasons)
    return result


def test_AS_104_accompanying_child_aged_19_completes_5669_5406_5562_and_5476_if_represented():
    result = forms(PersonRole.FAMILY_MEMBER, date(2006, 1, 1), represented=True, person="child-1")
    assert result.forms == (Form.IMM_5669, Form.IMM_5406, Form.IMM_5562, Form.IMM_5476)
    assert result.signed_by is Signer.PRINCIPAL_APPLICANT
    assert codes(result) == ["ADULT_FAMILY_MEMBER_FORMS"]
    assert result.reasons[0].subject == "child-1"
    assert Form.IMM_5476 not in forms(PersonRole.FAMILY_MEMBER, date(2006, 1, 1)).forms


def test_AS_104_child_aged_12_has_no_separate_forms_listed_in_pa_imm0008():
    result = forms(PersonRole.FAMILY_MEMBER, date(2013, 1, 1), represented=True)
    assert result.forms == ()
    assert codes(result) == ["MINOR_FAMILY_MEMBER_IN_IMM0008"]


def test_G16_family_member_completes_forms_from_the_18th_birthday():
    assert forms(PersonRole.FAMILY_MEMBER, date(2007, 6, 1)).forms == (
        Form.IMM_5669,
        Form.IMM_5406,
        Form.IMM_5562,
    )
    assert forms(PersonRole.FAMILY_MEMBER, date(2007, 6, 2)).forms == ()


def test_adult_principal_applicant_forms_and_signature():
    result = forms(PersonRole.PRINCIPAL_APPLICANT, date(1995, 1, 1))
    assert result.forms == (
        Form.IMM_0008,
        Form.IMM_5669,
        Form.IMM_5406,
        Form.IMM_5562,
        Form.DOCUMENT_CHECKLIST,
    )
    assert result.signed_by is Signer.SELF
    assert codes(result) == ["PA_DIGITAL_FORMS"]


def test_AS_06_child_pa_aged_16_parent_signs_and_imm5406_marked_as_pa():
    result = forms(PersonRole.PRINCIPAL_APPLICANT, date(2009, 1, 1), sponsoring=R.DEPENDENT_CHILD)
    assert Form.IMM_5406 in result.forms
    assert result.signed_by is Signer.PARENT_OR_GUARDIAN
    assert codes(result) == ["PA_DIGITAL_FORMS", "PA_MINOR_PARENT_SIGNS", "IMM5406_CHILD_MARKED_AS_PA"]


def test_sponsor_forms_with_imm1283_and_the_g15_gap_flag():
    result = forms(PersonRole.SPONSOR, date(1980, 1, 1), imm1283_required=True, represented=True)
    assert result.forms == (Form.IMM_1344, Form.IMM_1283, Form.IMM_5476)
    assert result.needs_review
    assert codes(result) == ["SPONSOR_IMM1344", "SPONSOR_IMM1283", "SPONSOR_FORMS_LIST_MISSING"]
    assert "IMM 5532" not in " ".join(r.en for r in result.reasons)  # not named in the sources
    child_only = forms(PersonRole.SPONSOR, date(1980, 1, 1), sponsoring=R.DEPENDENT_CHILD)
    assert child_only.forms == (Form.IMM_1344,)
    assert "only dependent children" in child_only.reasons[-1].en


def test_AS_105_x_with_passport_f_requires_irm0002_without_documents():
    result = forms(
        PersonRole.PRINCIPAL_APPLICANT, date(1995, 1, 1), selects_sex_x=True, travel_document_shows_x=False
    )
    assert Form.IRM_0002 in result.forms
    irm = next(r for r in result.reasons if r.code == "IRM0002_REQUIRED")
    assert "No supporting documents" in irm.en and "Aucun document" in irm.fr


def test_AS_105_x_on_passport_and_no_canadian_tr_document_no_irm0002():
    result = irm0002_required(
        selects_sex_x=True, travel_document_shows_x=True, held_canadian_tr_document_with_different_sex=False
    )
    well_formed(result.reasons)
    assert not result.required and codes(result) == ["IRM0002_NOT_REQUIRED"]
    previous_permit = irm0002_required(
        selects_sex_x=True, travel_document_shows_x=True, held_canadian_tr_document_with_different_sex=True
    )
    assert previous_permit.required
    not_x = irm0002_required(
        selects_sex_x=False, travel_document_shows_x=False, held_canadian_tr_document_with_different_sex=True
    )
    assert not not_x.required and not_x.reasons == ()


def test_AS_114_same_representative_one_imm5476_signed_by_both():
    result = representative_forms(sponsor_representative="rep-1", pa_representative="rep-1")
    well_formed(result.reasons)
    assert result.forms == (Imm5476("rep-1", ("sponsor", "principal_applicant")),)
    assert result.correspondence_to == "rep-1"
    assert codes(result) == ["ONE_IMM5476_FOR_SPONSOR_AND_PA", "CORRESPONDENCE_TO_REPRESENTATIVE"]


def test_AS_114_pa_abroad_with_sponsors_canadian_address_names_sponsor_correspondence_to_sponsor():
    result = representative_forms(
        pa_lives_outside_canada=True,
        pa_mailing_address_is_sponsors_canadian_address=True,
        represented_adult_family_members=("child-19",),
    )
    well_formed(result.reasons)
    assert result.forms == (Imm5476("sponsor", ("principal_applicant",)), Imm5476("sponsor", ("child-19",)))
    assert result.correspondence_to == "sponsor"
    assert codes(result) == ["PA_MUST_NAME_SPONSOR_ADDRESS", "CORRESPONDENCE_TO_REPRESENTATIVE"]
    assert "to the sponsor" in result.reasons[-1].en


def test_different_representatives_and_no_representative():
    two = representative_forms(sponsor_representative="rep-s", pa_representative="rep-p")
    assert two.forms == (Imm5476("rep-s", ("sponsor",)), Imm5476("rep-p", ("principal_applicant",)))
    none = representative_forms()
    assert none.forms == () and none.correspondence_to == "principal_applicant" and none.reasons == ()
    conflict = representative_forms(sponsor_acts_for_pa=True, pa_representative="rep-p")
    assert "PA_REPRESENTATIVE_CONFLICT" in codes(conflict)


def test_AS_05_two_children_as_pas_need_two_separate_applications():
    result = applications_for_children(children_as_principal_applicants=2)
    well_formed(result.reasons)
    assert result.applications == 2
    assert "IMM 1344" in result.reasons[0].en
    with pytest.raises(ValueError):
        applications_for_children(children_as_principal_applicants=0)


@given(
    age=st.integers(min_value=0, max_value=90),
    role=st.sampled_from([PersonRole.PRINCIPAL_APPLICANT, PersonRole.FAMILY_MEMBER]),
    represented=st.booleans(),
)
def test_property_schedule_forms_follow_role_and_age(age, role, represented):
    birth = add_years(ON, -age)
    result = forms(role, birth, represented=represented)
    schedules = {Form.IMM_5669, Form.IMM_5406, Form.IMM_5562}
    has_schedules = schedules <= set(result.forms)
    assert has_schedules == (role is PersonRole.PRINCIPAL_APPLICANT or age >= 18)
    assert (Form.IMM_0008 in result.forms) == (role is PersonRole.PRINCIPAL_APPLICANT)
    assert (Form.IMM_5476 in result.forms) == (represented and has_schedules)
