"""Canadian money formatting: "$1,205.00" in English, "1 205,00 $" in French."""

from decimal import ROUND_HALF_UP, Decimal

_NBSP = "\u00a0"
_NARROW_NBSP = "\u202f"


def format_cad(amount: Decimal | int | str, language: str = "en") -> str:
    value = Decimal(str(amount)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    sign = "-" if value < 0 else ""
    whole, cents = f"{abs(value):.2f}".split(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    if language.startswith("fr"):
        # Narrow no-break space between thousands, no-break space before the symbol.
        return sign + _NARROW_NBSP.join(groups) + "," + cents + _NBSP + "$"
    return f"{sign}${','.join(groups)}.{cents}"
