"""What an uploaded file really is, judged by its content, never by its name or the
type the browser declared.

A PDF must parse with pypdf, have pages, carry no password and no active content
anywhere (JavaScript, launch, submit, import or remote go-to actions, ``javascript:``
links, additional actions on the document, its pages or its annotations, attached
files, XFA forms), and its streams may not inflate past a total budget (checked while
inflating, never by inflating everything first) nor hold images past the pixel budget.
A JPEG or PNG must open with Pillow, stay within the pixel budget (read from the header,
before decoding: decompression bombs), pass ``verify()`` and then decode completely (a
truncated file fails there).

Every upload in the portal goes through ``inspect()``: applicants' documents, answers
to officers' requests, the signed IMM 5476 and representatives' identity documents.
"""

from __future__ import annotations

import hashlib
import logging
import warnings
import zlib
from dataclasses import dataclass, field
from typing import IO, Any

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageFile, ImageOps, UnidentifiedImageError
from pypdf import PdfReader
from pypdf import filters as pdf_filters
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject, StreamObject

from portique.rules.reasons import Reason

from .content_types import ContentType

_MAGIC = (
    (b"%PDF-", ContentType.PDF),
    (b"\xff\xd8\xff", ContentType.JPEG),
    (b"\x89PNG\r\n\x1a\n", ContentType.PNG),
)
_PILLOW_FORMATS = {"JPEG": ContentType.JPEG, "PNG": ContentType.PNG}
_EXIF_ORIENTATION = 0x0112
# EXIF orientations 5 to 8 turn the image a quarter: width and height swap.
_QUARTER_TURNS = frozenset({5, 6, 7, 8})

# A scan of a letter-size page at 600 dpi is about 34 megapixels; anything far beyond
# is not a document but a decompression bomb (a small file that decodes to gigabytes).
# Pillow's own guard (Image.MAX_IMAGE_PIXELS, about 89 megapixels) warns only at
# that size; this budget is checked on the header, before any pixel is decoded.
MAX_PIXELS = 40_000_000
# Pillow's own guard at the same size (it warns past it, and refuses twice as much),
# for any image opened elsewhere in the process.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS

# The most a PDF's streams may inflate to, all together. An upload is at most 10 MB; a
# scan compresses its pages a few times at most, so 100 MB leaves room for any real
# document and refuses a "PDF bomb" (a few kilobytes that inflate to gigabytes in the
# officer's viewer). Counted while inflating, chunk by chunk, and stopped at the limit.
MAX_PDF_INFLATED_BYTES = 100_000_000
_INFLATE_CHUNK = 1 << 20

# Actions a PDF viewer would run on its own (ISO 32000-1, 12.6.4): none belongs in a
# scan or a photo of a document.
# /GoToR opens another file (a remote PDF, or a local one by path); /GoToE an embedded one.
_ACTIVE_ACTIONS = frozenset(
    {
        "/JavaScript",
        "/Launch",
        "/ImportData",
        "/SubmitForm",
        "/ResetForm",
        "/RichMediaExecute",
        "/GoToE",
        "/GoToR",
        "/Rendition",
    }
)
# Keys that hold a script, an action run on an event (/AA, on the catalogue, a page, an
# annotation or a form field), an attached file (/EF of a file specification) or a form
# of XML and scripts (XFA), wherever they appear.
_ACTIVE_KEYS = frozenset(
    {"/JS", "/JavaScript", "/AA", "/EmbeddedFiles", "/EmbeddedFile", "/EF", "/RichMedia", "/XFA"}
)
# Annotations that carry a file or play media.
_ACTIVE_SUBTYPES = frozenset({"/FileAttachment", "/RichMedia", "/Movie", "/Sound", "/Screen"})
_IMAGE_FILTERS = frozenset(
    {"/DCTDecode", "/DCT", "/JPXDecode", "/CCITTFaxDecode", "/CCF", "/JBIG2Decode"}
)
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


def _too_much_inflated() -> UploadRejected:
    return UploadRejected(
        Problem(
            "pdf_too_much_content",
            _(
                "This PDF holds far more content than its size suggests, which we do not accept. "
                "Print it to a new PDF or scan the paper document, then upload that copy."
            ),
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
    if isinstance(action, NameObject) and action in _ACTIVE_ACTIONS:
        return True
    if action == "/URI":
        # A link is fine; a link that runs a script when followed is not.
        target = node.get("/URI")
        target = target.get_object() if isinstance(target, IndirectObject) else target
        text = bytes(target) if isinstance(target, bytes) else str(target or "").encode("latin-1", "replace")
        if b"".join(text.split()).lower().startswith((b"javascript:", b"vbscript:", b"data:", b"file:")):
            return True
    subtype = node.get("/Subtype")
    return isinstance(subtype, NameObject) and subtype in _ACTIVE_SUBTYPES


def _filters(stream: StreamObject) -> tuple[list[Any], list[Any]]:
    names = stream.get("/Filter")
    names = names.get_object() if isinstance(names, IndirectObject) else names
    parms = stream.get("/DecodeParms")
    parms = parms.get_object() if isinstance(parms, IndirectObject) else parms
    names = list(names) if isinstance(names, ArrayObject) else ([names] if names else [])
    parms = list(parms) if isinstance(parms, ArrayObject) else [parms] * len(names)
    return names, parms + [None] * (len(names) - len(parms))


def _inflate(data: bytes, budget: int, *, keep: bool) -> tuple[int, bytes]:
    """Inflate ``data`` one chunk at a time, stopping as soon as it passes ``budget``:
    the size it inflates to, and the bytes when ``keep`` (for a filter after it)."""
    inflater = zlib.decompressobj()
    size, kept = 0, []
    pending = data
    while pending:
        chunk = inflater.decompress(pending, _INFLATE_CHUNK)
        size += len(chunk)
        if size > budget:
            raise _too_much_inflated()
        if keep:
            kept.append(chunk)
        pending = inflater.unconsumed_tail
        if not chunk and not pending:
            break
    return size, b"".join(kept)


def _stream_size(stream: StreamObject, budget: int) -> int:
    """How many bytes the stream's filters produce, counted within ``budget``. Image
    codecs are not decoded here (their size is bounded by the pixel check)."""
    data = getattr(stream, "_data", b"") or b""
    names, parms = _filters(stream)
    size = len(data)
    for position, (name, parm) in enumerate(zip(names, parms, strict=True)):
        last = position == len(names) - 1
        if name in ("/FlateDecode", "/Fl"):
            size, data = _inflate(data, budget, keep=not last)
        elif name in ("/ASCIIHexDecode", "/AHx"):
            data = pdf_filters.ASCIIHexDecode.decode(data, parm)
            size = len(data)
        elif name in ("/ASCII85Decode", "/A85"):
            data = pdf_filters.ASCII85Decode.decode(data, parm)
            size = len(data)
        elif name in ("/LZWDecode", "/LZW", "/RunLengthDecode", "/RL", "/BrotliDecode"):
            # pypdf stops each of these itself at 75 MB (pypdf's Configuration); the
            # total is checked here.
            decoder = {
                "/LZWDecode": pdf_filters.LZWDecode,
                "/LZW": pdf_filters.LZWDecode,
                "/RunLengthDecode": pdf_filters.RunLengthDecode,
                "/RL": pdf_filters.RunLengthDecode,
                "/BrotliDecode": pdf_filters.BrotliDecode,
            }[name]
            data = decoder.decode(data, parm)
            size = len(data)
        else:
            break  # an image codec, or a filter no viewer would decode further
        if size > budget:
            raise _too_much_inflated()
    return size


def _check_image_stream(stream: StreamObject) -> None:
    if stream.get("/Subtype") != "/Image":
        return
    width, height = stream.get("/Width", 0), stream.get("/Height", 0)
    width = width.get_object() if isinstance(width, IndirectObject) else width
    height = height.get_object() if isinstance(height, IndirectObject) else height
    if int(width) * int(height) > MAX_PIXELS:
        raise _too_many_pixels()


def _has_active_content(reader: PdfReader) -> bool:
    """Walk every object reachable from the document catalogue (pages, annotations,
    form fields, name trees; object streams included, since pypdf resolves them)
    looking for actions and scripts, and count what its streams inflate to."""
    stack: list[Any] = [reader.trailer["/Root"]]
    seen: set[tuple[int, int]] = set()
    visited = 0
    budget = MAX_PDF_INFLATED_BYTES
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
            if isinstance(node, StreamObject):
                _check_image_stream(node)
                budget -= _stream_size(node, budget)
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
            if keep:
                oriented = ImageOps.exif_transpose(image)
                width, height = oriented.size
            else:
                # Only the dimensions as seen: no rotated copy of a large scan in memory.
                oriented = None
                width, height = image.size
                if image.getexif().get(_EXIF_ORIENTATION) in _QUARTER_TURNS:
                    width, height = height, width
        except UploadRejected:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise _too_many_pixels() from error
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as error:
            log.info("image refused: %s", error)
            raise _not_a_document() from error
        except Exception as error:  # noqa: BLE001 - a decoder's surprise is a damaged file, never a crash
            log.info("image refused: %r", error)
            raise _not_a_document() from error
    return width, height, oriented


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
