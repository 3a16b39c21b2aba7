"""Which rules answered: a version that changes whenever a rule or a parameter changes.

An assessment frozen with a file says which rules made it, so that a reader years later can
tell whether today's answer comes from the same rules. The version is the digest of the
package's own source and dated parameter files, read once per process.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

_ROOT = Path(__file__).resolve().parent


@cache
def rules_version() -> str:
    digest = hashlib.sha256()
    for path in sorted(_ROOT.rglob("*")):
        if path.suffix in {".py", ".yaml"} and "__pycache__" not in path.parts:
            digest.update(path.relative_to(_ROOT).as_posix().encode())
            digest.update(b"\0")
            digest.update(path.read_bytes())
            digest.update(b"\0")
    return "rules-" + digest.hexdigest()[:12]
