"""Current TOTP codes, for the demo accounts and the tests (as an authenticator app computes them)."""

import time

from allauth.mfa import app_settings
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value


def current_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // app_settings.TOTP_PERIOD))


def code_lasting(secret: str, seconds: int = 5) -> str:
    """A current code that stays valid for at least ``seconds`` more: typed by a browser test on a
    loaded machine, a code read at the end of its period would expire before the server reads it."""
    period = app_settings.TOTP_PERIOD
    left = period - time.time() % period
    if left < seconds:
        time.sleep(left + 0.05)
    return current_code(secret)
