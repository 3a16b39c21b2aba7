from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Queue(models.TextChoices):
    """The officers' work queues, in the order a file moves through them."""

    SCREENING = "screening", _("New submissions to screen")
    AWAITING_PROCESSING = "awaiting_processing", _("Accepted, processing not started")
    SPONSOR_TO_ASSESS = "sponsor_to_assess", _("Sponsors to assess first")
    AWAITING_RESPONSE = "awaiting_response", _("Awaiting the applicant's response")
    OVERDUE = "overdue", _("Overdue responses")
    WAITING_FOR_QUEBEC_OR_POLICE = "waiting_quebec_police", _("Waiting for Quebec or a police certificate")
    READY_FOR_DECISION = "ready_for_decision", _("Ready for decision")
    QUALITY_ASSURANCE = "quality_assurance", _("Selected for quality assurance")
    # Not a stage: any file with a message or a document received after submission that no
    # officer has opened yet (``casework.conversation``).
    UNREAD = "unread", _("Unread messages")


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
    REQUEST_REMINDER = "request_reminder", _("Reminder: request for documents or information")
    REQUEST_OVERDUE = "request_overdue", _("Deadline passed: request for documents or information")
    BIOMETRICS = "biometrics", _("Biometric instruction letter")
    MEDICAL = "medical", _("Medical exam instructions")
    INTERVIEW = "interview", _("Interview notice")
    APPROVAL = "approval", _("Decision: approved")
    REFUSAL = "refusal", _("Decision: refused")
    WITHDRAWAL = "withdrawal", _("Withdrawal of the application")
    QUEBEC_UNDERTAKING = "quebec_undertaking", _("Federal approval: Quebec undertaking requested")
    SPONSOR_ASSESSMENT = "sponsor_assessment", _("Assessment of the sponsor")
    ETA_CANCELLATION = "eta_cancellation", _("Cancellation of an electronic travel authorization")


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
    FILE_NOTE_ADDED = "file_note_added", _("Note added to the file")
    LETTER_MAILED = "letter_mailed", _("Letter recorded as mailed")
    QUEBEC_REQUESTED = "quebec_requested", _("Federal approval; Quebec undertaking requested")
    QUEBEC_DECIDED = "quebec_decided", _("Quebec's decision on the undertaking recorded")
    POLICE_REQUESTED = "police_requested", _("Police certificate requested")
    POLICE_RECEIVED = "police_received", _("Police certificate received")
    ETA_ISSUED = "eta_issued", _("eTA issued")
    ETA_REFERRED = "eta_referred", _("eTA application referred to an officer")
    ETA_CANCELLED = "eta_cancelled", _("eTA cancelled")
    PERMANENT_RESIDENCE = "permanent_residence", _("Day of permanent residence recorded")
    MESSAGE_RECEIVED = "message_received", _("Message received from the applicant's side")
    MESSAGE_SENT = "message_sent", _("Message sent to the applicant")
    LATE_DOCUMENT_RECEIVED = "late_document_received", _("Document received after submission")
    POLICE_EXPLANATION_ACCEPTED = (
        "police_explanation",
        _("Letter of explanation accepted for a police certificate"),
    )


class AccessKind(models.TextChoices):
    FILE_OPENED = "file_opened", _("Opened the file")
    DOCUMENT_VIEWED = "document_viewed", _("Viewed a document")
    REQUEST_FILE_VIEWED = "request_file_viewed", _("Viewed a file sent in answer to a request")
    LETTER_VIEWED = "letter_viewed", _("Viewed a letter")
    MESSAGE_FILE_VIEWED = "message_file_viewed", _("Viewed a file attached to a message")
    LATE_DOCUMENT_VIEWED = "late_document_viewed", _("Viewed a document received after submission")


class PersonOutcome(models.TextChoices):
    """One person's outcome in a sponsorship decision (``rules.sponsorship.decisions``)."""

    APPROVED = "approved", pgettext_lazy("person outcome", "Approved: permanent residence")
    REFUSED = "refused", pgettext_lazy("person outcome", "Refused")
    EXAMINED_ONLY = (
        "examined_only",
        pgettext_lazy("person outcome", "Examined only: does not accompany, not made a permanent resident"),
    )


class PoliceCertificateState(models.TextChoices):
    """Where one required police certificate stands (``rules.sponsorship.decisions.CertificateState``)."""

    PROVIDED = "provided", pgettext_lazy("police certificate", "Provided with the application")
    EXPLANATION_GIVEN = (
        "explanation_given",
        pgettext_lazy("police certificate", "Letter of explanation given, to assess"),
    )
    NOT_PROVIDED = "not_provided", pgettext_lazy("police certificate", "Not provided")
    REQUESTED = "requested", pgettext_lazy("police certificate", "Requested")
    RECEIVED = "received", pgettext_lazy("police certificate", "Received")
    EXPLANATION_ACCEPTED = (
        "explanation_accepted",
        pgettext_lazy("police certificate", "Letter of explanation accepted"),
    )


class EtaCancellationGround(models.TextChoices):
    """Why an officer cancels an eTA (IRPR 12.07): inadmissibility, or an event of 12.06 after issuance."""

    INADMISSIBLE = "inadmissible", _("The holder is inadmissible")
    DECLARATION_22_1 = "declaration_22_1", _("A declaration under subsection 22.1(1) of the Act")
    TEMPORARY_RESIDENT_PERMIT_ISSUED = "temporary_resident_permit_issued", _("A temporary resident permit was issued")
    REPORT_44_1 = "report_44_1", _("A report under subsection 44(1) of the Act")
    REMOVAL_ORDER = "removal_order", _("A removal order")
    WITHDREW_APPLICATION_TO_ENTER = "withdrew_application_to_enter", _("The holder withdrew their application to enter Canada")
    TRV_REFUSED_179_B = "trv_refused_179_b", _("A temporary resident visa was refused")
    WORK_PERMIT_REFUSED_200_1_B = "work_permit_refused_200_1_b", _("A work permit was refused")
    STUDY_PERMIT_REFUSED_216_1_B = "study_permit_refused_216_1_b", _("A study permit was refused")
    CONDITIONS_7_01_2_NOT_MET = "conditions_7_01_2_not_met", _("The conditions for the eTA were not met when applying")


class MessageSender(models.TextChoices):
    """Who wrote a message about a file: the applicant's side (the account holder or their
    paid representative) or the office (an officer; never named to the applicant)."""

    APPLICANT = "applicant", pgettext_lazy("message sender", "The applicant")
    REPRESENTATIVE = "representative", pgettext_lazy("message sender", "The representative")
    OFFICE = "office", pgettext_lazy("message sender", "The office")
