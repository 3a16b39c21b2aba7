"""Each file's earliest open request deadline, worked out once from its requests
(``Application.open_request_due_on``, kept by the request services from now on)."""

from django.db import migrations

BACKFILL = """
UPDATE applications_application
SET open_request_due_on = (
    SELECT MIN(request.due_on) FROM casework_documentrequest request
    WHERE request.application_id = applications_application.id AND request.state = 'open'
)
WHERE id IN (SELECT application_id FROM casework_documentrequest WHERE state = 'open')
"""


class Migration(migrations.Migration):

    dependencies = [
        ("applications", "0014_open_request_due_on"),
        ("casework", "0017_letters_to_mail_index"),
    ]

    operations = [migrations.RunSQL(BACKFILL, reverse_sql=migrations.RunSQL.noop)]
