"""The password hasher: Argon2id at OWASP's recommended minimum (see docs/accounts.md).

Django's Argon2PasswordHasher asks for 100 MiB and 8 lanes for every hash: about 200 ms
of CPU per sign-in on this project's two cores, so at most about 9 sign-ins per second
for the whole portal on the day a program opens. OWASP's Password Storage Cheat Sheet
gives equivalent Argon2id settings; the first, 19 MiB of memory, 2 iterations and one
lane, is the cheapest in CPU (one lane: no threads to start per hash) while still
costing a GPU attacker 19 MiB per guess.

The algorithm name stays "argon2", so a hash stored with other parameters (Django's
defaults, or any future change here) is recognised by this hasher, found out of date by
``must_update`` and stored again with these parameters at the person's next sign-in.

The Argon2id work itself is libsodium's (PyNaCl), which picks the processor's vector
instructions (AVX2, AVX-512) when it runs; argon2-cffi's wheel is built for SSE2 only and
took 1.8 times as long for the same hash. The result is the same standard hash, in the
same encoded form: either library verifies what the other wrote (tests/accounts). An
attacker's cost is set by the parameters, not by which library the portal runs.
"""

from __future__ import annotations

import base64
import secrets

from django.contrib.auth.hashers import Argon2PasswordHasher
from nacl import exceptions as nacl_exceptions
from nacl.pwhash import argon2id

# libsodium's Argon2id takes a salt of exactly this many bytes: 128 bits, what Django asks.
SALT_BYTES = argon2id.SALTBYTES
HASH_BYTES = 32  # argon2-cffi's and Django's length


def _b64(data: bytes) -> str:
    # The encoded hash's own base64: standard alphabet, no padding (never a "$").
    return base64.b64encode(data).decode("ascii").rstrip("=")


def _raw_salt(salt: str) -> bytes | None:
    """The 16 bytes this hasher's own salt stands for, or None for any other salt."""
    if len(salt) != len(_b64(bytes(SALT_BYTES))):
        return None
    try:
        raw = base64.b64decode(salt + "==", validate=True)
    except ValueError:
        return None
    return raw if len(raw) == SALT_BYTES and _b64(raw) == salt else None


class Argon2idHasher(Argon2PasswordHasher):
    time_cost = 2
    memory_cost = 19 * 1024  # KiB: 19 MiB
    parallelism = 1

    def salt(self) -> str:
        # Django's salt is 22 letters and digits, used as 22 bytes; libsodium needs 16 random
        # bytes, so the salt handed around is their base64, as the encoded hash shows it.
        return _b64(secrets.token_bytes(SALT_BYTES))

    def encode(self, password: str, salt: str) -> str:
        self._check_encode_args(password, salt)
        raw_salt = _raw_salt(salt)
        if raw_salt is None or self.parallelism != 1:
            # A salt of another shape (a caller's own): Django's way, with argon2-cffi.
            return super().encode(password, salt)
        digest = argon2id.kdf(
            HASH_BYTES,
            password.encode(),
            raw_salt,
            opslimit=self.time_cost,
            memlimit=self.memory_cost * 1024,
        )
        return (
            f"{self.algorithm}$argon2id$v=19$m={self.memory_cost},t={self.time_cost},p={self.parallelism}"
            f"${salt}${_b64(digest)}"
        )

    def verify(self, password: str, encoded: str) -> bool:
        algorithm, rest = encoded.split("$", 1)
        assert algorithm == self.algorithm
        if rest.startswith("argon2id$"):
            try:
                return argon2id.verify(("$" + rest).encode("ascii"), password.encode())
            except nacl_exceptions.InvalidkeyError:
                return False
            except (nacl_exceptions.ValueError, UnicodeEncodeError):
                pass  # a hash libsodium will not read (too long, say): argon2-cffi's turn
        return super().verify(password, encoded)

    def must_update(self, encoded: str) -> bool:
        decoded = self.decode(encoded)
        current, wanted = decoded["params"], self.params()
        wanted.salt_len = current.salt_len
        # Django counts a salt's entropy as letters and digits; this hasher's salts are
        # random bytes (16 of them: 128 bits). A salt shorter than that is renewed.
        return current != wanted or len(decoded["salt"]) < SALT_BYTES
