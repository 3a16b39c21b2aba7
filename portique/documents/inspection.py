"""What an uploaded file really is, judged by its content, never by its name or the
type the browser declared.

A PDF must parse with pypdf, have pages, carry no password and no active content
(JavaScript, launch or submit actions, attached files). A JPEG or PNG must open
with Pillow, pass ``verify()`` and then decode completely (a truncated file fails
there), within a pixel budget that stops decompression bombs before decoding.
"""

from __future__ import annotations

import hashlib
import logging
import warnings
from dataclasses import dataclass, field
from typing import IO, Any

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageFile, ImageOps, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

from portique.rules.reasons import Reason

from .choices import ContentType

_MAGIC = (
    (b"%PDF-", ContentType.PDF),
    (b"\xff\xd8\xff", ContentType.JPEG),
    (b"\x89PNG\r\n\x1a\n", ContentType.PNG),
)
_PILLOW_FORMATS = {"JPEG": ContentType.JPEG, "PNG": ContentType.PNG}

# A scan of a letter-size page at 600 dpi is about 34 megapixels; anything far beyond
# is not a document but a decompression bomb (a small file that decodes to gigabytes).
# Pillow's own guard (Image.MAX_IMAGE_PIXELS, about 89 megapixels) warns only at
# that size; this budget is checked on the header, before any pixel is decoded.
MAX_PIXELS = 40_000_000

# Actions a PDF viewer would run on its own (ISO 32000-1, 12.6.4): none belongs in a
# scan or a photo of a document.
_ACTIVE_ACTIONS = frozenset(
    {"/JavaScript", "/Launch", "/ImportData", "/SubmitForm", "/ResetForm", "/RichMediaExecute", "/GoToE", "/Rendition"}
)
_ACTIVE_KEYS = frozenset({"/JS", "/JavaScript", "/AA", "/EmbeddedFiles", "/EmbeddedFile", "/RichMedia", "/XFA"})
# Walking a PDF's objects is bounded: a file with more than this is refused as too
# complex rather than allowed to keep a worker busy.
_MAX_PDF_OBJECTS = 200_000

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Problem:
    """Why an upload is refused: a code for tests and logs, and the message for the
    person in the page's language (a translated string, or a rule's bilingual reason)."""

    code: str
    text: Promise | str | Reason
    # The form field the message belongs to.
    field: str = "file"
    # Values for the text's %(name)s placeholders; a callable is called in the
    # message's language (a size reads "4 MB" in English and "4 Mo" in French).
    params: dict[str, Any] | None = None

    def message(self, language: str) -> str:
        if isinstance(self.text, Reason):
            return self.text.message(language)
        with translation.override(language):
            if not self.params:
                return str(self.text)
            return str(self.text) % {name: v() if callable(v) else v for name, v in self.params.items()}


class UploadRejected(Exception):
    def __init__(self, *problems: Problem):
        super().__init__("; ".join(p.code for p in problems))
        self.problems = problems


@dataclass
class Inspected:
    content_type: ContentType
    size: int
    sha256: str
    page_count: int | None = None
    width: int | None = None
    height: int | None = None
    # The decoded image with its EXIF orientation applied (photos are checked on it).
    image: Any = field(default=None, repr=False)


def _not_a_document() -> UploadRejected:
    return UploadRejected(
        Problem(
            "not_a_document",
            _(
                "This file is not a PDF, JPEG or PNG file, or it is damaged. We check what is inside the file: "
                "renaming it does not change its type. Save or scan the document again as a PDF, JPEG or PNG file."
            ),
        )
    )


def _too_many_pixels() -> UploadRejected:
    return UploadRejected(
        Problem(
            "image_too_many_pixels",
            _("This image has too many pixels to be a scan or photo of a document. Upload a smaller image."),
        )
    )


def _sniff(upload: IO[bytes]) -> ContentType | None:
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    for magic, content_type in _MAGIC:
        if head.startswith(magic):
            return content_type
    return None


def sha256_of(upload) -> str:
    """The SHA-256 of the file, read in chunks (an upload bigger than
    FILE_UPLOAD_MAX_MEMORY_SIZE is a temporary file on disk and stays there)."""
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def _is_active(node: DictionaryObject) -> bool:
    for key in node.keys():
        if key in _ACTIVE_KEYS:
            return True
    action = node.get("/S")
    return isinstance(action, NameObject) and action in _ACTIVE_ACTIONS


def _has_active_content(reader: PdfReader) -> bool:
    """Walk every object reachable from the document catalogue (object streams
    included, since pypdf resolves them) looking for actions and scripts."""
    stack: list[Any] = [reader.trailer["/Root"]]
    seen: set[tuple[int, int]] = set()
    visited = 0
    while stack:
        node = stack.pop()
        if isinstance(node, IndirectObject):
            key = (node.idnum, node.generation)
            if key in seen:
                continue
            seen.add(key)
            node = node.get_object()
        visited += 1
        if visited > _MAX_PDF_OBJECTS:
            raise _not_a_document()
        if isinstance(node, DictionaryObject):
            if _is_active(node):
                return True
            stack.extend(node.values())
        elif isinstance(node, ArrayObject):
            stack.extend(node)
    return False


def _inspect_pdf(upload) -> int:
    try:
        reader = PdfReader(upload, strict=False)
        if reader.is_encrypted:
            raise UploadRejected(
                Problem(
                    "pdf_encrypted",
                    _("This PDF is protected by a password or encryption. Upload a copy without protection."),
                )
            )
        pages = len(reader.pages)
        if pages < 1:
            raise _not_a_document()
        for page in reader.pages:
            page.mediabox  # noqa: B018 - reading each page's box parses the whole page tree
        active = _has_active_content(reader)
    except UploadRejected:
        raise
    except Exception as error:  # noqa: BLE001 - any parser failure means "not a readable PDF"
        log.info("PDF refused: %s", error)
        raise _not_a_document() from error
    if active:
        raise UploadRejected(
            Problem(
                "pdf_active_content",
                _(
                    "This PDF contains scripts, automatic actions or attached files, which we do not accept. "
                    "Print it to a new PDF or scan the paper document, then upload that copy."
                ),
            )
        )
    return pages


def _refuse_truncated_images() -> None:
    """Make Pillow raise on a truncated image, whoever turned that off.

    WeasyPrint (our PDF renderer) sets Pillow's process-wide ``LOAD_TRUNCATED_IMAGES``
    to True when it is imported, which would make ``load()`` accept a cut-off upload.
    Our PDFs embed no uploaded image, so the strict setting costs them nothing.
    """
    if ImageFile.LOAD_TRUNCATED_IMAGES:
        ImageFile.LOAD_TRUNCATED_IMAGES = False


def _inspect_image(upload, *, expected: ContentType, keep: bool) -> tuple[int, int, Any]:
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            upload.seek(0)
            with Image.open(upload) as image:
                if _PILLOW_FORMATS.get(image.format or "") != expected:
                    raise _not_a_document()
                width, height = image.size
                if width * height > MAX_PIXELS:
                    raise _too_many_pixels()
                image.verify()
            # verify() checks the structure but leaves the image unusable, and does
            # not decode JPEG data: decoding it all is what finds a truncated file.
            upload.seek(0)
            image = Image.open(upload)
            _refuse_truncated_images()
            image.load()
            oriented = ImageOps.exif_transpose(image)
        except UploadRejected:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise _too_many_pixels() from error
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as error:
            log.info("image refused: %s", error)
            raise _not_a_document() from error
    width, height = oriented.size
    return width, height, (oriented if keep else None)


def inspect(upload, *, accepts: frozenset[ContentType], keep_image: bool = False) -> Inspected:
    """Identify and check ``upload`` (a Django UploadedFile); raise ``UploadRejected`` if
    it is not a sound file of one of the ``accepts`` types."""
    if not upload.size:
        raise UploadRejected(Problem("empty", _("The file is empty. Choose the file again.")))
    content_type = _sniff(upload)
    if content_type is None:
        raise _not_a_document()
    if content_type not in accepts:
        raise UploadRejected(Problem("type_not_accepted", accepted_types_text(accepts, refused=content_type)))
    inspected = Inspected(content_type=content_type, size=upload.size, sha256="")
    if content_type == ContentType.PDF:
        inspected.page_count = _inspect_pdf(upload)
    else:
        width, height, image = _inspect_image(upload, expected=content_type, keep=keep_image)
        inspected.width, inspected.height, inspected.image = width, height, image
    inspected.sha256 = sha256_of(upload)
    return inspected


def accepted_types_text(accepts: frozenset[ContentType], *, refused: ContentType | None = None):
    images_only = accepts == {ContentType.JPEG, ContentType.PNG}
    if refused is not None:
        if images_only:
            return _("This item accepts only a JPEG or PNG image. The file you chose is a PDF document.")
        return _("This item does not accept this type of file.")
    if images_only:
        return _("JPEG or PNG image")
    return _("PDF document, or JPEG or PNG image")
