from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    # Separate accounts by kind, as the seeds require: a representative's account is
    # never a client's account, and officers are created by an administrator only.
    APPLICANT = "applicant", _("Applicant")
    REPRESENTATIVE = "representative", _("Paid representative")
    OFFICER = "officer", _("Officer")


# Roles whose accounts must use a second factor (the portal enforces it: allauth has
# no such setting).
MFA_REQUIRED_ROLES = frozenset({Role.REPRESENTATIVE, Role.OFFICER})


class Language(models.TextChoices):
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")


class OfficerRole(models.TextChoices):
    """An officer's roles, each a Django group of the same name (created by migration 0003)."""

    SCREENING_OFFICER = "screening_officer", _("Screening officer")
    DECISION_MAKER = "decision_maker", _("Decision-maker")
    SUPERVISOR = "supervisor", _("Supervisor")
    ADMINISTRATOR = "administrator", _("Administrator")


class MembershipBody(models.TextChoices):
    """Bodies whose members may be paid representatives (IRPA s. 91(2); IRPR 10(2)(c.1))."""

    CICC = "cicc", _("College of Immigration and Citizenship Consultants")
    LS_AB = "ls_ab", _("Law Society of Alberta")
    LS_BC = "ls_bc", _("Law Society of British Columbia")
    LS_MB = "ls_mb", _("Law Society of Manitoba")
    LS_NB = "ls_nb", _("Law Society of New Brunswick")
    LS_NL = "ls_nl", _("Law Society of Newfoundland and Labrador")
    LS_NS = "ls_ns", _("Nova Scotia Barristers' Society")
    LS_NT = "ls_nt", _("Law Society of the Northwest Territories")
    LS_NU = "ls_nu", _("Law Society of Nunavut")
    LS_ON = "ls_on", _("Law Society of Ontario")
    LS_PE = "ls_pe", _("Law Society of Prince Edward Island")
    LS_QC = "ls_qc", _("Barreau du Québec")
    LS_SK = "ls_sk", _("Law Society of Saskatchewan")
    LS_YT = "ls_yt", _("Law Society of Yukon")
    CNQ = "cnq", _("Chambre des notaires du Québec")


class IdentityDocumentType(models.TextChoices):
    PASSPORT = "passport", _("Passport")
    DRIVERS_LICENCE = "drivers_licence", _("Driver's licence")
    PR_CARD = "pr_card", _("Permanent resident card")


class RepresentativeStatus(models.TextChoices):
    PENDING = "pending", _("Pending verification")
    VERIFIED = "verified", _("Verified")
    REFUSED = "refused", _("Refused")


class AuditKind(models.TextChoices):
    SIGNED_UP = "signed_up", _("Signed up")
    EMAIL_VERIFIED = "email_verified", _("E-mail address verified")
    LOGIN = "login", _("Signed in")
    LOGIN_FAILED = "login_failed", _("Failed sign-in")
    LOCKOUT = "lockout", _("Temporarily locked out")
    LOGOUT = "logout", _("Signed out")
    SESSION_TIMEOUT = "session_timeout", _("Signed out by timeout")
    SESSION_ENDED = "session_ended", _("Session ended")
    MFA_ENABLED = "mfa_enabled", _("Authenticator app activated")
    MFA_DISABLED = "mfa_disabled", _("Authenticator app deactivated")
    RECOVERY_CODES = "recovery_codes", _("Recovery codes generated")
    MFA_FAILED = "mfa_failed", _("Wrong authentication code")
    PASSWORD_CHANGED = "password_changed", _("Password changed")
    PASSWORD_RESET = "password_reset", _("Password reset")
    PASSWORD_SET = "password_set", _("Password set")
    LANGUAGE_CHANGED = "language_changed", _("Preferred language changed")
    OFFICER_CREATED = "officer_created", _("Officer account created")
    ROLE_CHANGED = "role_changed", _("Roles changed")
    REPRESENTATIVE_REGISTERED = "representative_registered", _("Representative registered")
    REPRESENTATIVE_VERIFIED = "representative_verified", _("Representative verified")
    REPRESENTATIVE_REFUSED = "representative_refused", _("Representative refused")
    IDENTITY_DOCUMENT_VIEWED = "identity_document_viewed", _("Representative's identity document opened")
    ACCOUNT_ACTIVATED = "account_activated", _("Account reactivated")
    ACCOUNT_DEACTIVATED = "account_deactivated", _("Account deactivated")


# Sign-in events shown to the person on their account page.
SIGN_IN_HISTORY_KINDS = (
    AuditKind.LOGIN,
    AuditKind.LOGIN_FAILED,
    AuditKind.LOCKOUT,
    AuditKind.LOGOUT,
    AuditKind.SESSION_TIMEOUT,
    AuditKind.SESSION_ENDED,
)
