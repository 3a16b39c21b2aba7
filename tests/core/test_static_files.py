"""The static files' storage remembers each URL it worked out from the manifest (issue 19)."""

from __future__ import annotations

import json

import pytest
from whitenoise.storage import CompressedManifestStaticFilesStorage

from portique.core.static_files import RememberingManifestStaticFilesStorage


@pytest.fixture
def manifest_folder(tmp_path, settings):
    settings.DEBUG = False  # the manifest's hashed names are used only with DEBUG off
    (tmp_path / "staticfiles.json").write_text(
        json.dumps({"version": "1.1", "paths": {"core/portique.css": "core/portique.0123abcd.css"}})
    )
    return tmp_path


def test_a_file_has_the_url_of_its_hashed_name_as_whitenoise_gives_it(manifest_folder):
    remembering = RememberingManifestStaticFilesStorage(location=manifest_folder, base_url="/static/")
    plain = CompressedManifestStaticFilesStorage(location=manifest_folder, base_url="/static/")
    assert remembering.url("core/portique.css") == plain.url("core/portique.css") == "/static/core/portique.0123abcd.css"


def test_the_url_is_worked_out_once(manifest_folder, monkeypatch):
    storage = RememberingManifestStaticFilesStorage(location=manifest_folder, base_url="/static/")
    first = storage.url("core/portique.css")

    def no_more_lookups(*args, **kwargs):
        raise AssertionError("the manifest was read again")

    monkeypatch.setattr(storage, "stored_name", no_more_lookups)
    assert storage.url("core/portique.css") == first


def test_a_file_missing_from_the_manifest_is_refused_every_time(manifest_folder):
    storage = RememberingManifestStaticFilesStorage(location=manifest_folder, base_url="/static/")
    for _ in range(2):
        with pytest.raises(ValueError):
            storage.url("core/missing.css")
