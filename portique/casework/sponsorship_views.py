"""The officer's page for assessing the sponsor of a sponsorship first (``casework.sponsorship``)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from portique.applications.choices import SPONSORSHIPS

from . import access
from .models import SponsorAssessment
from .services import CaseworkError
from .sponsorship import sponsor_assess


@login_required
@require_http_methods(["GET", "POST"])
def sponsor_assessment(request: HttpRequest, public_id) -> HttpResponse:
    application = access.access_case(user=request.user, public_id=public_id)
    if not access.can_decide(request.user) or application.program not in SPONSORSHIPS:
        raise Http404
    language = (get_language() or "en")[:2]
    errors: dict[str, list] = {}
    if request.method == "POST":
        decision = request.POST.get("decision", "")
        try:
            if decision not in ("approve", "refuse"):
                raise CaseworkError.at("decision", _("Choose whether the sponsor is approved or refused."))
            sponsor_assess(
                actor=request.user,
                public_id=application.public_id,
                approved=decision == "approve",
                reasons=request.POST.get("reasons", ""),
                on=timezone.localdate(),
            )
        except CaseworkError as refused:
            errors = {key: [str(m) for m in found] for key, found in refused.errors.items()}
        else:
            messages.success(request, _("The sponsor assessment is recorded."))
            return redirect("casework:file", public_id=application.public_id)
    sponsor = application.people.filter(role="sponsor").first()
    return render(
        request,
        "casework/sponsor_assessment.html",
        {
            "application": application,
            "assessment": SponsorAssessment.objects.filter(application=application).first(),
            "choice": ((sponsor.answers.get("IMM1344") or {}).get("question_1") or {}).get("choice")
            if sponsor
            else None,
            "errors": errors,
            "language": language,
        },
    )
