"""A small HTTP client that behaves as a browser does, for the topology test.

Each person keeps their cookies (session, CSRF) whichever address they talk to: the
proxy or a node directly. TLS ends in front of the proxy in production, so every
request says ``X-Forwarded-Proto: https`` (nginx overwrites it with the same) and
posts carry the ``Origin`` a browser would send; cookies marked Secure are kept all
the same. Forms are read from the page as a browser reads them: hidden fields
(the CSRF token and any others) go back with the post.
"""

from __future__ import annotations

import http.client
import re
import uuid
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

TIMEOUT = 30


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    @property
    def location(self) -> str:
        return self.headers.get("location", "")


class _Forms(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._form: dict | None = None
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        if tag == "form":
            self._form = {
                "action": a.get("action", ""),
                "method": a.get("method", "get").lower(),
                "fields": {},
                "choices": {},
            }
            self.forms.append(self._form)
        elif tag == "input" and self._form is not None and a.get("name"):
            kind = a.get("type", "text").lower()
            if kind == "radio":
                self._form["choices"].setdefault(a["name"], []).append(a.get("value", ""))
            if kind == "hidden" or (kind in ("checkbox", "radio") and "checked" in a):
                self._form["fields"][a["name"]] = a.get("value", "")
            elif kind not in ("submit", "button", "image", "reset", "file", "checkbox", "radio"):
                self._form["fields"].setdefault(a["name"], a.get("value", ""))
        elif tag == "select" and self._form is not None and a.get("name"):
            self._select = a["name"]
        elif tag == "option" and self._form is not None and self._select:
            # The first option, or the one selected, as a browser sends it untouched.
            if self._select not in self._form["fields"] or "selected" in a:
                self._form["fields"][self._select] = a.get("value", "")

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None


def _form(html: str, action_pattern: str) -> dict:
    parser = _Forms()
    parser.feed(html)
    for form in parser.forms:
        if form["method"] == "post" and re.search(action_pattern, form["action"]):
            return form
    raise AssertionError(f"no form posting to {action_pattern!r} on the page")


def form_fields(html: str, action_pattern: str) -> dict[str, str]:
    """The fields a browser would send back with the post form whose action matches."""
    return dict(_form(html, action_pattern)["fields"])


def form_choices(html: str, action_pattern: str) -> dict[str, list[str]]:
    """The values offered by each group of radio buttons of that form."""
    return dict(_form(html, action_pattern)["choices"])


@dataclass
class Person:
    """One browser: its cookies, shared by every address it talks to."""

    cookies: dict[str, str] = field(default_factory=dict)
    forwarded_for: str | None = None  # only when talking to a node directly, as the proxy would add it

    def request(
        self,
        base: str,
        method: str,
        path: str,
        *,
        form: dict[str, str] | None = None,
        files: dict[str, tuple[str, bytes, str]] | None = None,
        timeout: float = TIMEOUT,
    ) -> Answer:
        parts = urlsplit(base)
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
        headers = {"X-Forwarded-Proto": "https", "User-Agent": "portique-topology-test"}
        if self.forwarded_for:
            headers["X-Forwarded-For"] = self.forwarded_for
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if method == "POST":
            headers["Origin"] = f"https://{parts.netloc}"
            headers["Referer"] = f"https://{parts.netloc}{path}"
            if files:
                boundary = uuid.uuid4().hex
                body = _multipart(boundary, form or {}, files)
                headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"
            else:
                body = urlencode(form or {}).encode()
                headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read()
            for name, value in response.getheaders():
                if name.lower() == "set-cookie":
                    for morsel in SimpleCookie(value).values():
                        if morsel.value == "" or morsel["max-age"] == "0":
                            self.cookies.pop(morsel.key, None)
                        else:
                            self.cookies[morsel.key] = morsel.value
            return Answer(response.status, {k.lower(): v for k, v in response.getheaders()}, content)
        finally:
            connection.close()

    def get(self, base: str, path: str, **options) -> Answer:
        return self.request(base, "GET", path, **options)

    def post_form(self, base: str, page: str, action_pattern: str, values: dict[str, str], **options) -> Answer:
        """Open ``page``, fill the form posting to ``action_pattern`` with ``values``, post it."""
        html = self.get(base, page).text
        fields = form_fields(html, action_pattern)
        fields.update(values)
        action = _action_of(html, action_pattern) or page
        return self.request(base, "POST", action, form=fields, **options)


def _action_of(html: str, action_pattern: str) -> str | None:
    parser = _Forms()
    parser.feed(html)
    for form in parser.forms:
        if form["method"] == "post" and re.search(action_pattern, form["action"]):
            return form["action"] or None
    return None


def _multipart(boundary: str, form: dict[str, str], files: dict[str, tuple[str, bytes, str]]) -> bytes:
    chunks: list[bytes] = []
    for name, value in form.items():
        chunks.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        )
    for name, (filename, content, kind) in files.items():
        chunks.append(
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                f"Content-Type: {kind}\r\n\r\n"
            ).encode()
            + content
            + b"\r\n"
        )
    chunks.append(f"--{boundary}--\r\n".encode())
    return b"".join(chunks)
