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

It also reads the signed-in account of every request (``get_user``, for the sessions it
opened: all of them since it came, allauth's sign-ins included), by SQL written once per
process rather than built by the ORM each time.
"""

from __future__ import annotations

import functools

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import connection


class AuthenticationBackend(AllauthBackend):
    def authenticate(self, request, **credentials):
        user = super().authenticate(request, **credentials)
        if user is None and credentials.get("password"):
            raise PermissionDenied
        return user

    def get_user(self, user_id):
        """Django's ``ModelBackend.get_user``: the active account with this id, else None.

        Asked on every signed-in request. The ORM's building of ``get(pk=...)`` cost more than
        the query itself (issue 19, ``bench/README.md``); the same statement, written out once
        per process and run through ``raw``, gives the same account.
        """
        model = get_user_model()
        found = model._default_manager.raw(_account_by_id_sql(connection.vendor), [model._meta.pk.to_python(user_id)])
        user = next(iter(found), None)
        return user if user is not None and self.user_can_authenticate(user) else None


@functools.cache
def _account_by_id_sql(vendor: str) -> str:
    # Keyed by the database's vendor: the quoting is the backend's.
    model, quote = get_user_model(), connection.ops.quote_name
    return f"SELECT * FROM {quote(model._meta.db_table)} WHERE {quote(model._meta.pk.column)} = %s"
