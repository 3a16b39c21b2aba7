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
"""

from django.contrib.auth.hashers import Argon2PasswordHasher


class Argon2idHasher(Argon2PasswordHasher):
    time_cost = 2
    memory_cost = 19 * 1024  # KiB: 19 MiB
    parallelism = 1
