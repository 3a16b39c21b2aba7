"""Every French word of every program's forms follows French typography (issue 14): a no-break
space (U+00A0) before « : ; ? ! », inside « guillemets », and a curly apostrophe (’).

The pages also pass labels through ``typography.french``; this reads the definitions themselves,
which the PDFs, the officers' pages and the exports use as they are."""

import re

import pytest

from portique.rules.forms.model import Form
from portique.rules.programs import registry
from portique.rules.programs.sponsorship_screening import IF_NOT_MET_PAGE, SPONSORED_PERSON_PAGE

NBSP = "\u00a0"
# A sign with no no-break space before it (a colon of a time "10:30" or of an address "https://" is not prose).
_UNSPACED = re.compile(r"(?<![\u00a0\u202f])([;?!]|:(?=\s|$|[»)]))")
_OPENING = re.compile(r"«(?!\u00a0)")
_CLOSING = re.compile(r"(?<!\u00a0)»")


def _page_texts(page, where: str):
    yield f"{where} page {page.code}", page.fr
    yield f"{where} page {page.code} (why)", page.why_fr


def _form_texts(form: Form):
    yield f"{form.code}", form.fr
    for section in form.sections:
        where = f"{form.code}/{section.code}"
        yield where, section.fr
        yield f"{where} (intro)", section.intro_fr
        yield f"{where} (row)", section.row_name.fr
        for page in section.pages:
            yield from _page_texts(page, where)
        for field in section.fields:
            yield f"{where}.{field.code}", field.fr
            yield f"{where}.{field.code} (help)", field.help_fr
            for option in field.options:
                yield f"{where}.{field.code} = {option.value}", option.fr


def _every_french_text():
    seen = set()
    for program in registry.programs():
        for role in program.roles:
            for form in program.forms_for(role):
                if form.code not in seen:
                    seen.add(form.code)
                    yield from _form_texts(form)
    for page in (SPONSORED_PERSON_PAGE, IF_NOT_MET_PAGE):
        yield from _page_texts(page, "sponsorship screening")


def _faults(text: str) -> list[str]:
    faults = []
    if "'" in text:
        faults.append("straight apostrophe")
    if _UNSPACED.search(text):
        faults.append(f"no no-break space before “{_UNSPACED.search(text).group(1)}”")
    if _OPENING.search(text) or _CLOSING.search(text):
        faults.append("guillemets without no-break spaces inside")
    if "\u00a0\u00a0" in text or "\u00a0 " in text or " \u00a0" in text:
        faults.append("a no-break space doubled")
    return faults


def test_the_walk_reads_every_program_and_the_french_of_their_questions():
    texts = dict(_every_french_text())
    assert len(texts) > 500
    assert any(where.startswith("IMM1344/history.") for where in texts)
    assert any(where.startswith("IMM0008/") for where in texts)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Êtes-vous en faillite?", ["no no-break space before “?”"]),
        ("Date : jour", ["no no-break space before “:”"]),
        ("l'adresse", ["straight apostrophe"]),
        ("« Oui »", ["guillemets without no-break spaces inside"]),
        (f"l’adresse{NBSP}: à «{NBSP}Ottawa{NBSP}», 10:30, https://canada.ca{NBSP}?", []),
    ],
)
def test_a_fault_is_seen(text, expected):
    assert _faults(text) == expected


def test_no_french_label_help_or_option_breaks_french_typography():
    found = [f"{where}: {', '.join(faults)}: {text!r}" for where, text in _every_french_text() if (faults := _faults(text))]
    assert found == [], "\n".join(found)
