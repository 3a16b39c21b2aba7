from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from portique.rules.sponsorship.income import IncomeSource, income_counts_for_mni, mni_required
from portique.rules.sponsorship.vocabulary import SponsoredRelationship as R

from ._helpers import codes, well_formed

ON = date(2025, 6, 1)


def mni(sponsoring=R.SPOUSE, grandchild=False, quebec=False):
    result = mni_required(
        sponsoring=sponsoring,
        dependent_child_has_dependent_child=grandchild,
        sponsor_resides_in_quebec=quebec,
    )
    well_formed(result.reasons)
    return result


def test_AS_93_ontario_sponsor_spouses_child_has_a_child_mni_applies_imm1283():
    result = mni(grandchild=True)
    assert result.mni_applies and result.imm1283_required
    assert not result.quebec_assesses_financial_capacity
    assert codes(result) == ["SPONSOR_MUST_MEET_BASIC_NEEDS", "MNI_APPLIES_IMM1283"]


def test_AS_93_same_family_quebec_sponsor_no_imm1283_to_ircc_quebec_assesses():
    result = mni(grandchild=True, quebec=True)
    assert result.mni_applies and not result.imm1283_required
    assert result.quebec_assesses_financial_capacity
    assert codes(result) == ["SPONSOR_MUST_MEET_BASIC_NEEDS", "MNI_QUEBEC_ASSESSES"]
    assert "makes no decision until Quebec" in result.reasons[-1].en


def test_AS_94_spouse_with_a_child_who_has_no_children_no_mni():
    result = mni(grandchild=False)
    assert not result.mni_applies and not result.imm1283_required
    assert codes(result) == ["SPONSOR_MUST_MEET_BASIC_NEEDS", "NO_MNI"]


def test_G21_conjugal_partner_treated_alike_and_child_pa_not_asked_both_flagged():
    conjugal = mni(R.CONJUGAL_PARTNER, grandchild=True)
    assert conjugal.mni_applies and conjugal.needs_officer_review
    assert "MNI_CONJUGAL_PARTNER_READING" in codes(conjugal)
    child = mni(R.DEPENDENT_CHILD, grandchild=True)
    assert not child.mni_applies and child.needs_officer_review
    assert "MNI_CHILD_WITH_CHILD_NOT_STATED" in codes(child)


def test_special_ei_counts_regular_ei_only_under_the_2020_2021_policy():
    for source in (IncomeSource.EI_MATERNITY, IncomeSource.EI_PARENTAL, IncomeSource.EI_SICKNESS):
        assert income_counts_for_mni(source=source, tax_year=2019, on=ON).counts
    for year, expected in ((2019, False), (2020, True), (2021, True), (2022, False)):
        result = income_counts_for_mni(source=IncomeSource.EI_REGULAR, tax_year=year, on=ON)
        well_formed(result.reasons)
        assert result.counts is expected, year
    training = income_counts_for_mni(source=IncomeSource.FEDERAL_TRAINING_ALLOWANCE, tax_year=2021, on=ON)
    assert not training.counts and codes(training) == ["INCOME_GENERALLY_NOT_COUNTED"]


@given(
    sponsoring=st.sampled_from([R.SPOUSE, R.COMMON_LAW_PARTNER, R.CONJUGAL_PARTNER, R.DEPENDENT_CHILD]),
    grandchild=st.booleans(),
    quebec=st.booleans(),
)
def test_property_imm1283_only_when_mni_applies_outside_quebec(sponsoring, grandchild, quebec):
    result = mni(sponsoring, grandchild, quebec)
    assert result.imm1283_required == (result.mni_applies and not quebec)
    assert result.quebec_assesses_financial_capacity == (result.mni_applies and quebec)
    assert result.mni_applies == (grandchild and sponsoring is not R.DEPENDENT_CHILD)
