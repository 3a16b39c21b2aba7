"""`portique rules evaluate`: the worked examples of docs/examples, in English and French."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"


def evaluate(path, *options) -> dict:
    out = StringIO()
    call_command("rules", "evaluate", str(path), *options, stdout=out, stderr=StringIO())
    return json.loads(out.getvalue())


def bad_input(path, *options) -> str:
    err = StringIO()
    with pytest.raises(SystemExit) as exit_:
        call_command("rules", "evaluate", str(path), *options, stdout=StringIO(), stderr=err)
    assert exit_.value.code == 2
    return err.getvalue()


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.json")), ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_example_is_evaluated_in_both_languages(example, lang):
    result = evaluate(example, "--lang", lang)
    assert result["language"] == lang
    assert result["program"] == json.loads(example.read_text())["program"]
    assert result["reasons"], "every evaluation explains itself"
    for found in result["reasons"]:
        assert set(found) >= {"code", "rule", "citation", "severity", "message"}
        assert "en" not in found and "fr" not in found
    for item in result["checklist"]:
        assert set(item) >= {"code", "text", "why", "citation", "person"}


def test_a_complete_renewal_in_english():
    result = evaluate(EXAMPLES / "pr-card-renewal-complete.json")
    assert result["complete"] is True
    assert result["as_of"] == "2026-11-22"
    assert result["fees"]["total"] == "50.00" and result["fees"]["balance"] == "0.00"
    assert result["biometrics"]["required"] == []
    assert result["online"]["requirement"] == "no_requirement"
    assert result["missing_under_s10"] == []


def test_a_renewal_with_a_card_valid_more_than_270_days_is_returned_in_french():
    result = evaluate(EXAMPLES / "pr-card-renewal-card-still-valid.json", "--lang", "fr")
    assert result["complete"] is False
    (returned,) = [r for r in result["eligibility_findings"] if r["code"] == "CARD_VALID_MORE_THAN_270_DAYS"]
    assert "270" in returned["message"] and returned["severity"] == "blocking"
    assert result["program_name"] == "Carte de résident permanent"


def test_residency_not_met_with_humanitarian_grounds_goes_to_an_officer():
    result = evaluate(EXAMPLES / "pr-card-residency-not-met-humanitarian.json")
    codes = {r["code"] for r in result["eligibility_findings"]}
    assert "HUMANITARIAN_GROUNDS_OFFICER_DECIDES" in codes
    assert result["details"]["residency"]["days_credited"] < 730


def test_an_overpayment_is_refunded_to_the_payer_named_on_the_receipt():
    result = evaluate(EXAMPLES / "pr-card-overpayment.json", "--lang", "fr")
    assert result["fees"]["balance"] == "-85.00"
    (refund,) = [r for r in result["reasons"] if r["code"] == "PAYMENT_OVERPAID_REFUND"]
    assert "Jordan Tremblay" in refund["message"] and "remboursé" in refund["message"]


def test_a_spouse_with_a_dependent_child_as_in_as_03():
    result = evaluate(EXAMPLES / "spouse-sponsorship-with-child.json")
    assert result["complete"] is True
    assert result["fees"]["total"] == "1465.00"
    assert result["biometrics"]["required"] == ["pa"]
    assert result["online"]["must_apply_online"] is True
    assert result["eligibility"]["sponsor"]["outcome"] == "meets_requirements"
    assert {(i["person"], i["code"]) for i in result["checklist"]} >= {
        ("sponsor", "IMM1344"),
        ("pa", "POLICE_CERTIFICATE_NG"),
        ("pa", "MARRIAGE_CERTIFICATE"),
        ("child", "BIRTH_CERTIFICATE"),
    }


def test_a_dependent_child_of_16_as_in_as_06_in_french():
    result = evaluate(EXAMPLES / "child-sponsorship.json", "--lang", "fr")
    assert result["complete"] is True
    assert result["fees"]["total"] == "255.00"
    assert result["biometrics"]["required"] == ["linh"]
    assert result["details"]["signatures"]["signer"] == "parent_or_guardian"
    imm5604 = [i for i in result["checklist"] if i["code"] == "IMM5604"]
    assert imm5604 and "signée à la main" in imm5604[0]["text"]


def test_on_evaluates_the_case_as_if_made_that_day():
    result = evaluate(EXAMPLES / "pr-card-renewal-complete.json", "--on", "2026-02-01")
    assert result["as_of"] == "2026-02-01"
    assert result["complete"] is False  # the card then still had more than 270 days to run


def test_a_missing_file_says_so_in_the_chosen_language(tmp_path):
    assert "Case file not found" in bad_input(tmp_path / "none.json")
    assert "Fichier de dossier introuvable" in bad_input(tmp_path / "none.json", "--lang", "fr")


def test_invalid_json_names_the_line(tmp_path):
    path = tmp_path / "case.json"
    path.write_text('{\n  "program": pr_card\n}')
    assert "not valid JSON (line 2" in bad_input(path)
    assert "n’est pas un JSON valide (ligne 2" in bad_input(path, "--lang", "fr")


def test_a_case_off_the_schema_names_each_place(tmp_path):
    path = tmp_path / "case.json"
    case = json.loads((EXAMPLES / "spouse-sponsorship-with-child.json").read_text())
    case["application_date"] = "2026-02-30"
    case["people"][0]["answers"]["IMM1344"]["sponsor"]["status"] = "tourist"
    case["people"][2]["role"] = "cousin"
    case["colour"] = "blue"
    path.write_text(json.dumps(case))
    message = bad_input(path)
    assert "does not follow the case schema" in message
    assert "unknown field “colour”" in message
    assert "application_date: this date does not exist (2026-02-30)" in message
    assert 'people/0/answers/IMM1344/sponsor/status: expected one of: "canadian_citizen"' in message
    assert "people/2/role: expected one of:" in message
    french = bad_input(path, "--lang", "fr")
    assert "ne respecte pas le schéma" in french and "champ inconnu\u00a0: « colour »" in french


def test_a_bad_on_date_is_bad_input():
    assert "AAAA-MM-JJ" in bad_input(
        EXAMPLES / "pr-card-renewal-complete.json", "--on", "demain", "--lang", "fr"
    )


def test_several_cases_in_one_call_print_each_result():
    out = StringIO()
    files = [EXAMPLES / "pr-card-renewal-complete.json", EXAMPLES / "child-sponsorship.json"]
    call_command("rules", "evaluate", *map(str, files), stdout=out, stderr=StringIO())
    results = json.loads(out.getvalue())
    assert [r["case_file"] for r in results] == [str(f) for f in files]
    assert [r["program"] for r in results] == ["pr_card", "child_sponsorship"]
    assert [r["fees"]["total"] for r in results] == ["50.00", "255.00"]


def test_a_bad_case_among_several_is_reported_and_the_others_still_printed(tmp_path):
    out, err = StringIO(), StringIO()
    with pytest.raises(SystemExit) as exit_:
        call_command(
            "rules", "evaluate", str(tmp_path / "none.json"), str(EXAMPLES / "pr-card-renewal-complete.json"),
            stdout=out, stderr=err,
        )
    assert exit_.value.code == 2
    assert "Case file not found" in err.getvalue()
    (result,) = json.loads(out.getvalue())
    assert result["complete"] is True


def test_a_date_that_does_not_exist_is_called_so_in_both_languages(tmp_path):
    path = tmp_path / "case.json"
    case = json.loads((EXAMPLES / "pr-card-renewal-complete.json").read_text())
    case["application_date"] = "2026-02-30"
    case["signatures"] = [{"person": case["people"][0]["id"], "typed_name": "A B", "signed_on": "2026-13-01"}]
    path.write_text(json.dumps(case))
    message = bad_input(path)
    assert "application_date: this date does not exist (2026-02-30)" in message
    assert "signatures/0/signed_on: this date does not exist (2026-13-01)" in message
    assert "YYYY-MM-DD" not in message.split("):", 1)[1]
    french = bad_input(path, "--lang", "fr")
    assert "application_date: cette date n’existe pas (2026-02-30)" in french


def test_every_schema_problem_of_a_case_is_reported_at_once(tmp_path):
    path = tmp_path / "case.json"
    case = json.loads((EXAMPLES / "spouse-sponsorship-with-child.json").read_text())
    sponsor = case["people"][0]["answers"]["IMM1344"]["sponsor"]
    # Several problems in the same person, and more than five in all.
    sponsor["status"] = "tourist"
    sponsor["date_of_birth"] = "1990-02-31"
    case["people"][0]["answers"]["IMM1344"]["colour"] = {}
    case["people"][1]["answers"]["IMM0008"]["personal"]["date_of_birth"] = "1995-04-31"
    case["people"][2]["answers"]["IMM0008"]["personal"]["date_of_birth"] = "not a date"
    case["channel"] = "fax"
    case["colour"] = "blue"
    path.write_text(json.dumps(case))
    message = bad_input(path)
    problems = [line for line in message.splitlines() if line.startswith("  - ")]
    assert len(problems) >= 7, message
    assert "people/0/answers/IMM1344/sponsor/status: expected one of:" in message
    assert "people/0/answers/IMM1344/sponsor/date_of_birth: this date does not exist (1990-02-31)" in message
    assert "people/0/answers/IMM1344: unknown field “colour”" in message
    assert "people/1/answers/IMM0008/personal/date_of_birth: this date does not exist (1995-04-31)" in message
    assert "people/2/answers/IMM0008/personal/date_of_birth: expected a date written YYYY-MM-DD" in message
    assert "channel: expected one of:" in message and "unknown field “colour”" in message


SCENARIOS = Path(__file__).resolve().parents[2] / "docs" / "scenarios"


def scenarios(*paths) -> tuple[list[str], int]:
    out = StringIO()
    code = 0
    try:
        call_command("rules", "scenarios", *map(str, paths), stdout=out, stderr=StringIO())
    except SystemExit as exit_:
        code = exit_.code
    return out.getvalue().splitlines(), code


def test_the_digest_scenarios_all_pass_and_the_gaps_are_named():
    lines, code = scenarios()
    assert code == 0, "\n".join(line for line in lines if "FAILED" in line)
    assert lines[-1].startswith("scenarios: ") and lines[-1].endswith(" passed, 0 failed")
    named = {line.split(" ", 1)[0] for line in lines[:-1] if line.startswith("AS-")}
    assert named == {f"AS-{n:02d}" for n in range(1, 137)}, "every digest scenario is run or listed"
    # The eTA's scenarios run as cases since it became a program (docs/scenarios/9.08-eta.yaml).
    assert {"AS-58 passed", "AS-65 passed"} <= set(lines)


def test_a_wrong_expectation_fails_with_what_was_expected_and_what_came(tmp_path):
    (tmp_path / "wrong.yaml").write_text(
        """
scenarios:
  - id: AS-01
    based_on: docs/examples/spouse-sponsorship-with-child.json
    expect:
      fees.total: "1290.00"
      reasons_present: [NO_SUCH_REASON]
  - id: AS-26
    rule: pr_card.old_card_invalid_from
    inputs: {new_card_issued_on: 2025-03-01}
    expect: {"": 2025-04-30}
""",
        encoding="utf-8",
    )
    lines, code = scenarios(tmp_path / "wrong.yaml")
    assert code == 1
    assert lines[0].startswith("AS-01 FAILED: expected fees.total = 1290.00, got 1465.00; expected reasons ['NO_SUCH_REASON']")
    assert lines[1].startswith("AS-26 FAILED:")
    assert lines[-1] == "scenarios: 0 passed, 2 failed"


def test_a_folder_without_every_digest_scenario_fails_for_each_missing_one(tmp_path):
    (tmp_path / "one.yaml").write_text(
        (SCENARIOS / "9.01-sponsorship-fees-and-biometrics.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / "README.md").write_text("| AS-58 | not expressible | no eTA program |\n", encoding="utf-8")
    lines, code = scenarios(tmp_path)
    assert code == 1
    assert "AS-01 passed" in lines
    assert "AS-58 not expressible yet: no eTA program" in lines
    assert any(line.startswith("AS-10 FAILED: no scenario file and not listed") for line in lines)
    assert lines[-1] == "scenarios: 9 passed, 126 failed"


def test_a_scenario_case_off_the_schema_fails_instead_of_passing(tmp_path):
    (tmp_path / "bad.yaml").write_text(
        """
scenarios:
  - id: AS-03
    based_on: docs/examples/spouse-sponsorship-with-child.json
    changes: {channel: fax}
    expect: {complete: true}
""",
        encoding="utf-8",
    )
    lines, code = scenarios(tmp_path / "bad.yaml")
    assert code == 1 and lines[0].startswith("AS-03 FAILED: the case does not follow the case schema: channel")


def test_an_unsigned_pr_card_case_is_not_complete_under_irpr_10_1_b(tmp_path):
    path = tmp_path / "case.json"
    case = json.loads((EXAMPLES / "pr-card-renewal-complete.json").read_text())
    del case["signatures"]
    path.write_text(json.dumps(case))
    result = evaluate(path)
    assert result["complete"] is False
    (missing,) = [r for r in result["missing_under_s10"] if r["code"] == "SIGNATURE_MISSING"]
    assert missing["subject"] == "consent_and_declaration" and "IRPR 10(1)(b)" in missing["citation"]


def test_a_rule_scenario_names_what_is_wrong_with_its_inputs_and_the_run_goes_on(tmp_path):
    (tmp_path / "inputs.yaml").write_text(
        """
scenarios:
  - id: AS-88
    rule: sponsorship.undertaking.undertaking_end
    inputs: {sponsored: spouse, became_pr: 2025-03-15}
    expect: {ends_on: 2028-03-15}
  - id: AS-89
    rule: sponsorship.undertaking.undertaking_end
    inputs: {sponsored: dependent_child, became_pr_on: 2025-03-15}
    expect: {ends_on: 2035-03-15}
  - id: AS-90
    rule: residency.residency_obligation
    inputs:
      became_pr_on: 2018-06-01
      application_date: 2025-06-01
      absences: [{start: 2021-01-01, end: 2021-10-29, claim: {kind: AccompanyingCitizen, relation: spouse,
                  citizen_since: 2000-01-01, passports_used_in_period: true, citizenship_proof_with_date: true,
                  residential_addresses_for_period: true, relationship_proof: true}}]
    expect: {qualifying_abroad_days: 300, reasons_present: [OPTION_B_DAYS_COUNTED]}
""",
        encoding="utf-8",
    )
    lines, code = scenarios(tmp_path / "inputs.yaml")
    assert lines[0] == "AS-88 FAILED: sponsorship.undertaking.undertaking_end has no input 'became_pr'"
    assert lines[1].startswith("AS-89 FAILED: sponsorship.undertaking.undertaking_end refused its inputs")
    assert lines[2] == "AS-90 passed"
    assert lines[-1] == "scenarios: 1 passed, 2 failed" and code == 1


def test_blocking_names_only_reasons_that_block(tmp_path):
    (tmp_path / "blocking.yaml").write_text(
        """
scenarios:
  - id: AS-27
    based_on: docs/examples/pr-card-renewal-complete.json
    changes: {people.alex.answers.IMM5444.eligibility.in_canada: "no"}
    expect:
      blocking: [NOT_PHYSICALLY_PRESENT_IN_CANADA, APPLY_FOR_PRTD]
""",
        encoding="utf-8",
    )
    lines, code = scenarios(tmp_path / "blocking.yaml")
    assert code == 1
    assert lines[0].startswith("AS-27 FAILED: expected blocking reasons ['APPLY_FOR_PRTD']")
