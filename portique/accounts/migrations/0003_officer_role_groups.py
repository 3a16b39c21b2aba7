"""Officers' roles as Django groups, with the permissions each one needs."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# Least privilege: each role gets only what its work needs.
ROLE_PERMISSIONS = {
    "screening_officer": ["accounts.screen_application"],
    "decision_maker": ["accounts.decide_application"],
    "supervisor": ["accounts.screen_application", "accounts.decide_application", "accounts.verify_representative"],
    "administrator": [
        "accounts.manage_officers",
        "accounts.view_audit",
        "accounts.verify_representative",
        "accounts.view_user",
        "accounts.add_user",
        "accounts.change_user",
        "accounts.view_auditevent",
        "accounts.view_representativeprofile",
        "auth.view_group",
    ],
}


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations ran; make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codes in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = []
        for code in codes:
            app_label, codename = code.split(".")
            permissions.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
        group.permissions.set(permissions)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLE_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_representative_profile_audit"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
