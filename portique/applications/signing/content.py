"""What a signature covers: the application's content, canonically serialised.

The answers of every person and the files uploaded (by SHA-256), so that changing
either is a change of what was signed.
"""

import hashlib
import json

from .. import ports
from ..models import Application


def signed_content(application: Application) -> dict:
    return {
        "number": application.number,
        "program": application.program,
        "people": [
            {"position": person.position, "role": person.role, "answers": person.answers}
            for person in application.people.all()  # in position order (``Person.Meta``)
        ],
        "documents": ports.documents_content(application),
    }


def content_hash(content: dict) -> str:
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
