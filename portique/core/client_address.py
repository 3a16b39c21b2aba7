"""The client's address, as the per-address limits, the lockout and the audit log see it.

`X-Forwarded-For` is a list any client can write to: a proxy appends the address it
received the connection from to whatever the request already carried, so only the
entries appended by proxies we run can be believed, and they are the right-most ones.
With TRUSTED_PROXY_COUNT = N, the chain is the header's entries followed by
REMOTE_ADDR (the last proxy, the one that connected to us); the last N addresses of that
chain are our proxies, and the client is the one just before them, i.e. the N-th entry
from the right of the header. One nginx in front (`proxy_add_x_forwarded_for`) is N = 1:
the header's last entry, written by nginx itself. With N = 0 (the default) the header
is ignored and the client is REMOTE_ADDR: a node reachable without the proxy must not
let a client choose its own address (a rotating header went around the lockout).

A header with fewer than N entries did not come through all our proxies: the client is
then REMOTE_ADDR, the one address nobody can forge, rather than an error page.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _clean(value: str | None) -> str | None:
    """An IPv4 or IPv6 address in its canonical form, or None (ports and brackets dropped)."""
    if not value:
        return None
    value = value.strip()
    if value.startswith("["):  # [2001:db8::1]:443
        value = value[1:].split("]", 1)[0]
    elif value.count(":") == 1:  # 192.0.2.1:443
        value = value.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def client_ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    remote = _clean(request.META.get("REMOTE_ADDR"))
    trusted = settings.TRUSTED_PROXY_COUNT
    if trusted <= 0:
        return remote
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    entries = [entry for entry in (part.strip() for part in header.split(",")) if entry]
    if len(entries) < trusted:
        return remote
    return _clean(entries[-trusted]) or remote
