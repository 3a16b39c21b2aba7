"""Test settings: the real settings, with a throw-away document store and a fast hasher."""

import os
import tempfile

os.environ.setdefault("DEBUG", "1")

from portique.settings import *  # noqa: E402,F403
from portique.settings import STORAGES  # noqa: E402

# Argon2 is the production hasher (tested in tests/accounts); hashing it thousands
# of times would only slow the suite down.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

MEDIA_ROOT = tempfile.mkdtemp(prefix="portique-test-documents-")
STORAGES = {
    **STORAGES,
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": MEDIA_ROOT, "base_url": "/documents-are-not-public/"},
    },
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Browser tests: the live server answers several requests at once (a file's page previews load
# together). SQLite's shared in-memory test database refuses a second writer outright ("table is
# locked"), so the test database is a file, where WAL and the busy timeout of the real settings
# queue writers as they do in production. pytest-xdist gives each worker its own file.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(tempfile.mkdtemp(prefix="portique-test-db-"), "test.sqlite3")
    }
