"""Supervisors (and administrators) read who opened which file: the casework access log."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ("supervisor", "administrator")
PERMISSION = ("casework", "view_file_access")


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations ran; make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    app_label, codename = PERMISSION
    permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
    for name in GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    app_label, codename = PERMISSION
    Permission.objects.filter(content_type__app_label=app_label, codename=codename).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("casework", "0001_initial"),
        ("accounts", "0003_officer_role_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
