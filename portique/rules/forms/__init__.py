"""Digital forms as data: sections, fields, conditions, and their validation.

The same definition renders the web form, drives the "Validate" button, and feeds
the completeness screening (an unanswered question means a returned application:
IMM 5445 — Step 2; IRPR 10(1)(c)).
"""

from .model import Condition, Field, FieldKind, Form, Option, Section
from .validate import validate_form

__all__ = ["Condition", "Field", "FieldKind", "Form", "Option", "Section", "validate_form"]
