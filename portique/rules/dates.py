"""Date arithmetic the rules share. Nothing here reads "today"."""

from __future__ import annotations

from datetime import date, timedelta


def add_years(start: date, years: int) -> date:
    """The same calendar day ``years`` later; 29 February becomes 28 February.

    Used for anniversaries (turning 18, the 3-, 5- and 10-year rules). A person born
    on 29 February reaches an age on 28 February in common years, the reading that
    never makes someone a day older than the calendar allows.
    """
    try:
        return start.replace(year=start.year + years)
    except ValueError:
        return start.replace(year=start.year + years, day=28)


def add_months(start: date, months: int) -> date:
    """Same day ``months`` later, clamped to the month's last day."""
    month_index = start.month - 1 + months
    year = start.year + month_index // 12
    month = month_index % 12 + 1
    for day in (start.day, 30, 29, 28):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise ValueError(start)


def age_on(birth: date, on: date) -> int:
    """Completed years of age on ``on``: a person is 14 on their 14th birthday."""
    years = on.year - birth.year
    if (on.month, on.day) < (birth.month, birth.day):
        years -= 1
    # Born 29 February: add_years semantics say the birthday is 28 Feb in common years.
    if birth.month == 2 and birth.day == 29 and on.month == 2 and on.day == 28:
        if not _is_leap(on.year):
            years += 1
    return years


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_inclusive(start: date, end: date) -> int:
    """Number of calendar days from ``start`` to ``end``, both counted."""
    return (end - start).days + 1


def one_day() -> timedelta:
    return timedelta(days=1)


# Dates written out in the rules' messages: "July 31, 2018" and « 31 juillet 2018 » (« 1er »).
_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_MONTHS_FR = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip


def long_date_en(day: date) -> str:
    return f"{_MONTHS_EN[day.month - 1]} {day.day}, {day.year}"


def long_date_fr(day: date) -> str:
    return f"{'1er' if day.day == 1 else day.day} {_MONTHS_FR[day.month - 1]} {day.year}"
