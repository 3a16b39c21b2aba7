from datetime import date

import pytest

from portique.rules import parameters


def test_every_parameter_file_loads_and_cites_its_source():
    loaded = parameters.all_parameters()
    assert loaded, "no parameters found"
    for param in loaded.values():
        assert param.reference.strip(), param.name
        assert param.starts == tuple(sorted(param.starts)), param.name


def test_a_value_applies_from_its_start_date_and_not_the_day_before(tmp_path, monkeypatch):
    (tmp_path / "demo.yaml").write_text(
        "fee:\n  description: d\n  unit: CAD\n  reference: r\n"
        "  values:\n    2020-01-01: 50\n    2024-06-01: 60\n    2026-01-01: null\n"
    )
    loaded = parameters._load_file(tmp_path / "demo.yaml")
    fee = loaded["demo.fee"]
    with pytest.raises(parameters.ParameterNotInForce):
        fee.at(date(2019, 12, 31))
    assert str(fee.at(date(2020, 1, 1))) == "50"
    assert str(fee.at(date(2024, 5, 31))) == "50"
    assert str(fee.at(date(2024, 6, 1))) == "60"
    assert not fee.in_force(date(2026, 1, 1))
