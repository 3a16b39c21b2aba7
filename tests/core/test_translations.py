"""The French catalogue is complete: every string the portal shows has a checked French translation."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
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


def test_every_string_in_the_code_is_in_the_catalogue(tmp_path):
    """What makemessages would find in the code today is already translated in the catalogue.

    A string added to a template or a module without running makemessages would show in
    English on the French pages; this runs makemessages (GNU gettext) on a copy of the code
    and fails on every message it would add untranslated.
    """
    if shutil.which("xgettext") is None:
        pytest.fail("GNU gettext is needed to check the catalogue: sudo apt-get install gettext")
    copy = tmp_path / "portique"
    shutil.copytree(
        CATALOGUE.parents[3], copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo", "static", "migrations")
    )
    environment = {
        **os.environ,
        "PYTHONPATH": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "portique.settings",
        "DEBUG": "1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}",
    }
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "fr", "--no-location", "-v", "0"],
        cwd=tmp_path,
        env=environment,
        check=True,
        capture_output=True,
    )
    with (copy / "locale" / "fr" / "LC_MESSAGES" / "django.po").open("rb") as handle:
        regenerated = read_po(handle, locale="fr")
    new = [
        message.id
        for message in regenerated
        if message.id
        and (message.fuzzy or not all(message.string if isinstance(message.string, tuple) else (message.string,)))
    ]
    assert not new, "Not in the French catalogue; run makemessages and translate them:\n" + "\n".join(map(str, new))
