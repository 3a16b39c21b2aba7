"""Accepting routine files together, from the screening queue (issue 18).

One confirmation accepts several files, but each file goes through the same acceptance as one
opened on its own: ``screening_run`` then ``application_accept``, each in its own transaction,
with its own acknowledgement letter, its own history row under the officer's name and its own
quality-assurance draw. Each file is re-checked at that moment: one that is no longer routine
(a request sent, a file drawn for quality assurance, a screening finding confirmed by another
officer) or no longer waiting for screening is left out, with the reason. Returns are never
made in bulk.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from portique.applications.choices import Status
from portique.applications.models import Application

from . import services, triage
from .batch_models import Batch, BatchFile, BatchKind

MAX_FILES = 50


@dataclass
class BulkResult:
    accepted: list[str] = field(default_factory=list)  # application numbers
    left_out: list[tuple[str, str]] = field(default_factory=list)  # (number, why)


def _ids(raw: list[str]) -> list[uuid.UUID]:
    ids = []
    for value in raw:
        try:
            ids.append(uuid.UUID(str(value)))
        except ValueError:
            continue
    return list(dict.fromkeys(ids))


def routine_files_accept(*, actor, public_ids: list[str], on: date) -> BulkResult:
    """Accept each of ``public_ids`` that is routine and waiting for screening now."""
    services.require(actor, services.SCREEN)
    ids = _ids(public_ids)
    if not ids:
        raise services.CaseworkError.at("files", _("Select the files to accept."))
    if len(ids) > MAX_FILES:
        raise services.CaseworkError.at(
            "files", _("Accept at most %(count)s files at a time.") % {"count": MAX_FILES}
        )
    result = BulkResult()
    # Kept for the supervisor's figures (``casework.figures``): which files were accepted together.
    batch = Batch.objects.create(kind=BatchKind.ACCEPT, officer=actor)
    files = triage.annotate_for_triage(Application.objects.filter(public_id__in=ids)).order_by(
        "submitted_at", "id"
    )
    for application in files:
        label = triage.label_of(application)
        if application.status != Status.SUBMITTED:
            result.left_out.append((application.number, _("It is no longer waiting for screening.")))
            continue
        if label is None or not label.routine:
            why = "; ".join(label.reasons) if label else _("Its program is not triaged.")
            result.left_out.append((application.number, _("It is not routine: %(why)s") % {"why": why}))
            continue
        try:
            services.screening_run(application=application)
            services.application_accept(actor=actor, public_id=application.public_id, on=on)
        except services.CaseworkError as refused:
            result.left_out.append((application.number, str(refused)))
        except Http404:
            result.left_out.append((application.number, _("It is no longer waiting for screening.")))
        else:
            result.accepted.append(application.number)
    left_out = dict(result.left_out)
    BatchFile.objects.bulk_create(
        BatchFile(
            batch=batch,
            application=application,
            done=application.number not in left_out,
            left_out_en=left_out.get(application.number, ""),
            left_out_fr=left_out.get(application.number, ""),
        )
        for application in files
    )
    batch.finished_at = timezone.now()
    batch.save(update_fields=["finished_at"])
    return result
