"""A case's documents carry their language, translation and file facts (case format 1.6):
the PR card and sponsorship programs find what translations.py and photos.py say."""

import json
from dataclasses import replace
from pathlib import Path

from portique.rules.case import CaseAffidavit, CaseDocument, CaseFile, CaseTranslation, case_from_dict
from portique.rules.evaluate import evaluate

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"


def _case(name):
    return case_from_dict(json.loads((EXAMPLES / name).read_text()))


def _with_documents(case, *documents):
    return replace(case, documents=case.documents + documents)


def _about(evaluation, code, subject):
    return [r for r in evaluation.findings if r.code == code and r.subject == subject]


def test_a_document_in_english_or_french_needs_no_translation():
    evaluation = evaluate(_case("pr-card-renewal-complete.json"))
    assert evaluation.complete
    assert evaluation.details["translations"] == []


def test_a_pr_card_document_in_another_language_without_translation_blocks():
    case = _with_documents(
        _case("pr-card-renewal-complete.json"), CaseDocument(code="CURRENT_PR_CARD_COPY", person="alex", language="other")
    )
    evaluation = evaluate(case)
    assert not evaluation.complete
    assert _about(evaluation, "TRANSLATION_MISSING", "alex/documents/CURRENT_PR_CARD_COPY")
    # Nothing is known of the translator yet: the affidavit is not asked before the translation.
    assert not _about(evaluation, "TRANSLATOR_AFFIDAVIT_MISSING", "alex/documents/CURRENT_PR_CARD_COPY")
    assert evaluation.details["translations"] == [
        {
            "code": "CURRENT_PR_CARD_COPY",
            "person": "alex",
            "outcome": "incomplete",
            "reasons": ["TRANSLATION_MISSING"],
        }
    ]


def test_a_canadian_certified_translation_is_accepted_without_affidavit():
    translated = CaseDocument(
        code="CURRENT_PR_CARD_COPY",
        person="alex",
        language="other",
        translation=CaseTranslation(provided=True, translator="canadian_certified_translator"),
    )
    evaluation = evaluate(_with_documents(_case("pr-card-renewal-complete.json"), translated))
    assert evaluation.complete
    assert evaluation.details["translations"][0]["outcome"] == "accepted"


def test_another_translator_needs_a_sworn_affidavit_attesting_both():
    affidavit = CaseAffidavit(
        sworn_in="canada",
        sworn_before="authorized_under_local_law",
        attests_language_proficiency=True,
        attests_accuracy=False,
    )
    translated = CaseDocument(
        code="CURRENT_PR_CARD_COPY",
        person="alex",
        language="other",
        translation=CaseTranslation(provided=True, translator="fluent_person", affidavit=affidavit),
    )
    evaluation = evaluate(_with_documents(_case("pr-card-renewal-complete.json"), translated))
    assert not evaluation.complete
    assert _about(evaluation, "AFFIDAVIT_CONTENT_INCOMPLETE", "alex/documents/CURRENT_PR_CARD_COPY")
    fixed = replace(translated, translation=replace(translated.translation, affidavit=replace(affidavit, attests_accuracy=True)))
    assert evaluate(_with_documents(_case("pr-card-renewal-complete.json"), fixed)).complete


def test_the_pr_card_example_finds_a_relative_translator_and_a_photo_out_of_limits():
    evaluation = evaluate(_case("pr-card-photo-and-translations.json"))
    assert not evaluation.complete
    subject = "alex/documents/RESIDENCY_EVIDENCE"
    assert _about(evaluation, "TRANSLATION_ACCEPTABLE", subject)
    assert _about(evaluation, "TRANSLATOR_IS_APPLICANT_OR_RELATIVE", subject)
    assert _about(evaluation, "PHOTO_RESOLUTION_OUT_OF_RANGE", "alex/documents/PHOTO")
    assert _about(evaluation, "PHOTO_FILE_TOO_LARGE", "alex/documents/PHOTO")
    assert [entry["compliant"] for entry in evaluation.details["photos"]] == [False]


def test_a_photo_within_the_limits_meets_the_specifications():
    case = _case("pr-card-renewal-complete.json")
    photo = CaseFile(content_type="image/png", size_bytes=900_000, width_px=1000, height_px=1400, taken_on=case.application_date)
    documents = tuple(replace(d, file=photo) if d.code == "PHOTO" else d for d in case.documents)
    evaluation = evaluate(replace(case, documents=documents))
    assert evaluation.complete
    assert evaluation.details["photos"][0]["compliant"]
    assert _about(evaluation, "ONLINE_PHOTO_MEETS_SPECIFICATIONS", "alex/documents/PHOTO")


def test_the_sponsorship_example_applies_sp_182_and_sp_185():
    evaluation = evaluate(_case("spouse-sponsorship-translations.json"))
    assert not evaluation.complete
    assert _about(evaluation, "TRANSLATION_ACCEPTABLE", "pa/documents/MARRIAGE_CERTIFICATE")
    assert _about(evaluation, "POLICE_CERTIFICATE_NEEDS_CERTIFIED_TRANSLATOR", "pa/documents/POLICE_CERTIFICATE_NG")
    assert _about(evaluation, "TRANSLATION_MISSING", "child/documents/BIRTH_CERTIFICATE")
    assert _about(evaluation, "CERTIFIED_COPY_OF_ORIGINAL_MISSING", "child/documents/BIRTH_CERTIFICATE")
    outcomes = {(entry["person"], entry["code"]): entry["outcome"] for entry in evaluation.details["translations"]}
    assert outcomes == {
        ("pa", "MARRIAGE_CERTIFICATE"): "accepted",
        ("pa", "POLICE_CERTIFICATE_NG"): "rejected",
        ("child", "BIRTH_CERTIFICATE"): "incomplete",
    }


def test_the_case_format_reads_translation_and_file():
    case = case_from_dict(
        {
            "program": "pr_card",
            "application_date": "2026-11-22",
            "people": [{"id": "a", "role": "principal_applicant"}],
            "documents": [
                {
                    "code": "PHOTO",
                    "person": "a",
                    "file": {"content_type": "image/jpeg", "size_bytes": 10, "width_px": 800, "height_px": 1100, "taken_on": "2026-11-01"},
                },
                {
                    "code": "BIRTH_CERTIFICATE",
                    "person": "a",
                    "language": "other",
                    "translation": {
                        "provided": True,
                        "translator": "fluent_person",
                        "affidavit": {"sworn_in": "abroad", "sworn_before": "notary_public", "attests_accuracy": True},
                    },
                },
            ],
        }
    )
    photo, certificate = case.documents
    assert photo.file.width_px == 800 and photo.file.taken_on.isoformat() == "2026-11-01"
    assert certificate.translation.affidavit.sworn_in == "abroad"
    assert certificate.translation.affidavit.attests_language_proficiency is False


def test_a_sponsorship_photos_print_is_checked_against_appendix_c():
    evaluation = evaluate(_case("spouse-sponsorship-photos.json"))
    by_person = {entry["person"]: entry for entry in evaluation.details["photos"]}
    assert by_person["pa"]["compliant"] is True
    assert by_person["child"]["compliant"] is False
    assert set(by_person["child"]["reasons"]) == {"SPONSORSHIP_PHOTO_FACE_HEIGHT", "PHOTO_BACK_STICKER_NOT_ACCEPTED"}
    assert _about(evaluation, "SPONSORSHIP_PHOTO_FACE_HEIGHT", "child/documents/PHOTO")


def test_a_sponsorship_photo_without_its_measures_is_left_to_the_officer():
    evaluation = evaluate(_case("spouse-sponsorship-with-child.json"))
    assert evaluation.details["photos"] == []
