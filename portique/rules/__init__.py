"""Regulations as code.

Plain Python, importable without Django (an import-linter contract enforces it).
Every rule takes explicit inputs, dates included, and returns a result carrying
``Reason`` objects: a stable code, the digest rule id, an English and a French
message and the citation of the provision it implements. Numbers that change over
time are read from the dated parameter files in ``parameters/``.
"""
