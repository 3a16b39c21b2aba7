"""A page of an uploaded document as an image, for the officers' inline preview.

A PDF page is rendered with PDFium (``pypdfium2``), a JPEG or PNG is decoded and scaled
with Pillow, and either is written as a WebP image that fits ``MAX_WIDTH`` × ``MAX_HEIGHT``
(an A4 page at 150 dpi: a scan's text stays readable, the image weighs a few hundred
kilobytes). The officer never opens the original in a PDF viewer of their own.

Rendering runs in a child process (``preview_worker``) with a limit on its processor
time, its memory and its wall-clock time: a hostile or broken file that makes a renderer
loop or swell is killed and refused, never a request that hangs. The limits are those of
the upload checks (``inspection``): an image within the upload's pixel budget, a PDF
whose pages each fit that budget at 72 dpi (one pixel a point), and no more than
``MAX_PAGES`` pages (a 10 MB upload may hold thousands of blank pages).
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import asdict, dataclass

from .content_types import ContentType
from .inspection import MAX_PIXELS

CONTENT_TYPE = "image/webp"
MAX_WIDTH = 1240
MAX_HEIGHT = 1754
# Officers read a document's pages one under the other; a file longer than this is read
# in a viewer after downloading it (and past it, rendering becomes a denial of service).
MAX_PAGES = 60
# PDF pages are measured in points (1/72 inch). A page whose area in points passes the
# upload's pixel budget (about 88 × 88 inches) is no document a person scanned.
MAX_PAGE_AREA = MAX_PIXELS
# The smallest side worth rendering, in points (a quarter inch): a zero or negative box is
# a broken file.
MIN_PAGE_SIDE = 18
# One page of a real scan renders in well under a second; these bound a hostile one.
CPU_SECONDS = 10
WALL_SECONDS = 20
MEMORY_BYTES = 1536 * 1024 * 1024
# Bumped whenever the images change (size, format): cached pages of an older version are
# not served.
VERSION = f"1-{MAX_WIDTH}x{MAX_HEIGHT}-webp"


@dataclass(frozen=True)
class Limits:
    max_pages: int = MAX_PAGES
    max_page_area: float = MAX_PAGE_AREA
    min_page_side: float = MIN_PAGE_SIDE
    max_pixels: int = MAX_PIXELS
    max_width: int = MAX_WIDTH
    max_height: int = MAX_HEIGHT
    cpu_seconds: float = CPU_SECONDS
    wall_seconds: float = WALL_SECONDS
    memory_bytes: int = MEMORY_BYTES


LIMITS = Limits()

PREVIEWABLE = frozenset({ContentType.PDF, ContentType.JPEG, ContentType.PNG})


class PreviewRefused(Exception):
    """The file is not previewed: ``code`` says why (for logs and tests; people read one
    plain message, "download it")."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class RenderedPage:
    number: int  # from 1
    page_count: int
    width: int
    height: int
    content: bytes


def refused_before_opening(content_type: str, page_count: int | None, limits: Limits = LIMITS) -> str | None:
    """Why a file is refused from what its upload check recorded, without opening it, or None."""
    if content_type not in PREVIEWABLE:
        return "not_previewable"
    if content_type == ContentType.PDF and page_count is not None and page_count > limits.max_pages:
        return "too_many_pages"
    return None


def render_page(content: bytes, content_type: str, number: int, limits: Limits = LIMITS) -> RenderedPage:
    """Page ``number`` (from 1) of the file as a WebP image within the limits, or ``PreviewRefused``."""
    refused = refused_before_opening(content_type, None, limits)
    if refused:
        raise PreviewRefused(refused)
    if number < 1:
        raise PreviewRefused("no_such_page")
    order = json.dumps({"content_type": str(content_type), "number": number, "limits": asdict(limits)})
    try:
        finished = subprocess.run(
            [sys.executable, "-m", "portique.uploads.preview_worker", order],
            input=content,
            capture_output=True,
            timeout=limits.wall_seconds,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise PreviewRefused("too_slow") from error
    if finished.returncode != 0:
        raise PreviewRefused(_child_verdict(finished))
    header, _, image = finished.stdout.partition(b"\n")
    found = json.loads(header)
    return RenderedPage(
        number=number,
        page_count=int(found["page_count"]),
        width=int(found["width"]),
        height=int(found["height"]),
        content=image,
    )


def _child_verdict(finished: subprocess.CompletedProcess) -> str:
    """The child's own refusal (a JSON line on stderr's last line), else what killed it."""
    last = finished.stderr.strip().rsplit(b"\n", 1)[-1] if finished.stderr.strip() else b""
    try:
        return str(json.loads(last)["refused"])
    except (ValueError, KeyError, TypeError):
        pass
    if finished.returncode < 0:
        # Killed by a signal: SIGXCPU past its processor time, SIGKILL or SIGSEGV otherwise.
        return "too_slow" if -finished.returncode in (24, 9) else "unreadable"
    return "unreadable"
