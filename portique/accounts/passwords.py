"""Refusing passwords an attacker would guess early (NIST SP 800-63B, 5.1.1.2).

Django's validators check the length (12 characters at least), the 20,000 most common
passwords, all-digit passwords and closeness to the e-mail address. They let through
what a guessing attacker tries right after the lists: repeats (``aaaaaaaaaaaa``,
``passwordpassword``), common words with predictable substitutions and a year
(``P@ssw0rd2024!``), keyboard and list words with digits (``letmein12345``), and a
password of spaces only. zxcvbn (Dropbox's estimator, no network call) rates how many
guesses a password would take, knowing those patterns; a score of 3 ("safely
unguessable: moderate protection from offline slow-hash scenario", 10^8 guesses or
more) is required. No composition rules (the standard forbids them): a long phrase of
ordinary words scores 4.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from zxcvbn import zxcvbn

# zxcvbn's matching grows with the square of the length; the first characters decide
# whether a password is guessable (a weak prefix followed by more is still scored on
# the whole of what is read).
_SCORED_LENGTH = 128


class GuessablePasswordValidator:
    def __init__(self, min_score: int = 3):
        self.min_score = min_score

    def validate(self, password: str, user=None) -> None:
        if not password.strip():
            raise ValidationError(_("A password cannot be made of spaces only."), code="password_blank")
        hints = []
        if user is not None:
            for attribute in ("email", "first_name", "last_name"):
                value = getattr(user, attribute, "") or ""
                hints.extend(part for part in value.replace("@", " ").replace(".", " ").split() if part)
        result = zxcvbn(password[:_SCORED_LENGTH], user_inputs=hints + ["portique"])
        if result["score"] < self.min_score:
            raise ValidationError(
                _(
                    "This password is too easy to guess: repeated characters or words, common words with "
                    "digits or symbols swapped in, and years are among the first things tried. Use a longer "
                    "phrase of several unrelated words."
                ),
                code="password_too_guessable",
            )

    def get_help_text(self) -> str:
        return str(_("Your password must not be easy to guess."))
