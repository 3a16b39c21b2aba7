"""The child process that renders one page of a document (``previews.render_page``).

Run as ``python -m portique.uploads.preview_worker '<order as JSON>'`` with the file on
standard input. It limits its own processor time and memory before it reads a byte, then
writes a JSON line (page count, width, height) and the WebP image to standard output.
A refusal is a JSON line ``{"refused": code}`` on standard error and exit status 3.
It imports neither Django nor the portal: only PDFium and Pillow.
"""

from __future__ import annotations

import io
import json
import math
import resource
import sys
import warnings

REFUSED = 3


class Refused(Exception):
    pass


def _limit_self(limits: dict) -> None:
    cpu = max(1, math.ceil(limits["cpu_seconds"]))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    memory = int(limits["memory_bytes"])
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))


def _fit(width: float, height: float, limits: dict) -> float:
    """The scale that fits a ``width`` × ``height`` page in the preview's box."""
    return min(limits["max_width"] / width, limits["max_height"] / height)


def _webp(image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "WEBP", quality=82, method=4)
    return buffer.getvalue()


def _render_pdf(content: bytes, number: int, limits: dict) -> tuple[int, object]:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(content)
    except pdfium.PdfiumError as error:
        raise Refused("unreadable") from error
    count = len(document)
    if count < 1:
        raise Refused("unreadable")
    if count > limits["max_pages"]:
        raise Refused("too_many_pages")
    # Every page's size is checked, not only the one asked for: the whole file is previewed
    # or none of it.
    for index in range(count):
        width, height = document.get_page_size(index)
        if not (math.isfinite(width) and math.isfinite(height)):
            raise Refused("unreadable")
        if min(width, height) < limits["min_page_side"] or width * height > limits["max_page_area"]:
            raise Refused("page_too_large")
    if number > count:
        raise Refused("no_such_page")
    page = document[number - 1]
    width, height = page.get_size()
    bitmap = page.render(scale=_fit(width, height, limits), may_draw_forms=False)
    return count, bitmap.to_pil()


def _render_image(content: bytes, number: int, limits: dict) -> tuple[int, object]:
    from PIL import Image, ImageOps

    if number != 1:
        raise Refused("no_such_page")
    Image.MAX_IMAGE_PIXELS = limits["max_pixels"]
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(content))
            if image.format not in ("JPEG", "PNG"):
                raise Refused("unreadable")
            if image.width * image.height > limits["max_pixels"]:
                raise Refused("too_many_pixels")
            # A JPEG decodes at a fraction of its size when only a small image is wanted.
            image.draft("RGB", (limits["max_width"], limits["max_height"]))
            image.load()
        except Refused:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise Refused("too_many_pixels") from error
        except Exception as error:  # noqa: BLE001 - a decoder's failure is a file it cannot read
            raise Refused("unreadable") from error
    image = ImageOps.exif_transpose(image)
    if image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGBA" if "A" in image.getbands() or "transparency" in image.info else "RGB")
    image.thumbnail((limits["max_width"], limits["max_height"]), Image.Resampling.LANCZOS)
    return 1, image


def main(argv: list[str]) -> int:
    order = json.loads(argv[1])
    limits = order["limits"]
    _limit_self(limits)
    content = sys.stdin.buffer.read()
    try:
        if order["content_type"] == "application/pdf":
            count, image = _render_pdf(content, int(order["number"]), limits)
        else:
            count, image = _render_image(content, int(order["number"]), limits)
        encoded = _webp(image)
    except Refused as refused:
        sys.stderr.write(json.dumps({"refused": str(refused)}) + "\n")
        return REFUSED
    except MemoryError:
        sys.stderr.write(json.dumps({"refused": "too_much_memory"}) + "\n")
        return REFUSED
    header = {"page_count": count, "width": image.width, "height": image.height}
    sys.stdout.buffer.write(json.dumps(header).encode() + b"\n" + encoded)
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
