"""Settings, all from the environment (see the README's settings table).

Embedded defaults run the whole portal on one machine: SQLite in WAL mode under
var/, documents on the local disk under var/, e-mail written to files under var/.
The same code runs on PostgreSQL, S3-compatible storage and SMTP when the
environment says so.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("PORTIQUE_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env") if (BASE_DIR / ".env").exists() else None

DEBUG = env.bool("DEBUG", default=False)


def _secret_key() -> str:
    configured = env.str("SECRET_KEY", default="")
    if configured:
        return configured
    if not DEBUG:
        # A production process must never invent its own key: sessions and signed
        # tokens would break on every restart and differ between app servers.
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(64))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "portique.core",
    # Before allauth so that our templates (portique/accounts/templates/account/…,
    # mfa/…, allauth/…) replace allauth's own.
    "portique.accounts",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "portique.applications",
    "portique.documents",
    "portique.payments",
    "portique.casework",
    "portique.alternatives",
    "portique.representation",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "portique.core.middleware.SecurityHeadersMiddleware",
    # Before the session and everything else: a request that waited too long behind the
    # proxy is refused with 503 before any work (portique.core.overload).
    "portique.core.overload.QueueTimeMiddleware",
    # Before anything reads the body (the CSRF middleware reads the form): see body_limit.
    "portique.core.body_limit.RequestBodyLimitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Idle and absolute timeouts run before the session list records activity, so an
    # expired session is ended rather than refreshed. The session list is allauth's,
    # recorded without a database write on every request (see the middleware).
    "portique.accounts.middleware.SessionTimeoutMiddleware",
    "portique.accounts.middleware.UserSessionsMiddleware",
    "portique.accounts.middleware.RequireMFAMiddleware",
    # Last: what a view works out twice (the rules' evaluation, the fees) is reused within
    # the request, and forgotten at its first write (portique.core.request_memo).
    "portique.core.request_memo.RequestMemoMiddleware",
]

ROOT_URLCONF = "portique.urls"
WSGI_APPLICATION = "portique.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "csp.context_processors.nonce",
                "portique.core.context_processors.site",
            ],
        },
    },
]

# --- Database -----------------------------------------------------------------
DATABASES = {"default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'portique.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work while one writer commits; IMMEDIATE takes the write lock
    # at BEGIN so two writers queue on the busy timeout instead of failing with
    # "database is locked" half-way through a transaction.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
    }
else:
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# Persistent connections matter a lot for throughput behind gunicorn: on PostgreSQL, and
# on SQLite too, where each new connection also runs the PRAGMAs above (gunicorn's sync
# workers use one connection each, from one thread).
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache (rate limits and lockouts need one shared by every worker) -----------
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    # Django's Redis cache, keeping its client (portique.core.cache says why).
    CACHES = {"default": {"BACKEND": "portique.core.cache.RedisCache", "LOCATION": REDIS_URL}}
    # Each signed-in request reads its session from Redis, not from the database: the query
    # cost more CPU than the cache call (issue 19, bench/README.md). Writes still go to the
    # database, so a Redis restart signs nobody out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "portique_cache"}}

# --- Accounts -------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
# Argon2id at OWASP's minimum (19 MiB, 2 iterations, 1 lane; docs/accounts.md). Hashes
# stored with other parameters, or with PBKDF2, are re-hashed at the next sign-in.
PASSWORD_HASHERS = [
    "portique.accounts.hashers.Argon2idHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    # NIST SP 800-63B: length over composition rules, refuse common passwords, no expiry.
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # Repeats, substitutions, years, keyboard walks and spaces only (zxcvbn, score 3 or more).
    {"NAME": "portique.accounts.passwords.GuessablePasswordValidator", "OPTIONS": {"min_score": 3}},
]
AUTHENTICATION_BACKENDS = [
    # First: one password check per sign-in, failed ones included (the module says why).
    "portique.accounts.backends.AuthenticationBackend",
    # Still listed for the sessions they opened before the backend above came.
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:overview"
LOGOUT_REDIRECT_URL = "core:home"
# Password reset links (Django's token: single use, because it hashes the current
# password and last login) expire after an hour.
PASSWORD_RESET_TIMEOUT = env.int("PASSWORD_RESET_SECONDS", default=60 * 60)

# django-allauth: sign-up, e-mail verification, login, reset, MFA, session list.
ACCOUNT_ADAPTER = "portique.accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {
    "login": "portique.accounts.forms.LoginForm",
    "signup": "portique.accounts.forms.SignupForm",
    "reset_password": "portique.accounts.forms.ResetPasswordForm",
    "reset_password_from_key": "portique.accounts.forms.ResetPasswordKeyForm",
    "change_password": "portique.accounts.forms.ChangePasswordForm",
    "reauthenticate": "portique.accounts.forms.ReauthenticateForm",
}
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = env.int("EMAIL_CONFIRMATION_DAYS", default=2)
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_CONFIRM_EMAIL_ON_GET = False  # a link scanner following the link must not verify
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = True
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_SESSION_REMEMBER = False  # the session ends with the browser, and at the timeouts below
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False  # other sessions end: Django's session hash changes
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Portique – "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"
# allauth's rate limits (per address and per e-mail, on the shared cache) stay at
# their defaults except sign-up and reset (below); portique.accounts.lockout adds a
# longer lockout on top. Only the
# number of sign-ins per client address per minute (allauth's "login": "30/m/ip")
# can be raised, for a load test whose thousands of applicants all come from one
# address (bench/intake_rush.py); never raise it in production.
LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE = env.int("LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE", default=30)
# Sign-up and password reset send e-mail to whatever address is typed: besides allauth's
# per-minute limits, a per-hour limit per client address, and (reset) per address
# e-mailed, so nobody can flood an inbox or create accounts in bulk.
ACCOUNT_RATE_LIMITS = {
    "login": f"{LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE}/m/ip",
    "signup": "10/m/ip,30/h/ip",
    "reset_password": "20/m/ip,60/h/ip,5/m/key,10/h/key",
}
MFA_ADAPTER = "portique.accounts.adapter.MFAAdapter"
MFA_FORMS = {
    "authenticate": "portique.accounts.forms.MFAAuthenticateForm",
    "reauthenticate": "portique.accounts.forms.MFAReauthenticateForm",
    "activate_totp": "portique.accounts.forms.ActivateTOTPForm",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Portique"
MFA_TRUST_ENABLED = False
MFA_PASSKEY_LOGIN_ENABLED = False
USERSESSIONS_TRACK_ACTIVITY = True

# Idle timeout: a warning is shown SESSION_IDLE_WARNING_SECONDS before it.
SESSION_IDLE_SECONDS = env.int("SESSION_IDLE_SECONDS", default=20 * 60)
SESSION_IDLE_WARNING_SECONDS = env.int("SESSION_IDLE_WARNING_SECONDS", default=2 * 60)
# Lockout after repeated failed logins (on the shared cache).
LOCKOUT_ACCOUNT_FAILURES = env.int("LOCKOUT_ACCOUNT_FAILURES", default=5)
LOCKOUT_ADDRESS_FAILURES = env.int("LOCKOUT_ADDRESS_FAILURES", default=30)
LOCKOUT_WINDOW_SECONDS = env.int("LOCKOUT_WINDOW_SECONDS", default=15 * 60)
LOCKOUT_SECONDS = env.int("LOCKOUT_SECONDS", default=15 * 60)
# Representatives' identity documents.
IDENTITY_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024

# --- Internationalisation ----------------------------------------------------------
# URL prefixes are /en/ and /fr/; the page language is Canadian English or French
# (html lang="en-CA" / "fr-CA") and dates and money follow the Canadian formats in
# portique/formats/.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French"))]
LOCALE_PATHS = [BASE_DIR / "portique" / "locale"]
FORMAT_MODULE_PATH = ["portique.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env.str("TIME_ZONE", default="America/Toronto")
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# --- Static files and documents -------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # whitenoise warns about a missing folder
MEDIA_ROOT = VAR_DIR / "documents"
# Documents are never served from a public URL: MEDIA_URL is deliberately absent
# from urls.py and downloads go through views that check the actor.
MEDIA_URL = "/documents-are-not-public/"
AWS_STORAGE_BUCKET_NAME = env.str("S3_BUCKET", default="")
if AWS_STORAGE_BUCKET_NAME:
    AWS_S3_ENDPOINT_URL = env.str("S3_ENDPOINT_URL", default=None)
    AWS_S3_REGION_NAME = env.str("S3_REGION", default=None)
    AWS_ACCESS_KEY_ID = env.str("S3_ACCESS_KEY_ID", default=None)
    AWS_SECRET_ACCESS_KEY = env.str("S3_SECRET_ACCESS_KEY", default=None)
    AWS_DEFAULT_ACL = "private"
    AWS_QUERYSTRING_AUTH = True
    AWS_QUERYSTRING_EXPIRE = 60
    # MinIO-style stores reject the newer default checksums.
    AWS_S3_CLIENT_CONFIG_KWARGS = {"request_checksum_calculation": "when_required"}
    _documents_storage = {"BACKEND": "storages.backends.s3.S3Storage"}
else:
    _documents_storage = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": MEDIA_ROOT, "base_url": MEDIA_URL, "file_permissions_mode": 0o600},
    }
STORAGES = {
    "default": _documents_storage,
    "staticfiles": {
        "BACKEND": "portique.core.static_files.RememberingManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 512 * 1024  # bigger uploads stream to a temporary file
# The form fields of a request (files aside): Django refuses more with a 400.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
# The whole body of a request to a page without uploads, checked on Content-Length before
# it is read (portique.core.body_limit); the upload pages allow their files' limit and a
# little more (@body_limit).
REQUEST_BODY_MAX_BYTES = env.int("REQUEST_BODY_MAX_BYTES", default=DATA_UPLOAD_MAX_MEMORY_SIZE)
FILE_UPLOAD_HANDLERS = [
    # Stops a streamed body past its limit, before Django's handlers keep or spool it.
    "portique.core.body_limit.BodyLimitUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

# --- E-mail -----------------------------------------------------------------------
EMAIL_URL = env.str("EMAIL_URL", default="")
if EMAIL_URL:
    globals().update(env.email_url("EMAIL_URL"))
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = VAR_DIR / "mail"
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Portique <no-reply@portique.localhost>")

# --- Background work ------------------------------------------------------------------
# Written against the django-tasks backport so that Django 6's django.tasks is a
# settings change. Local default: run in-process right away.
TASKS = {
    "default": {
        "BACKEND": env.str("TASKS_BACKEND", default="django_tasks.backends.immediate.ImmediateBackend"),
    }
}

# --- Security ----------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = not DEBUG
# Absolute lifetime: enforced from the moment of sign-in by SessionTimeoutMiddleware
# (Django alone would slide it forward on every write to the session).
SESSION_COOKIE_AGE = env.int("SESSION_ABSOLUTE_SECONDS", default=12 * 60 * 60)
CSRF_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
if env.bool("BEHIND_TLS_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The client address for rate limits, lockouts and the audit log: X-Forwarded-For is
# read only through this many proxies of our own (the N-th entry from its right, see
# portique.core.client_address); 0, the default, ignores the header (REMOTE_ADDR).
# It is separate from BEHIND_TLS_PROXY: trusting the header of a node that clients can
# reach directly let a rotating X-Forwarded-For go around the per-address lockout.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
if TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured("TRUSTED_PROXY_COUNT must be 0 or more.")
# allauth reads the address through AccountAdapter.get_client_ip (the same function);
# its own setting is kept equal for anything of allauth's that reads it directly.
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# --- Overload (docs/deploy.md) -------------------------------------------------------------
# A request that waited longer than this between the proxy and a free worker (nginx's
# X-Request-Start stamp) is answered at once with 503 and Retry-After; 0 turns it off.
REQUEST_QUEUE_TIMEOUT_SECONDS = env.float("REQUEST_QUEUE_TIMEOUT_SECONDS", default=1.0)
# What the 503 page and its Retry-After header ask people (and their browsers) to wait.
OVERLOAD_RETRY_AFTER_SECONDS = env.int("OVERLOAD_RETRY_AFTER_SECONDS", default=10)

from csp.constants import NONCE, NONE, SELF  # noqa: E402

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}

# Shown in the footer as "Date modified", per the Canada.ca template rules.
DATE_MODIFIED = env.str("DATE_MODIFIED", default="2026-11-22")

# Absolute links in e-mails and letters point here.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

# The share of accepted applications drawn at random for quality assurance (PRC-99e);
# the guide gives no figure, so it is the department's to set (0.05 = 5 %).
CASEWORK_QA_SHARE = env.str("CASEWORK_QA_SHARE", default="0.05")
