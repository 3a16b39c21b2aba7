import pytest

from tests.conftest import _officer

from .factories import submitted_application


def ensure_access_log_permission():
    """The access-log permission comes from a data migration; a transactional test's flush removes it."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module("portique.casework.migrations.0002_access_log_permission")
    migration.grant(apps, None)


@pytest.fixture
def decision_maker(db):
    return _officer("decider@example.ca", ["decision_maker"], first_name="Dana", last_name="Decider")


@pytest.fixture
def supervisor(db):
    officer = _officer("supervisor@example.ca", ["supervisor"], first_name="Morgan", last_name="Lee")
    ensure_access_log_permission()
    return officer


@pytest.fixture
def submitted(applicant):
    return submitted_application(applicant)


@pytest.fixture
def their_submitted(other_applicant):
    return submitted_application(other_applicant, answers=None)
