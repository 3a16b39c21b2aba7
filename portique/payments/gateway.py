"""The payment gateway interface: what Portique asks of whoever moves the money.

A real gateway shows its own card page (hosted fields) and hands back a token; the
portal never sees the card number. ``tokenize`` stands for that page; ``charge`` and
``refund`` are the two calls made from the server. Every charge carries an
idempotency key: a gateway that sees the same key again answers with its first
answer instead of charging again.

The gateway in use is named by the ``PAYMENT_GATEWAY`` setting (a dotted path); the
default is the built-in sandbox, which moves no money.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string

from .cards import CardDetails
from .choices import CardBrand, DeclineReason

DEFAULT_GATEWAY = "portique.payments.sandbox.SandboxGateway"


@dataclass(frozen=True)
class CardToken:
    """What the gateway's card page gives back: an opaque token and what may be shown."""

    token: str
    brand: CardBrand
    last4: str


@dataclass(frozen=True)
class ChargeResult:
    approved: bool
    reference: str  # the gateway's reference, declined attempts included
    decline_reason: DeclineReason | None = None


@dataclass(frozen=True)
class RefundResult:
    reference: str


class GatewayUnavailable(Exception):
    """The gateway could not be reached; nothing was charged."""


class PaymentGateway(Protocol):
    name: str
    is_sandbox: bool

    def tokenize(self, card: CardDetails) -> CardToken: ...

    def charge(self, *, amount: Decimal, card_token: str, idempotency_key: str) -> ChargeResult: ...

    def refund(self, *, reference: str, amount: Decimal) -> RefundResult: ...


@cache
def _gateway_class(path: str):
    return import_string(path)


def gateway() -> PaymentGateway:
    return _gateway_class(getattr(settings, "PAYMENT_GATEWAY", DEFAULT_GATEWAY))()
