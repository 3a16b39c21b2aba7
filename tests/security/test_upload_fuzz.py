"""Fuzzing the upload inspection: whatever bytes arrive — sound files cut, flipped,
spliced or random behind a PDF, JPEG or PNG signature — the inspection either accepts
the file or refuses it with its own reason (``UploadRejected``). Anything else would be
a 500 page for the person and a parser crash an attacker could aim at.

Bounded here (a few seconds); ``PORTIQUE_FUZZ_EXAMPLES=20000`` runs longer (see
docs/security.md).
"""

import os

from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portique.documents.items import ANY_DOCUMENT
from portique.uploads.inspection import Inspected, UploadRejected, inspect

from . import hostile_files

EXAMPLES = int(os.environ.get("PORTIQUE_FUZZ_EXAMPLES", "150"))

SEEDS = [
    hostile_files.plain_pdf(pages=2),
    hostile_files.web_link(),
    hostile_files.link_annotation_javascript(),
    hostile_files.embedded_file(),
    hostile_files.acroform_field_javascript(),
    hostile_files.pdf_with_image(800, 600),
    hostile_files.png(60, 40),
    hostile_files.jpeg(60, 40),
]
SIGNATURES = [b"%PDF-1.7\n", b"\xff\xd8\xff\xe0", b"\x89PNG\r\n\x1a\n"]


@st.composite
def mutated(draw) -> bytes:
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(min_value=1, max_value=8))):
        action = draw(st.sampled_from(["flip", "cut", "insert", "duplicate"]))
        position = draw(st.integers(min_value=0, max_value=max(len(data) - 1, 0)))
        if action == "flip" and data:
            data[position] = draw(st.integers(min_value=0, max_value=255))
        elif action == "cut":
            end = position + draw(st.integers(min_value=1, max_value=64))
            del data[position:end]
        elif action == "insert":
            data[position:position] = draw(st.binary(min_size=1, max_size=64))
        else:
            end = position + draw(st.integers(min_value=1, max_value=256))
            data[position:position] = data[position:end]
    return bytes(data)


random_behind_a_signature = st.builds(
    lambda signature, tail: signature + tail, st.sampled_from(SIGNATURES), st.binary(max_size=2048)
)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(mutated(), random_behind_a_signature))
def test_the_inspection_accepts_or_refuses_never_crashes(content):
    try:
        result = inspect(SimpleUploadedFile("fuzz", content), accepts=ANY_DOCUMENT)
    except UploadRejected as refused:
        assert refused.problems
    else:
        assert isinstance(result, Inspected)
