from decimal import Decimal

import pytest

from portique.core.money import format_cad


@pytest.mark.parametrize(
    ("amount", "language", "expected"),
    [
        (Decimal("1205"), "en", "$1,205.00"),
        (Decimal("1205"), "fr", "1\u202f205,00\u00a0$"),
        (Decimal("50"), "en", "$50.00"),
        (Decimal("0.5"), "fr", "0,50\u00a0$"),
        (Decimal("-85"), "en", "-$85.00"),
        (Decimal("1234567.891"), "en", "$1,234,567.89"),
    ],
)
def test_amounts_are_written_the_canadian_way(amount, language, expected):
    assert format_cad(amount, language) == expected
