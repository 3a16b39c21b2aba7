import pytest
from hypothesis import settings

# Tests do not time things (benchmarks in bench/ do): Hypothesis's per-example deadline
# failed a property test when the machine was busy, so it is off for the whole suite.
settings.register_profile("portique", deadline=None)
settings.load_profile("portique")

PASSWORD = "correct horse battery staple 42"


@pytest.fixture(autouse=True)
def _cache_starts_empty():
    # The test cache (locmem) lives as long as the process: what one test leaves there (the
    # officers' queue counts, kept for a minute; rate limits) must not be another's answer.
    from django.core.cache import cache

    cache.clear()
    yield


def _user(email: str, role: str, **extra):
    # Imported here, not at the top: the rules tests run without Django at all.
    from allauth.account.models import EmailAddress

    from portique.accounts.models import User

    user = User.objects.create_user(email=email, password=PASSWORD, role=role, **extra)
    EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
    return user


def enrol_totp(user) -> str:
    """Give the user an authenticator app, as they would at first sign-in; returns its secret."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def _representative_profile(user, status="verified"):
    from django.core.files.base import ContentFile

    from portique.accounts.models import RepresentativeProfile

    profile = RepresentativeProfile(
        user=user,
        address_line="100 rue Principale",
        city="Gatineau",
        province="QC",
        postal_code="J8X 1A1",
        telephone="819-555-0100",
        membership_body="cicc",
        membership_number="R700001",
        id_document_type="passport",
        id_document_content_type="application/pdf",
        id_document_size=20,
        status=status,
    )
    profile.id_document.save("document.pdf", ContentFile(b"%PDF-1.4 test content"), save=False)
    profile.save()
    return profile


def ensure_officer_groups():
    """The role groups come from a data migration; a transactional test's flush removes them."""
    import importlib

    from django.apps import apps
    from django.contrib.auth.models import Group

    if Group.objects.filter(name="administrator").exists():
        return
    migration = importlib.import_module("portique.accounts.migrations.0003_officer_role_groups")
    migration.create_groups(apps, None)


def _officer(email: str, roles: list[str], **extra):
    from django.contrib.auth.models import Group

    ensure_officer_groups()
    officer = _user(email, "officer", is_staff="administrator" in roles, **extra)
    officer.groups.set(Group.objects.filter(name__in=roles))
    enrol_totp(officer)
    return officer


# Named actors, as in the style guide: each role and an outsider of each.
@pytest.fixture
def applicant(db):
    return _user("applicant@example.ca", "applicant", first_name="Alex", last_name="Tremblay")


@pytest.fixture
def other_applicant(db):
    return _user("outsider@example.ca", "applicant", first_name="Sam", last_name="Outsider")


@pytest.fixture
def representative(db):
    """A verified paid representative with an authenticator app (MFA is required for them)."""
    rep = _user("rep@example.ca", "representative", first_name="Camille", last_name="Roy")
    _representative_profile(rep)
    enrol_totp(rep)
    return rep


@pytest.fixture
def other_representative(db):
    rep = _user("other-rep@example.ca", "representative", first_name="Dominique", last_name="Autre")
    _representative_profile(rep, status="pending")
    enrol_totp(rep)
    return rep


@pytest.fixture
def officer(db):
    """A screening officer with an authenticator app."""
    return _officer("officer@example.ca", ["screening_officer"], first_name="Jordan", last_name="Singh")


@pytest.fixture
def supervisor(db):
    return _officer("supervisor@example.ca", ["supervisor"], first_name="Morgan", last_name="Lee")


@pytest.fixture
def administrator(db):
    return _officer("admin@example.ca", ["administrator"], first_name="Robin", last_name="Gagnon")


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in English: a /fr/ request leaves French active in its thread."""
    from django.conf import settings

    if not settings.configured:  # the rules' tests also run without Django (-p no:django)
        yield
        return
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")
