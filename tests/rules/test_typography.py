"""``typography.french``: a no-break space before « : ; ? ! » of prose, nothing else touched.

Plain prose is spaced by a str.find scan, text with HTML, entities or addresses by the
regex; both must give what the regex gives."""

import itertools

import pytest

from portique.rules import typography
from portique.rules.typography import NBSP, french


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Attention : lisez.", f"Attention{NBSP}: lisez."),
        ("Vraiment?", f"Vraiment{NBSP}?"),
        ("Oui ; non !", f"Oui{NBSP}; non{NBSP}!"),
        (f"Déjà{NBSP}: espacé", f"Déjà{NBSP}: espacé"),
        ("Fin :", f"Fin{NBSP}:"),
        ("« Titre » : suite", f"« Titre »{NBSP}: suite"),
        ("À 10:30 précises", "À 10:30 précises"),
        ("? au début", "? au début"),
        (" ? après une espace", f"{NBSP}? après une espace"),
        ("Ligne\n; suite", f"Ligne\n{NBSP}; suite"),
        ("Voir https://ircc.canada.ca/a:b : ici", f"Voir https://ircc.canada.ca/a:b{NBSP}: ici"),
        ("<a href='x'>lien</a> ?", f"<a href='x'>lien</a>{NBSP}?"),
        ("&nbsp; puis ;", f"&nbsp; puis{NBSP};"),
        ("", ""),
        ("Sans signe", "Sans signe"),
    ],
)
def test_french_spaces_the_signs_of_prose(text, expected):
    assert french(text) == expected


def _by_regex(text: str) -> str:
    return typography._PUNCTUATION.sub(typography._space, text)


def test_the_plain_prose_scan_gives_what_the_regex_gives():
    # Every text of up to four characters over the characters that matter to the rule.
    alphabet = ["a", " ", NBSP, "\u202f", ":", ";", "?", "!", "\n", "\t", "»", ")", '"', "1"]
    for length in range(5):
        for letters in itertools.product(alphabet, repeat=length):
            text = "".join(letters)
            assert french(text) == _by_regex(text), repr(text)
