"""The static files' storage: whitenoise's compressed manifest, with each file's URL remembered.

``{% static %}`` asks the storage for a URL on every use: five times on every page (the
style sheets, the scripts, the icon). Each answer is worked out again from the manifest
(the file's hashed name, then joined to ``STATIC_URL``): about 3 % of the instructions of a
signed-in page (issue 19, ``bench/README.md``). The manifest is read once when the server
starts and never changes while it runs, so neither does the answer.
"""

from __future__ import annotations

from whitenoise.storage import CompressedManifestStaticFilesStorage


class RememberingManifestStaticFilesStorage(CompressedManifestStaticFilesStorage):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls: dict[str, str] = {}

    def url(self, name, force=False):
        if force:
            return super().url(name, force=True)
        try:
            return self._urls[name]
        except KeyError:
            # A name missing from the manifest raises here, every time: nothing is remembered.
            url = self._urls[name] = super().url(name)
            return url
