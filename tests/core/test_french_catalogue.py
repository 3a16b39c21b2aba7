"""The French catalogue: French typography and one term per concept."""

import re
from pathlib import Path

from babel.messages.pofile import read_po

from portique.rules.typography import NBSP, french

CATALOGUE = Path(__file__).resolve().parents[2] / "portique" / "locale" / "fr" / "LC_MESSAGES" / "django.po"


def _french_strings() -> list[str]:
    with CATALOGUE.open("rb") as handle:
        catalogue = read_po(handle)
    found = []
    for message in catalogue:
        if not message.id:
            continue  # the header
        strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        found.extend(s for s in strings if s)
    return found


def _prose(text: str) -> str:
    """The text without HTML tags and web addresses (a colon in "https:" is not punctuation)."""
    return re.sub(r"<[^>]*>|https?://\S+", "", text)


def test_a_no_break_space_comes_before_every_colon_semicolon_question_and_exclamation_mark():
    wrong = [s for s in _french_strings() if re.search(r"[ \t][:;?!]", _prose(s)) or french(s) != s]
    assert wrong == [], (
        f"{len(wrong)} French strings without a no-break space before : ; ? !, e.g. {wrong[:5]}"
    )


def test_the_check_finds_an_ordinary_space_before_a_colon():
    assert french("Votre compte :") != "Votre compte :"
    assert french("Votre compte" + NBSP + ":") == "Votre compte" + NBSP + ":"


def test_courriel_is_the_one_french_term_for_an_email():
    wrong = [
        s
        for s in _french_strings()
        if re.search(
            r"\be-?mails?\b|adresses? électroniques?|courrier électronique",
            re.sub(r"%\(\w+\)[sd]", "", _prose(s)),
            flags=re.I,
        )
    ]
    assert wrong == [], wrong[:5]


def test_the_regulations_and_the_act_have_their_french_abbreviations():
    wrong = [s for s in _french_strings() if re.search(r"\bIRP[RA]\b", s)]
    assert wrong == [], wrong[:5]
