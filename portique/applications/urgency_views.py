"""The applicant's page to say that a submitted file is urgent, or no longer urgent (issue 15)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from . import urgency
from .access import Capability, access_application


class UrgencyForm(forms.Form):
    urgent = forms.ChoiceField(
        label=gettext_lazy("Is your application urgent?"),
        choices=[
            ("yes", gettext_lazy("Yes, my application is urgent")),
            ("no", gettext_lazy("No, it is not urgent")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Say whether your application is urgent.")},
    )
    reason = forms.CharField(
        label=gettext_lazy("Why is it urgent?"),
        help_text=gettext_lazy(
            "Required if it is urgent. For example: the date you must travel and why. Officers read this."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=urgency.REASON_MAX_LENGTH,
    )


@login_required
@require_http_methods(["GET", "POST"])
def urgency_change(request: HttpRequest, public_id) -> HttpResponse:
    application = access_application(actor=request.user, public_id=public_id, capability=Capability.READ)
    if not urgency.may_change(actor=request.user, application=application):
        raise Http404
    if not urgency.is_open(application):
        messages.error(request, _("This application is closed: whether it is urgent can no longer be changed."))
        return redirect("applications:overview", public_id=application.public_id)
    current = urgency.urgency_of(application)
    form = UrgencyForm(
        request.POST or None, initial={"urgent": "yes" if current.urgent else "no", "reason": current.reason}
    )
    if request.method == "POST" and form.is_valid():
        wanted = form.cleaned_data["urgent"] == "yes"
        try:
            change = urgency.application_urgency_change(
                actor=request.user, public_id=application.public_id, urgent=wanted, reason=form.cleaned_data["reason"]
            )
        except urgency.UrgencyError as refused:
            form.add_error(refused.field or None, str(refused.message))
        else:
            if change is None:
                messages.info(request, _("Nothing changed."))
            elif wanted:
                messages.success(request, _("Your application is marked urgent. An officer will see your reason."))
            else:
                messages.success(request, _("Your application is no longer marked urgent."))
            return redirect("applications:overview", public_id=application.public_id)
    summary = [
        (form[name].id_for_label if name in form.fields else "", message)
        for name, errors in form.errors.items()
        for message in errors
    ]
    if "urgent" in form.errors:
        # A group of radio buttons: the link goes to the first one.
        summary = [(f"{form['urgent'].auto_id}_0" if target == form["urgent"].id_for_label else target, message) for target, message in summary]
    return render(
        request,
        "applications/urgency.html",
        {"application": application, "form": form, "current": current, "summary": summary},
        status=400 if summary else 200,
    )
