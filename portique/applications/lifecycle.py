"""Which status may follow which: the lifecycle of DESIGN.md as a table."""

from .choices import Status

ALLOWED: dict[Status, frozenset[Status]] = {
    Status.DRAFT: frozenset({Status.READY_TO_SIGN, Status.WITHDRAWN}),
    # Any edit after validation or signing sends the application back to draft and
    # clears the signatures (DESIGN.md: "any edit after signing clears the signatures").
    Status.READY_TO_SIGN: frozenset({Status.DRAFT, Status.SIGNED, Status.WITHDRAWN}),
    Status.SIGNED: frozenset({Status.DRAFT, Status.SUBMITTED, Status.WITHDRAWN}),
    Status.SUBMITTED: frozenset({Status.RETURNED, Status.ACCEPTED, Status.WITHDRAWN}),
    Status.ACCEPTED: frozenset({Status.IN_PROCESSING, Status.APPROVED, Status.REFUSED, Status.WITHDRAWN}),
    Status.IN_PROCESSING: frozenset({Status.APPROVED, Status.REFUSED, Status.WITHDRAWN}),
    Status.RETURNED: frozenset(),
    Status.APPROVED: frozenset(),
    Status.REFUSED: frozenset(),
    Status.WITHDRAWN: frozenset(),
}


# A paper application was made when it arrived at the specified address (IRPR 11), not
# when an officer finished typing it in: sending it to screening moves it from wherever
# data entry stopped. Whether it is complete is the screening's question (s.10, s.12),
# not a gate, so an incomplete paper application is returned, never held in draft.
PAPER_TO_SCREENING = frozenset({Status.DRAFT, Status.READY_TO_SIGN, Status.SIGNED})


def can_move(from_status: str, to_status: str, *, channel: str = "online") -> bool:
    if channel == "paper" and to_status == Status.SUBMITTED and from_status in PAPER_TO_SCREENING:
        return True
    return Status(to_status) in ALLOWED[Status(from_status)]
