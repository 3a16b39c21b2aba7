import io

import pytest
from django.core.cache import cache
from PIL import Image


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Rate limits, lockouts and used TOTP codes live in the cache.
    cache.clear()
    yield
    cache.clear()


def png_bytes(size=(60, 40)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (10, 20, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


def jpeg_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (60, 40), (10, 20, 30)).save(buffer, format="JPEG")
    return buffer.getvalue()


def pdf_bytes(javascript: bool = False) -> bytes:
    from pypdf import PdfWriter
    from pypdf.generic import DictionaryObject, NameObject, TextStringObject

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    if javascript:
        writer._root_object[NameObject("/OpenAction")] = DictionaryObject(
            {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("app.alert(1);")}
        )
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def login(client, email, password, language="en"):
    return client.post(f"/{language}/account/login/", {"login": email, "password": password})
