"""Temporary lockout after repeated failed sign-ins, per account and per address.

On top of allauth's rate limits (which slow guessing down), this locks an account or
an address out for LOCKOUT_SECONDS once it has failed too often within
LOCKOUT_WINDOW_SECONDS: credential stuffing tries many accounts from one address,
password guessing tries one account from many. The counters live in the default
cache, which every worker shares (the database cache, or Redis when configured).
The account key is the e-mail typed, whether or not such an account exists, so a
lockout says nothing about which e-mail addresses have accounts.
"""

from __future__ import annotations

import hashlib
import ipaddress
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache


def _digest(value: str) -> str:
    return hashlib.sha256(value.strip().lower().encode()).hexdigest()[:32]


def _keys(kind: str, value: str) -> tuple[str, str]:
    digest = _digest(value)
    return f"portique:failures:{kind}:{digest}", f"portique:locked:{kind}:{digest}"


@dataclass(frozen=True)
class Failure:
    account_locked_now: bool
    address_locked_now: bool


def is_locked(*, email: str, ip: str | None) -> bool:
    now = time.time()
    for kind, value in (("account", email), ("address", _address(ip))):
        if not value:
            continue
        _, locked_key = _keys(kind, value)
        until = cache.get(locked_key)
        if until is not None and until > now:
            return True
    return False


def _count(kind: str, value: str, threshold: int) -> bool:
    """Count one failure; True when this failure reaches the threshold (lock starts now)."""
    failures_key, locked_key = _keys(kind, value)
    window = settings.LOCKOUT_WINDOW_SECONDS
    cache.add(failures_key, 0, timeout=window)
    try:
        count = cache.incr(failures_key)
    except ValueError:  # expired between add and incr
        cache.set(failures_key, 1, timeout=window)
        count = 1
    if count >= threshold:
        cache.set(locked_key, time.time() + settings.LOCKOUT_SECONDS, timeout=settings.LOCKOUT_SECONDS)
        cache.delete(failures_key)
        return True
    return False


def _address(ip: str | None) -> str:
    """The unit an address lockout applies to: an IPv4 address, or an IPv6 /64.

    One IPv6 subscriber usually holds a whole /64 (allauth's rate limits count the same
    way): counting single IPv6 addresses would give an attacker billions of fresh ones.
    """
    if not ip:
        return ""
    try:
        parsed = ipaddress.ip_address(ip)
    except ValueError:
        return ip
    if parsed.version == 6:
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)


def record_failure(*, email: str, ip: str | None) -> Failure:
    account = bool(email) and _count("account", email, settings.LOCKOUT_ACCOUNT_FAILURES)
    address = bool(ip) and _count("address", _address(ip), settings.LOCKOUT_ADDRESS_FAILURES)
    return Failure(account_locked_now=account, address_locked_now=address)


def clear_account(*, email: str) -> None:
    """After a successful sign-in or password reset: the account's count starts again.

    The address count is kept, so an attacker cannot reset it by signing in to an
    account of their own between guesses.
    """
    failures_key, locked_key = _keys("account", email)
    cache.delete_many([failures_key, locked_key])
