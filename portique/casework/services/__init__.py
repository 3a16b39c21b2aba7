"""The only writers of casework: screening, return or acknowledgement, requests,
biometrics, medical exams, interviews, quality assurance, decisions, notes and the
access log.

Each service checks the actor's role (``PermissionDenied`` otherwise), locks the
application row, checks the stage and the input (``CaseworkError`` with a message per
field otherwise, and nothing changed), moves the application along the lifecycle
through ``portique.applications.services.application_transition`` (the history
records who, when and why), writes its ``CaseEvent``, and sends e-mail only after
commit. Letters are rendered and stored inside the transaction; if it fails, their
files are deleted again.
"""

# The services by task; callers use ``services.<function>`` whatever module holds it.
from .common import (  # noqa: F401
    DECIDE,
    DEFAULT_QA_SHARE,
    MAX_REQUEST_FILES,
    PROCESS,
    PROCESSING,
    SCREEN,
    CaseworkError,
    application_date,
    atomic,
    decision_save,
    is_officer_with,
    issue_letter,
    locked_case,
    past_date,
    record_event,
    refund,
    refund_assessment,
    require,
    require_stage,
    required_text,
    save_with_letter,
    wrong_stage,
)
from .conversation import (  # noqa: F401
    MAX_MESSAGE_FILES,
    OPEN_FOR_LATE_DOCUMENTS,
    OTHER_DOCUMENT,
    applicant_side,
    late_document_add,
    late_document_mark_read,
    message_answer,
    message_send,
    messages_mark_read,
    submitted_items,
)
from .decisions import (  # noqa: F401
    application_decide,
    pending_work,
)
from .interviews import (  # noqa: F401
    interview_record_outcome,
    interview_schedule,
)
from .processing import (  # noqa: F401
    biometric_fee_paid,
    biometrics_instruct,
    biometrics_pending,
    biometrics_record_collected,
    medical_instruct,
    medical_record_result,
    principal,
    processing_start,
    start_processing,
)
from .records import (  # noqa: F401
    file_access_record,
    letter_record_mailed,
    note_add,
)
from .requests import (  # noqa: F401
    REMINDER_DAYS_BEFORE,
    deadline_refresh,
    request_answer,
    request_answer_received_on_paper,
    request_send,
    requests_remind,
)
from .screening import (  # noqa: F401
    application_accept,
    application_return,
    finding_add,
    finding_judge,
    screening_run,
)
from .urgency import case_urgency_set  # noqa: E402, F401
from .withdrawal import (  # noqa: F401
    WITHDRAWABLE,
    application_withdraw,
    withdrawable_by,
    withdrawal_record,
    withdrawal_refund_event,
    withdrawal_refund_preview,
)
