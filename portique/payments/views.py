from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from portique.applications.access import Capability, access_application
from portique.applications.choices import EDITABLE

from . import selectors, services
from .choices import CLOSED, DeclineReason
from .forms import CardForm
from .gateway import GatewayUnavailable, gateway
from .models import Payment
from .receipts import receipt_pdf
from .sandbox import TEST_CARDS

# Where each decline is shown, and what it says. "No money was taken" is said every
# time: it is the first thing a person worries about after a failed payment.
DECLINES = {
    DeclineReason.INSUFFICIENT_FUNDS: (
        "number",
        _("Your card was declined: insufficient funds. No money was taken. Use another card or contact your card issuer."),
    ),
    DeclineReason.EXPIRED_CARD: (
        "expiry_month",
        _("Your card issuer says this card has expired. No money was taken. Use another card."),
    ),
    DeclineReason.GATEWAY_ERROR: (
        "number",
        _("The payment service could not process this card. No money was taken. Try again in a few minutes."),
    ),
    DeclineReason.CARD_DECLINED: (
        "number",
        _("Your card was declined. No money was taken. Use another card or contact your card issuer."),
    ),
}
UNAVAILABLE = _("The payment service did not answer. No money was taken. Try again in a few minutes.")
NOTHING_DUE = _("There is nothing to pay: the fees for this application are already paid.")
CLOSED_MESSAGE = _("This application is closed: no fee can be paid on it.")
SUBMITTED_MESSAGE = _("This application has been submitted: its fees were settled then, and nothing more can be paid on it here.")
STALE_PAGE = _("This page has expired. Check the amount below and enter your card again.")


FIELDS = ("payer_name", "number", "expiry_month", "expiry_year", "security_code")


def _language() -> str:
    return (get_language() or "en")[:2]


def _lines(quote, language: str):
    return [(line.fr if language == "fr" else line.en, line.citation, line.amount) for line in quote.lines]


def _pay_page(
    request: HttpRequest, application, form: CardForm, *, key: str | None = None, status: int = 200, notice=None
) -> HttpResponse:
    language = _language()
    today = timezone.localdate()
    balance = selectors.balance_for(application, today)
    for name in form.errors:
        if name in form.fields:
            # Django points aria-describedby at the hint; the error must be read out too.
            auto_id = form[name].auto_id
            form.fields[name].widget.attrs.update(
                {"aria-describedby": f"{auto_id}_helptext {auto_id}_error", "aria-invalid": "true"}
            )
    summary = [
        (form[name].id_for_label, message)
        for name in FIELDS
        for message in form.errors.get(name, [])
    ]
    summary += [("", message) for message in form.non_field_errors()]
    receipts = list(selectors.approved_payments(application))
    return render(
        request,
        "payments/pay.html",
        {
            "application": application,
            "form": form,
            # One key per page view, unless the same attempt must be retried (see pay()).
            "idempotency_key": key or services.new_idempotency_key(),
            "fields": [(form[name], form.errors.get(name, [])) for name in FIELDS],
            "summary": summary,
            "balance": balance,
            "lines": _lines(balance.quote, language),
            "quote_notes": [(r.message(language), r.citation) for r in balance.quote.reasons if r.code != "FEE_TOTAL"],
            "receipts": receipts,
            "sandbox": gateway().is_sandbox,
            "test_cards": TEST_CARDS,
            "closed": application.status in CLOSED,
            "submitted": application.status not in EDITABLE,
            "notice": notice,
            "language": language,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def pay(request: HttpRequest, public_id) -> HttpResponse:
    application = access_application(actor=request.user, public_id=public_id)
    if request.method == "GET":
        return _pay_page(request, application, CardForm())
    form = CardForm(request.POST)
    if not form.is_valid():
        if "idempotency_key" in form.errors:
            return _pay_page(request, application, CardForm(), status=400, notice=STALE_PAGE)
        return _pay_page(request, application, form, status=400)
    try:
        outcome = services.payment_make(
            actor=request.user,
            public_id=application.public_id,
            card=form.card(),
            payer_name=form.cleaned_data["payer_name"],
            idempotency_key=form.cleaned_data["idempotency_key"],
            on=timezone.localdate(),
        )
    except services.CardRejected as rejected:
        for field, messages in rejected.errors.items():
            for message in messages:
                form.add_error(field, message)
        # Nothing was sent or recorded under this key: it may serve again.
        return _pay_page(request, application, form, key=form.cleaned_data.get("idempotency_key"), status=400)
    except services.InvalidIdempotencyKey:
        return _pay_page(request, application, CardForm(), status=400, notice=STALE_PAGE)
    except services.NothingToPay:
        return _pay_page(request, application, CardForm(), status=409, notice=NOTHING_DUE)
    except services.ApplicationClosed:
        return _pay_page(request, application, CardForm(), status=409, notice=CLOSED_MESSAGE)
    except services.ApplicationSubmitted:
        return _pay_page(request, application, CardForm(), status=409, notice=SUBMITTED_MESSAGE)
    except GatewayUnavailable:
        # Nothing was recorded: the same key goes back in the form, so a retry that reaches
        # a gateway which did charge gets that charge back instead of a second one.
        key = form.cleaned_data["idempotency_key"]
        form.add_error("number", UNAVAILABLE)
        return _pay_page(request, application, form, key=key, status=503)
    payment = outcome.payment
    if payment.approved:
        return redirect("payments:received", public_id=application.public_id, receipt_number=payment.receipt_number)
    field, message = DECLINES[DeclineReason(payment.decline_reason)]
    form.add_error(field, message)
    # The page comes back with a new key: the old key's answer is this decline.
    return _pay_page(request, application, form)


def _receipt(request: HttpRequest, public_id, receipt_number: str) -> Payment:
    application = access_application(actor=request.user, public_id=public_id, capability=Capability.READ)
    try:
        return selectors.receipt_of(application=application, receipt_number=receipt_number)
    except Payment.DoesNotExist:
        raise Http404 from None


@login_required
@require_GET
def received(request: HttpRequest, public_id, receipt_number: str) -> HttpResponse:
    payment = _receipt(request, public_id, receipt_number)
    return render(
        request,
        "payments/received.html",
        {
            "application": payment.application,
            "payment": payment,
            "refunds": list(payment.refunds.all()),
            "balance": selectors.balance_for(payment.application, timezone.localdate()),
            "language": _language(),
        },
    )


@login_required
@require_GET
@never_cache
def receipt_download(request: HttpRequest, public_id, receipt_number: str) -> HttpResponse:
    payment = _receipt(request, public_id, receipt_number)
    response = HttpResponse(receipt_pdf(payment), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="receipt-{payment.receipt_number}.pdf"'
    return response
