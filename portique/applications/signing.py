"""What a signature covers: the application's content, canonically serialised."""

import hashlib
import json

from .models import Application


def signed_content(application: Application) -> dict:
    return {
        "number": application.number,
        "program": application.program,
        "people": [
            {"position": person.position, "role": person.role, "answers": person.answers}
            for person in application.people.order_by("position")
        ],
    }


def content_hash(content: dict) -> str:
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
