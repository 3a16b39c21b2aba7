from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Queue(models.TextChoices):
    """The officers' work queues, in the order a file moves through them."""

    SCREENING = "screening", _("New submissions to screen")
    AWAITING_PROCESSING = "awaiting_processing", _("Accepted, processing not started")
    AWAITING_RESPONSE = "awaiting_response", _("Awaiting the applicant's response")
    OVERDUE = "overdue", _("Overdue responses")
    READY_FOR_DECISION = "ready_for_decision", _("Ready for decision")
    QUALITY_ASSURANCE = "quality_assurance", _("Selected for quality assurance")


class FindingSource(models.TextChoices):
    RULES = "rules", _("Found by the rules")
    OFFICER = "officer", _("Added by an officer")


class Verdict(models.TextChoices):
    PENDING = "pending", pgettext_lazy("finding verdict", "To review")
    CONFIRMED = "confirmed", pgettext_lazy("finding verdict", "Confirmed")
    OVERRIDDEN = "overridden", pgettext_lazy("finding verdict", "Overridden")


class ScreeningOutcome(models.TextChoices):
    RETURNED = "returned", pgettext_lazy("screening outcome", "Returned (IRPR 12)")
    ACCEPTED = "accepted", pgettext_lazy("screening outcome", "Accepted for processing")


class LetterKind(models.TextChoices):
    RETURN = "return", _("Return of an incomplete application")
    ACKNOWLEDGEMENT = "acknowledgement", _("Acknowledgement of receipt")
    QUALITY_ASSURANCE = "quality_assurance", _("Selection for quality assurance")
    REQUEST = "request", _("Request for documents or information")
    BIOMETRICS = "biometrics", _("Biometric instruction letter")
    MEDICAL = "medical", _("Medical exam instructions")
    INTERVIEW = "interview", _("Interview notice")
    APPROVAL = "approval", _("Decision: approved")
    REFUSAL = "refusal", _("Decision: refused")
    WITHDRAWAL = "withdrawal", _("Withdrawal of the application")


class RequestState(models.TextChoices):
    OPEN = "open", pgettext_lazy("request state", "Waiting for your answer")
    ANSWERED = "answered", pgettext_lazy("request state", "Answered")


class InterviewMode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    VIDEO = "video", _("By video")


class InterviewPurpose(models.TextChoices):
    PROCESSING = "processing", _("Processing interview")
    QUALITY_ASSURANCE = "quality_assurance", _("Quality assurance interview")


class InterviewOutcome(models.TextChoices):
    ATTENDED = "attended", _("Attended")
    DID_NOT_ATTEND = "did_not_attend", _("Did not attend")


class DecisionOutcome(models.TextChoices):
    APPROVED = "approved", pgettext_lazy("decision", "Approved")
    REFUSED = "refused", pgettext_lazy("decision", "Refused")
    WITHDRAWN = "withdrawn", pgettext_lazy("decision", "Withdrawn")


class CardDelivery(models.TextChoices):
    # PRC-99a: the card is mailed, or IRCC says where and when to pick it up.
    MAIL = "mail", _("Card mailed to the applicant")
    PICK_UP = "pick_up", _("Card picked up in person")


class EventKind(models.TextChoices):
    SCREENED = "screened", _("Screened by the rules")
    FINDING_ADDED = "finding_added", _("Missing item added")
    FINDING_CONFIRMED = "finding_confirmed", _("Finding confirmed")
    FINDING_OVERRIDDEN = "finding_overridden", _("Finding overridden")
    RETURNED = "returned", _("Returned as incomplete")
    ACCEPTED = "accepted", _("Accepted; acknowledgement of receipt sent")
    QA_SELECTED = "qa_selected", _("Selected at random for quality assurance")
    REQUEST_SENT = "request_sent", _("Request sent")
    REQUEST_ANSWERED = "request_answered", _("Request answered")
    REQUEST_REMINDED = "request_reminded", _("Reminder sent")
    REQUEST_OVERDUE = "request_overdue", _("Request overdue")
    BIOMETRICS_INSTRUCTED = "biometrics_instructed", _("Biometric instruction letter sent")
    BIOMETRICS_COLLECTED = "biometrics_collected", _("Biometrics collected")
    MEDICAL_INSTRUCTED = "medical_instructed", _("Medical instructions sent")
    MEDICAL_RESULT = "medical_result", _("Medical result received")
    INTERVIEW_SCHEDULED = "interview_scheduled", _("Interview scheduled")
    INTERVIEW_OUTCOME = "interview_outcome", _("Interview outcome recorded")
    PROCESSING_STARTED = "processing_started", _("Processing started")
    DECIDED = "decided", _("Decision made")
    NOTE_ADDED = "note_added", _("Internal note added")


class AccessKind(models.TextChoices):
    FILE_OPENED = "file_opened", _("Opened the file")
    DOCUMENT_VIEWED = "document_viewed", _("Viewed a document")
    REQUEST_FILE_VIEWED = "request_file_viewed", _("Viewed a file sent in answer to a request")
    LETTER_VIEWED = "letter_viewed", _("Viewed a letter")
