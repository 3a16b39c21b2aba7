"""The eTA's pages: the holder's (is my eTA valid today, and until when) and the officer's
cancellation under IRPR 12.07. Thin: access, one service or selector, render."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods

from portique.applications.access import Capability, access_application
from portique.rules.eta import ExpiryGround

from . import access, pages
from .choices import EtaCancellationGround
from .eta import eta_cancel, eta_status
from .forms import CaseworkForm
from .services import CaseworkError

# Why the eTA ends when it does (IRPR 12.05), in plain words.
GROUNDS = {
    ExpiryGround.FIVE_YEARS: _("five years after it was issued"),
    ExpiryGround.PASSPORT_EXPIRY: _("the day your passport expires"),
    ExpiryGround.CANCELLATION: _("it was cancelled by an officer"),
    ExpiryGround.NEW_ETA_SAME_PASSPORT: _("a new eTA was issued for the same passport"),
    ExpiryGround.ISSUER_LEFT_190_1_A: _("the country that issued your passport is no longer on the list"),
    ExpiryGround.ISSUER_LEFT_7_01_1: _("the country that issued your passport is no longer on the list"),
    ExpiryGround.US_PERMANENT_RESIDENT_BASIS: _("eTAs based on U.S. permanent residence ended"),
}


class EtaCancellationForm(CaseworkForm):
    ground = forms.ChoiceField(
        label=_("Ground of the cancellation"),
        choices=EtaCancellationGround.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    event_on = forms.DateField(
        label=_("Day it happened"),
        required=False,
        help_text=_("For example 2027-03-15. Not needed when the holder is inadmissible."),
    )
    reasons = forms.CharField(
        label=_("Reasons"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("The letter quotes them to the holder."),
    )


@login_required
@require_GET
def holder_eta(request: HttpRequest, public_id) -> HttpResponse:
    application = access_application(actor=request.user, public_id=public_id, capability=Capability.READ)
    if not application.definition.delivers_an_authorization:
        raise Http404
    today = timezone.localdate()
    status = eta_status(application=application, on=today)
    return render(
        request,
        "casework/applicant/eta.html",
        {
            "application": application,
            "status": status,
            "today": today,
            "ground": GROUNDS[status.validity.ground] if status else "",
            "ended": status is not None and today > status.validity.last_valid_day,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def officer_eta_cancel(request: HttpRequest, public_id) -> HttpResponse:
    application = access.access_case(user=request.user, public_id=public_id)
    if not access.can_decide(request.user) or not application.definition.delivers_an_authorization:
        raise Http404
    today = timezone.localdate()
    status = eta_status(application=application, on=today)
    if status is None:
        raise Http404
    form = EtaCancellationForm(request.POST if request.method == "POST" else None)
    errors: list[str] = []
    code = 200
    if request.method == "POST":
        form.is_valid()
        data = form.cleaned_data
        try:
            eta_cancel(
                actor=request.user,
                public_id=application.public_id,
                ground=data.get("ground") or "",
                event_on=data.get("event_on"),
                reasons=data.get("reasons") or "",
                on=today,
            )
        except CaseworkError as refused:
            code = 400
            errors = pages.refuse(form, refused.errors)
        else:
            messages.success(request, _("The eTA is cancelled and its letter is in the holder's account."))
            return redirect("casework:file", public_id=application.public_id)
    else:
        pages.opened(request, application, "eta_cancel")
    return render(
        request,
        "casework/eta_cancel.html",
        {
            "application": application,
            "status": status,
            "form": form,
            "errors": errors,
            "bound_errors": [form] if form.errors else [],
        },
        status=code,
    )
