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
