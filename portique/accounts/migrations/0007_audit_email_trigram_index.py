"""The audit log searched by a part of an address, through a trigram index (PostgreSQL only).

``subject_email__icontains`` is ``UPPER(subject_email) LIKE UPPER('%part%')``: no B-tree can
answer a pattern that starts with a wildcard, so at a million events it read the whole log
(about 200 ms, issue 19). A GIN index of the trigrams of ``UPPER(subject_email)`` (the same
expression as the query's, so the planner can use it) answers any part of three characters or
more. ``pg_trgm`` ships with PostgreSQL (Debian's ``postgresql`` package) and is a trusted
extension: the owner of the database may create it.

SQLite has no such index and keeps reading the log, which is fine at its sizes. The index is
therefore made here on PostgreSQL only, not declared on the model, where Django would try to
create it on every database.
"""

from django.db import migrations

INDEX = "accounts_audit_email_trgm"


def _create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f'CREATE INDEX IF NOT EXISTS "{INDEX}" ON "accounts_auditevent" '
        'USING gin ((UPPER("subject_email"::text)) gin_trgm_ops)'
    )


def _drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # The extension stays: other databases' objects may use it, and it costs nothing idle.
    schema_editor.execute(f'DROP INDEX IF EXISTS "{INDEX}"')


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0006_audit_email_index"),
    ]

    operations = [
        migrations.RunPython(_create, _drop, elidable=False),
    ]
