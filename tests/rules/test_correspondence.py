"""Where correspondence goes, and what a PR card applicant receives."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from portique.rules.correspondence import (
    CorrespondenceChannel,
    LinkedAccount,
    Notice,
    PrCardEvent,
    Recipient,
    Representative,
    pr_card_notices,
    route_correspondence,
)


def codes(result) -> list[str]:
    return [r.code for r in result.reasons]


def test_AS_133_linked_account_then_email_then_mail():
    linked = route_correspondence(
        linked_account=LinkedAccount.APPLICANT, representative=Representative.NONE, applicant_email="a@b.ca"
    )
    assert (linked.recipient, linked.channel) == (Recipient.APPLICANT, CorrespondenceChannel.ONLINE_ACCOUNT)
    assert codes(linked) == ["CORRESPONDENCE_TO_ONLINE_ACCOUNT"]
    email = route_correspondence(linked_account=LinkedAccount.NONE, representative=Representative.NONE, applicant_email="a@b.ca")
    assert email.channel is CorrespondenceChannel.EMAIL
    mail = route_correspondence(linked_account=LinkedAccount.NONE, representative=Representative.NONE)
    assert mail.channel is CorrespondenceChannel.MAIL
    assert "most recent mailing address" in mail.reasons[-1].en
    assert "adresse postale la plus récente" in mail.reasons[-1].fr


def test_paid_representative_receives_everything_in_their_linked_account():
    routing = route_correspondence(
        linked_account=LinkedAccount.REPRESENTATIVE, representative=Representative.PAID, applicant_email="a@b.ca"
    )
    assert (routing.recipient, routing.channel) == (Recipient.REPRESENTATIVE, CorrespondenceChannel.ONLINE_ACCOUNT)
    assert codes(routing) == ["REPRESENTATIVE_RECEIVES_ALL_CORRESPONDENCE", "CORRESPONDENCE_TO_ONLINE_ACCOUNT"]


def test_representative_without_link_uses_their_email_not_the_applicants():
    with_rep_email = route_correspondence(
        linked_account=LinkedAccount.NONE,
        representative=Representative.UNPAID,
        applicant_email="a@b.ca",
        representative_email="rep@cabinet.ca",
    )
    assert (with_rep_email.recipient, with_rep_email.channel) == (Recipient.REPRESENTATIVE, CorrespondenceChannel.EMAIL)
    no_rep_email = route_correspondence(
        linked_account=LinkedAccount.NONE, representative=Representative.UNPAID, applicant_email="a@b.ca"
    )
    assert (no_rep_email.recipient, no_rep_email.channel) == (Recipient.REPRESENTATIVE, CorrespondenceChannel.MAIL)


def test_sponsor_authorized_as_representative_receives_all_correspondence():
    routing = route_correspondence(
        linked_account=LinkedAccount.NONE, representative=Representative.SPONSOR, representative_email="sponsor@x.ca"
    )
    assert (routing.recipient, routing.channel) == (Recipient.SPONSOR, CorrespondenceChannel.EMAIL)
    assert codes(routing)[0] == "SPONSOR_RECEIVES_ALL_CORRESPONDENCE"


def test_personal_link_while_represented_is_not_used():
    routing = route_correspondence(
        linked_account=LinkedAccount.APPLICANT, representative=Representative.PAID, representative_email="rep@cabinet.ca"
    )
    assert routing.channel is CorrespondenceChannel.EMAIL
    assert "PERSONAL_LINK_WHILE_REPRESENTED" in codes(routing)


@pytest.mark.parametrize("representative", [Representative.UNPAID, Representative.SPONSOR, Representative.NONE])
def test_only_a_paid_representative_link_counts(representative):
    routing = route_correspondence(linked_account=LinkedAccount.REPRESENTATIVE, representative=representative)
    assert routing.channel is CorrespondenceChannel.MAIL
    assert "REPRESENTATIVE_LINK_NOT_ALLOWED" in codes(routing)


def test_an_unreadable_email_is_not_used():
    routing = route_correspondence(linked_account=LinkedAccount.NONE, representative=Representative.NONE, applicant_email="a@b")
    assert routing.channel is CorrespondenceChannel.MAIL
    assert codes(routing) == ["EMAIL_NOT_USABLE", "CORRESPONDENCE_BY_MAIL"]


@given(
    linked=st.sampled_from(list(LinkedAccount)),
    representative=st.sampled_from(list(Representative)),
    applicant_email=st.sampled_from([None, "a@b.ca"]),
    representative_email=st.sampled_from([None, "r@b.ca"]),
)
def test_a_represented_applicant_never_receives_correspondence_directly(linked, representative, applicant_email, representative_email):
    routing = route_correspondence(
        linked_account=linked,
        representative=representative,
        applicant_email=applicant_email,
        representative_email=representative_email,
    )
    assert (routing.recipient is Recipient.APPLICANT) is (representative is Representative.NONE)
    if routing.channel is CorrespondenceChannel.ONLINE_ACCOUNT:
        assert (linked, representative) in {
            (LinkedAccount.APPLICANT, Representative.NONE),
            (LinkedAccount.REPRESENTATIVE, Representative.PAID),
        }


def test_AS_134_complete_online_pr_card_application_gets_aor_by_email_then_card_or_pick_up():
    result = pr_card_notices(event=PrCardEvent.COMPLETE_AND_ELIGIBLE, valid_email_given=True)
    assert result.notices == (Notice.ACKNOWLEDGEMENT_OF_RECEIPT_BY_EMAIL, Notice.CARD_BY_MAIL_OR_PICK_UP_NOTICE)
    assert codes(result) == ["ACKNOWLEDGEMENT_BY_EMAIL", "CARD_MAILED_OR_PICK_UP"]
    assert "old card" in result.reasons[1].en and "originals" in result.reasons[1].en
    without_email = pr_card_notices(event=PrCardEvent.COMPLETE_AND_ELIGIBLE, valid_email_given=False)
    assert without_email.notices == (Notice.CARD_BY_MAIL_OR_PICK_UP_NOTICE,)


@pytest.mark.parametrize(
    ("event", "notice", "code"),
    [
        (PrCardEvent.WITHDRAWN, Notice.WITHDRAWAL_LETTER_WITH_REASONS, "WITHDRAWAL_LETTER"),
        (PrCardEvent.REFUSED, Notice.REFUSAL_LETTER_WITH_REASONS, "REFUSAL_LETTER"),
        (PrCardEvent.INCOMPLETE, Notice.APPLICATION_RETURNED, "INCOMPLETE_APPLICATION_RETURNED"),
    ],
)
def test_AS_134_withdrawn_refused_and_incomplete_letters(event, notice, code):
    result = pr_card_notices(event=event, valid_email_given=True)
    assert result.notices == (notice,)
    assert codes(result) == [code]


def test_AS_135_quality_assurance_selection_is_notified_in_writing_with_an_interview():
    result = pr_card_notices(event=PrCardEvent.SELECTED_FOR_QUALITY_ASSURANCE, valid_email_given=False)
    assert result.notices == (Notice.QUALITY_ASSURANCE_WRITTEN_NOTICE, Notice.QUALITY_ASSURANCE_INTERVIEW)
    assert result.reasons[0].code == "QUALITY_ASSURANCE_INTERVIEW"
    assert "in writing" in result.reasons[0].en and "par écrit" in result.reasons[0].fr
