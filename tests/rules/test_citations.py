"""A citation reads in the page's language: English headings on English pages, French ones and RIPR/LIPR on French pages."""

import pytest

from portique.rules.citations import citation_in
from portique.rules.pr_card import YOUR_CARD
from portique.rules.pr_card_documents import STEP_1
from portique.rules.programs.imm5444 import CITATION as IMM5444_CITATION
from portique.rules.typography import NBSP


@pytest.mark.parametrize(
    ("cited", "english", "french"),
    [
        (
            STEP_1,
            "IMM 5445 — Step 1: Gather the documents",
            f"IMM 5445 — Étape 1{NBSP}: Rassemblez les documents",
        ),
        (YOUR_CARD, "IMM 5445 — Step 1: Your PR card", f"IMM 5445 — Étape 1{NBSP}: Votre carte RP"),
        (
            IMM5444_CITATION,
            "IMM 5445 — Step 2: Complete the application form (IMM 5444); IRPR 10(1)(c)",
            f"IMM 5445 — Étape 2{NBSP}: Remplissez le formulaire de demande (IMM 5444){NBSP}; RIPR 10(1)(c)",
        ),
        (
            'IMM 5289 — "Étape 2. Rassemblez les documents"',
            'IMM 5289 — "Step 2: Gather the documents"',
            f'IMM 5289 — "Étape 2{NBSP}: Rassemblez les documents"',
        ),
        ("IRPA 28(2)(c); IRPR 61", "IRPA 28(2)(c); IRPR 61", f"LIPR 28(2)(c){NBSP}; RIPR 61"),
    ],
)
def test_each_language_has_its_own_headings_and_abbreviations(cited, english, french):
    assert citation_in(cited, "en") == english
    assert citation_in(cited, "fr") == french


def test_every_heading_the_sponsorship_guide_is_cited_by_reads_in_english_on_an_english_page():
    import re
    from pathlib import Path

    from portique.rules.sponsorship.vocabulary import cite

    sources = Path(__file__).resolve().parents[2] / "portique"
    headings = {
        match.group(1)
        for path in sources.rglob("*.py")
        for match in re.finditer(r'cite\("([^"]+)"\)', path.read_text())
    }
    assert len(headings) > 40
    for heading in headings:
        english = citation_in(cite(heading), "en")
        assert heading not in english, english
        assert citation_in(cite(heading), "fr").startswith("IMM 5289")


def test_what_is_not_known_is_left_as_cited():
    assert citation_in("IMM 5289 — « Une rubrique inconnue »", "en") == "IMM 5289 — « Une rubrique inconnue »"
    assert citation_in("", "fr") == ""


@pytest.mark.django_db
def test_the_documents_page_cites_the_guide_in_the_pages_language(client, applicant):
    from portique.applications import services
    from portique.applications.choices import Program

    application = services.application_start(actor=applicant, program=Program.PR_CARD)
    client.force_login(applicant)
    english = client.get(f"/en/applications/{application.public_id}/documents/").content.decode()
    french = client.get(f"/fr/applications/{application.public_id}/documents/").content.decode()
    assert "Rassemblez les documents" not in english and "Étape" not in english
    assert "IMM 5445 — Step 1: " in english
    assert "Complete the application" not in french and "Step " not in french and "IRPR" not in french
    assert f"IMM 5445 — Étape 1{NBSP}: " in french
