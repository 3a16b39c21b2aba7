"""The French catalogue is complete: every string the portal shows has a checked French translation."""

from pathlib import Path

from babel.messages.pofile import read_po

CATALOGUE = Path(__file__).resolve().parents[2] / "portique" / "locale" / "fr" / "LC_MESSAGES" / "django.po"


def _catalogue():
    with CATALOGUE.open("rb") as handle:
        return read_po(handle, locale="fr")


def test_every_message_has_a_french_translation_that_is_not_a_guess():
    missing = []
    for message in _catalogue():
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            missing.append(message.id)
    assert missing == []


def test_every_translation_keeps_the_placeholders_of_its_english():
    errors = [(message.id, [str(e) for e in found]) for message, found in _catalogue().check()]
    assert errors == []
