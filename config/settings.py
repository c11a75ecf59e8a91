"""Roundtable settings, read from environment variables (see .env.example)."""

from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from .env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = env_str("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set DJANGO_SECRET_KEY: it is required when DJANGO_DEBUG is off.")
    SECRET_KEY = "insecure-local-development-key-only-for-debug-mode-0123456789"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_htmx",
    "template_partials",
    "csp",
    "simple_history",
    "partnerships",
    "meetings",
    "themes",
    "taskgroups",
    "reporting",
    "rest_framework",
    "drf_spectacular",
    "reporting.api",
]

MIDDLEWARE = [
    # First, so the container's health checks are answered before the host check and the HTTPS redirect.
    "config.health.HealthCheckMiddleware",
    "partnerships.fragments.GenerationsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "partnerships.request_limits.RequestBodyLimitMiddleware",
    "partnerships.request_limits.QueryNulMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "partnerships.middleware.MfaRequiredMiddleware",
    "partnerships.middleware.UndeclaredMethodsAreReadOnlyMiddleware",
    "partnerships.middleware.PrivatePagesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "partnerships.context_processors.roundtable",
            ],
            "builtins": ["template_partials.templatetags.partials"],
        },
    }
]

# Form widgets render through the project templates, so the GOV.UK date input can be overridden.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
FORMS_URLFIELD_ASSUME_HTTPS = True

DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
# Health checks on reused connections: after a database restart the next request reconnects, not fails.
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL, conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60), conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web process read while a worker writes a report.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    # A Redis outage must not stop logins (allauth's rate limits), pages or charts: the fallback backend
    # serves from local memory while Redis is away and tries it again every few seconds. A wrapper of our
    # own, rather than django-redis's IGNORE_EXCEPTIONS, because ignoring errors would silently turn the
    # login rate limit off during the outage; local memory keeps it working per process.
    CACHES = {
        "default": {
            "BACKEND": "config.cache.FallbackRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Celery. Jobs are crash-safe: a message is acknowledged only when its task ends (acks late), and given
# back to the queue if the worker process dies under it (reject on worker lost). Each job row is its own
# lease, so a message delivered twice never does the work twice (partnerships/jobs.py).
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# The longest job, the council-wide review of a large council, lays out in well under a minute; the
# soft limit stops it with its reason, the hard one kills a stuck PDF engine.
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 300)
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 360)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    # Redis gives an unacknowledged message to another worker after this long. It must outlast the
    # longest job (the hard limit plus retries' backoff), or a running job would be delivered twice.
    "visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 900),
    # A request that asks for work must not hang on an unreachable broker: the job row waits instead.
    "socket_connect_timeout": 2,
    "socket_timeout": 10,
    # Publishing tries the broker once; the worker's own reconnection follows broker_connection_retry.
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "Europe/London"
# The job platform: how often the sweep runs, how long a silent worker is trusted, how often it may stop.
JOBS_SWEEP_SECONDS = env_int("JOBS_SWEEP_SECONDS", 30)
# Every scheduled job is here rather than beside its task, so the scheduler has them without importing any app.
CELERY_BEAT_SCHEDULE: dict = {
    # A sweep that waited behind long jobs past the next one is dropped, so they never pile up.
    "jobs-sweep": {
        "task": "partnerships.tasks.sweep_jobs",
        "schedule": JOBS_SWEEP_SECONDS,
        "options": {"expires": JOBS_SWEEP_SECONDS * 2},
    },
    "taskgroups-reminders": {"task": "taskgroups.tasks.queue_reminders", "schedule": crontab(hour=7, minute=0)},
    "theme-report-reminders": {
        "task": "themes.tasks.send_theme_report_reminders",
        "schedule": crontab(hour=7, minute=30),
    },
    # Subscribers hear of new agendas and approved minutes within a quarter of an hour.
    "meeting-alerts": {"task": "meetings.tasks.queue_alerts", "schedule": 15 * 60},
}
# A change to a published meeting's papers or agenda rebuilds its packs after this many quiet seconds.
PACK_REBUILD_QUIET_SECONDS = env_int("PACK_REBUILD_QUIET_SECONDS", 30)
JOBS_HEARTBEAT_SECONDS = env_int("JOBS_HEARTBEAT_SECONDS", 15)
JOBS_STALE_AFTER_SECONDS = env_int("JOBS_STALE_AFTER_SECONDS", 90)
JOBS_MAX_STALLS = env_int("JOBS_MAX_STALLS", 3)
JOBS_LOST_AFTER_SECONDS = env_int("JOBS_LOST_AFTER_SECONDS", CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"])
# The readiness check calls a worker or the scheduler late after this long without a heartbeat.
HEALTH_HEARTBEAT_LATE_SECONDS = env_int("HEALTH_HEARTBEAT_LATE_SECONDS", 3 * JOBS_SWEEP_SECONDS)

# Argon2id, tuned so a sign-in costs about 70 ms here (partnerships/hashers.py); older hashes still verify.
PASSWORD_HASHERS = [
    "partnerships.hashers.RoundtableArgon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Django's and allauth's, keeping the signed-in login in the cache between visits.
AUTHENTICATION_BACKENDS = [
    "partnerships.auth_backends.ModelBackend",
    "partnerships.auth_backends.AuthenticationBackend",
]

ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = env_str("ACCOUNT_EMAIL_VERIFICATION", "optional")
ACCOUNT_UNIQUE_EMAIL = True
# Logins are given by administrators: the register decides who may see what.
ACCOUNT_ALLOW_SIGNUPS = env_bool("ACCOUNT_ALLOW_SIGNUPS", False)
ACCOUNT_ADAPTER = "partnerships.adapters.AccountAdapter"
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_FORMS = {
    "login": "partnerships.account_forms.LoginForm",
    "reset_password": "partnerships.account_forms.ResetPasswordForm",
    "reset_password_from_key": "partnerships.account_forms.ResetPasswordKeyForm",
    "change_password": "partnerships.account_forms.ChangePasswordForm",
    "set_password": "partnerships.account_forms.SetPasswordForm",
}
# A second factor: an authenticator app or a passkey, with recovery codes for a lost device.
MFA_SUPPORTED_TYPES = ["totp", "webauthn", "recovery_codes"]
MFA_TOTP_ISSUER = env_str("MFA_TOTP_ISSUER", "Roundtable")
MFA_PASSKEY_LOGIN_ENABLED = False
# Passkeys need https, except on this machine while trying the product out.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG
# Sign-in throttling: allauth's limits, counted in the shared cache or, if it fails, in each process.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "reset_password": "20/m/ip,5/m/key",
}
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
# Administrators, officers and clerks must set up a second factor; members may choose to.
ROUNDTABLE_REQUIRE_MFA = env_bool("ROUNDTABLE_REQUIRE_MFA", True)
# Report requests and pack builds one login may start in ten minutes: each costs the server seconds.
ROUNDTABLE_EXPENSIVE_ACTIONS_PER_10_MINUTES = env_int("ROUNDTABLE_EXPENSIVE_ACTIONS_PER_10_MINUTES", 10)
# Who runs this service, for the contact page, the privacy notice and the accessibility statement.
ROUNDTABLE_SERVICE_OWNER = env_str("ROUNDTABLE_SERVICE_OWNER", "The partnerships team")
ROUNDTABLE_CONTACT_EMAIL = env_str("ROUNDTABLE_CONTACT_EMAIL", "partnerships@roundtable.example")
ROUNDTABLE_CONTACT_PHONE = env_str("ROUNDTABLE_CONTACT_PHONE", "")

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = False
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j M Y"

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("DJANGO_STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(env_str("DJANGO_MEDIA_ROOT", str(BASE_DIR / "media")))
# Media is never served from a public URL: every file goes through a view that checks access.
MEDIA_URL = "/private-media-not-served/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 30 * 1024 * 1024
# The largest request body accepted, judged from Content-Length before it is read: a 25 MB paper and its form.
# Keep the proxy's limit (nginx client_max_body_size) at or above it so the message comes from here.
REQUEST_BODY_MAX_BYTES = env_int("REQUEST_BODY_MAX_BYTES", 26 * 1024 * 1024)

EMAIL_BACKEND = env_str("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Roundtable <roundtable@localhost>")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")

# The read-only API: JSON only, a personal token or the browser's session, documented as OpenAPI 3.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "reporting.api.auth.PersonalTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "reporting.api.pagination.Pages",
    "PAGE_SIZE": 50,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Roundtable open data API",
    "DESCRIPTION": "Read-only access to the register of partnerships, their members, meetings and decisions.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "PartnershipKindEnum": "partnerships.models.Partnership.Kind",
        "MeetingKindEnum": "meetings.models.Meeting.Kind",
        "AgendaItemKindEnum": "meetings.models.AgendaItem.Kind",
        "IndicatorKindEnum": "themes.models.Indicator.Kind",
        "ReportKindEnum": "reporting.models.Kind",
        "MeetingStatusEnum": "meetings.models.Meeting.Status",
        "AttendanceStatusEnum": "meetings.models.Attendance.Status",
        "ActionStatusEnum": "meetings.models.Action.Status",
        "ThemeStatusEnum": "themes.models.Theme.Status",
    },
}

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        # The PDF viewer reads papers in a worker of its own.
        "worker-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Sessions are read from the cache and kept in the database: a signed-in page costs no session query, and
# a session outlives a cache restart. The cache drops what changed while it was away (config/cache.py).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_COOKIE_HTTPONLY = True
# Scripts never read the CSRF cookie: htmx sends the token from hx-headers on <body>.
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "INFO")},
    # The PDF engine narrates every step at INFO; only its warnings matter.
    "loggers": {name: {"level": "WARNING"} for name in ("weasyprint", "fontTools")},
}
