"""Letters made by the task workers, not while the officer waits (issue 18).

A decision made in a batch writes its letter row at once, without its PDFs, and a
``LetterRendering`` that says the letter is being prepared; after the commit a task
(``casework.tasks.letter_make``) makes the PDFs from the decision as it was recorded. The task
locks the rendering row and does nothing once the letter is made, so a task run twice (a retry,
a worker restarted mid-way, a double click on "Try again") never makes a second letter. A
failure is recorded on the row (``failed``, with the error for the officers) and the letter can
be made again from the officer's pages (``letter_make_again``). The applicant is told of the
letter only once it is made.
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import letters, notifications
from .batch_models import LetterRendering, RenderingState
from .choices import LetterKind
from .models import Decision, Letter, QuebecUndertaking

logger = logging.getLogger(__name__)

# The letters a worker can make again from what the file recorded: a decision's.
MADE_BY_TASK = frozenset({LetterKind.APPROVAL, LetterKind.REFUSAL, LetterKind.WITHDRAWAL})


def letter_make_later(letter: Letter, *, dated_on) -> LetterRendering:
    """Inside the decision's transaction: the letter is to be made once the decision is committed."""
    if letter.kind not in MADE_BY_TASK:
        raise ValueError(f"A {letter.kind} letter is made while the officer waits.")
    rendering = LetterRendering.objects.create(letter=letter, dated_on=dated_on)
    transaction.on_commit(lambda: _enqueue(letter.pk), robust=True)
    return rendering


def _enqueue(letter_id: int) -> None:
    from .tasks import letter_make

    letter_make.enqueue(letter_id=letter_id)


def _context(letter: Letter) -> dict[str, Any]:
    """What the letter's template reads, from the decision as it was recorded."""
    from .sponsorship import letter_row

    decision = Decision.objects.select_related("application").get(letter=letter)
    people = [letter_row(row) for row in decision.people.select_related("person")]
    context: dict[str, Any] = {"decision": decision, "refund": decision.refund}
    if people:
        context["people"] = people
        context["quebec"] = QuebecUndertaking.objects.filter(application=decision.application).first()
    return context


def letter_make(*, letter_id: int) -> bool:
    """Make the PDFs of a letter left to a worker; ``False`` when it was already made."""
    try:
        with transaction.atomic():
            rendering = (
                LetterRendering.objects.select_for_update()
                .select_related("letter__application", "letter__issued_by")
                .get(letter_id=letter_id)
            )
            if rendering.state == RenderingState.MADE:
                return False
            letter = rendering.letter
            pdfs = letters.render(
                kind=LetterKind(letter.kind),
                application=letter.application,
                on=rendering.dated_on,
                officer=letter.issued_by,
                context=_context(letter),
            )
            stored = []
            try:
                for language, content in pdfs.items():
                    field = letter.pdf(language)
                    field.save(f"{letter.kind}-{language}.pdf", ContentFile(content), save=False)
                    stored.append(field)
                letter.save(update_fields=["pdf_en", "pdf_fr"])
                rendering.state = RenderingState.MADE
                rendering.attempts = F("attempts") + 1
                rendering.error = ""
                rendering.updated_at = timezone.now()
                rendering.save(update_fields=["state", "attempts", "error", "updated_at"])
            except BaseException:
                for field in stored:
                    field.storage.delete(field.name)
                raise
            transaction.on_commit(
                lambda: notifications.send_letter_notice(letter_id=letter_id), robust=True
            )
    except Exception as error:
        logger.exception("The letter %s could not be made", letter_id)
        LetterRendering.objects.filter(letter_id=letter_id).exclude(state=RenderingState.MADE).update(
            state=RenderingState.FAILED,
            attempts=F("attempts") + 1,
            error=f"{type(error).__name__}: {error}"[:2000],
            updated_at=timezone.now(),
        )
        raise
    return True


def letter_make_again(*, actor, letter: Letter) -> LetterRendering:
    """An officer asks for a letter that could not be made to be made again (by a worker)."""
    from . import services

    services.require(actor, *services.PROCESS)
    with transaction.atomic():
        rendering = LetterRendering.objects.select_for_update().filter(letter=letter).first()
        if rendering is None or rendering.state != RenderingState.FAILED:
            raise services.CaseworkError.at(
                "", _("This letter is made or being prepared: there is nothing to try again.")
            )
        rendering.state = RenderingState.WAITING
        rendering.updated_at = timezone.now()
        rendering.save(update_fields=["state", "updated_at"])
        transaction.on_commit(lambda: _enqueue(letter.pk), robust=True)
    return rendering
