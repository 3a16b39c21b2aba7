"""The sign-in check: allauth's e-mail and password backend, asked once.

Django asks each authentication backend in turn until one accepts the credentials. With
Django's ``ModelBackend`` and allauth's both listed, a wrong password was checked by each, so
every failed sign-in cost two Argon2id checks (each 18–24 ms of CPU on the machines of issue
19), and an unknown address two dummy hashes. Listed first, this backend checks once (or
hashes once for an unknown address: allauth keeps the two answers equally slow) and, when the
address and password do not match, raises ``PermissionDenied``: Django then asks no other
backend, and still sends ``user_login_failed``.

``ModelBackend`` stays listed: a session records the backend that opened it, and the
sessions opened before this one came stay valid.
"""

from __future__ import annotations

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.core.exceptions import PermissionDenied


class AuthenticationBackend(AllauthBackend):
    def authenticate(self, request, **credentials):
        user = super().authenticate(request, **credentials)
        if user is None and credentials.get("password"):
            raise PermissionDenied
        return user
