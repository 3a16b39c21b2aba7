from datetime import date

from portique.rules.parameters import all_parameters, value


def test_sponsorship_parameters_are_documented_and_cut_offs_are_dates():
    params = {name: p for name, p in all_parameters().items() if name.startswith("sponsorship.")}
    assert len(params) >= 20
    for name, param in params.items():
        assert param.description.strip() and param.reference.strip() and param.unit.strip(), name
        if param.unit == "date":
            assert len(param.values) == 1 and isinstance(param.values[0], date), name


def test_key_values_match_the_guide():
    on = date(2025, 6, 1)
    assert value("sponsorship.sponsor_min_age", on) == 18
    assert value("sponsorship.sponsored_partner_bar_from", on) == date(2012, 3, 2)
    assert value("sponsorship.dependent_child_age_limit", on) == 22
    assert value("sponsorship.medical_exam_days", on) == 30
    assert value("sponsorship.communication_evidence_max_pages", on) == 10
    assert value("sponsorship.regular_ei_policy_tax_years", on) == [2020, 2021]
