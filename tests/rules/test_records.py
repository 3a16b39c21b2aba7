"""A record given fast_init is built from the same arguments as its dataclass, and stays frozen."""

import dataclasses
from dataclasses import FrozenInstanceError, dataclass, field

import pytest

from portique.rules.reasons import Reason, Severity
from portique.rules.records import fast_init


@fast_init
@dataclass(frozen=True, slots=True)
class Quote:
    code: str
    amount: int
    deferred: bool = False
    people: tuple[str, ...] = ()


@fast_init
@dataclass(frozen=True, slots=True, kw_only=True)
class Signer:
    role: str
    guardian: str | None = None


@dataclass(frozen=True, slots=True)
class Plain:
    code: str
    amount: int
    deferred: bool = False
    people: tuple[str, ...] = ()


def test_positional_keyword_and_default_arguments_give_what_the_dataclass_gives():
    for args, kwargs in [
        (("FEE", 50), {}),
        (("FEE", 50, True), {}),
        (("FEE",), {"amount": 50, "people": ("p1",)}),
    ]:
        built, expected = Quote(*args, **kwargs), Plain(*args, **kwargs)
        assert dataclasses.astuple(built) == dataclasses.astuple(expected)
    assert Quote("FEE", 50) == Quote(code="FEE", amount=50, deferred=False)
    assert hash(Quote("FEE", 50)) == hash(Quote("FEE", 50))


def test_the_arguments_refused_by_the_dataclass_are_refused():
    with pytest.raises(TypeError):
        Quote("FEE")
    with pytest.raises(TypeError):
        Quote("FEE", 50, False, (), "extra")
    with pytest.raises(TypeError):
        Quote("FEE", amount=50, colour="blue")
    with pytest.raises(TypeError):
        Signer("applicant")  # keyword-only
    assert Signer(role="applicant").guardian is None


def test_a_record_stays_frozen():
    quote = Quote("FEE", 50)
    with pytest.raises(FrozenInstanceError):
        quote.amount = 0  # type: ignore[misc]
    found = Reason("CODE", "PRC-1", "IMM 5445", "en", "fr", Severity.INFO, "p1")
    with pytest.raises(FrozenInstanceError):
        found.subject = "p2"  # type: ignore[misc]
    assert dataclasses.replace(found, subject="p2").subject == "p2"


def test_what_it_cannot_build_as_the_dataclass_would_is_refused_at_import():
    with pytest.raises(TypeError):

        @fast_init
        @dataclass(frozen=True, slots=True)
        class WithFactory:
            items: list = field(default_factory=list)

    with pytest.raises(TypeError):

        @fast_init
        @dataclass(frozen=True, slots=True)
        class Checked:
            amount: int

            def __post_init__(self) -> None:
                assert self.amount >= 0

    with pytest.raises(TypeError):

        @fast_init
        @dataclass(slots=True)
        class Mutable:
            amount: int

    with pytest.raises(TypeError):

        @fast_init
        @dataclass(frozen=True, slots=True)
        class WithInitVar:
            amount: int
            scale: dataclasses.InitVar[int] = 1
