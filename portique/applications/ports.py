"""What an application's own workflow asks of the apps built on it.

The documents, payments and representation apps build on applications: their models point
at an application and they check access through ``applications.access``. The
application's workflow needs a few facts back from them: the rules' case gathers the
documents and payments, the submission gate asks the fee balance and what a
representative still owes, and the record kept with a submission holds the payments,
the checklist and the representative's particulars. Importing those apps from here would
make each pair depend on the other, so each fact is a port declared here and provided by
the app that owns it when Django starts (its ``AppConfig.ready``); the import contract in
pyproject.toml keeps the apps in layers, and a test checks that every port is provided.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ImproperlyConfigured


class Port:
    """One function the application's workflow calls, provided by the app that owns the answer."""

    def __init__(self, owner: str, description: str):
        self.owner = owner
        self.description = description
        self._provider: Callable[..., Any] | None = None

    def provide(self, provider: Callable[..., Any]) -> None:
        self._provider = provider

    @property
    def provided(self) -> bool:
        return self._provider is not None

    def __call__(self, *args, **kwargs):
        if self._provider is None:
            raise ImproperlyConfigured(f"{self.description}: provided by {self.owner}, which is not installed")
        return self._provider(*args, **kwargs)

    def __repr__(self) -> str:
        return f"<Port {self.description!r} of {self.owner}>"


# portique.documents
case_documents = Port("portique.documents", "the documents an application holds, as the rules' case reads them")
documents_content = Port("portique.documents", "the documents' hashes that a signature covers")
checklist = Port("portique.documents", "the personal document checklist, each item with its files")
restart_documents = Port(
    "portique.documents", "a returned application's documents copied into its restart, each checked again"
)

# portique.payments
case_payments = Port("portique.payments", "the payments made, as the rules' case reads them")
fee_balance = Port("portique.payments", "the fees owed and paid on a day")
approved_payments = Port("portique.payments", "the approved payments, for the record kept with a submission")
overpayment_refund = Port("portique.payments", "the refund of anything paid beyond the final fees")

# portique.representation
governing_representation = Port("portique.representation", "the representation whose rules apply")
representative_declared_on = Port("portique.representation", "the day the representative declared, for the case")
imm5476_uploaded = Port("portique.representation", "whether the hand-signed IMM 5476 is uploaded")
representation_gate_inputs = Port("portique.representation", "the signature gate's represented inputs")
representation_blockers = Port("portique.representation", "what the representative still owes before submission")
representation_record = Port("portique.representation", "the representative's particulars kept with a submission")

# portique.casework
open_requests = Port(
    "portique.casework", "the officers' requests waiting for the applicant's answer, by application"
)
return_grounds = Port("portique.casework", "the confirmed screening findings an application was returned for")
expected_decision = Port(
    "portique.casework", "when to expect a decision: how long similar files recently took from this stage"
)


def all_ports() -> dict[str, Port]:
    return {name: value for name, value in globals().items() if isinstance(value, Port)}
