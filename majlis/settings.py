"""Majlis settings: everything an operator sets comes from the environment (see README)."""

from __future__ import annotations

from pathlib import Path

import django_stubs_ext
from django.utils.translation import gettext_lazy as _

from majlis.env import database_config, envbool, envint, envstr, secret_key

# Lets annotations such as ModelForm[Query] work at run time too.
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(envstr("MAJLIS_DATA_DIR", "var")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)

SECRET_KEY = secret_key(DATA_DIR)
DEBUG = envbool("MAJLIS_DEBUG", False)
HTTPS = envbool("MAJLIS_HTTPS", False)
ALLOW_PRIVATE_URLS = envbool("MAJLIS_ALLOW_PRIVATE_URLS", False)
DEMO = envbool("MAJLIS_DEMO", False)
SITE_URL = envstr("MAJLIS_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
ALLOWED_HOSTS = [h for h in envstr("MAJLIS_ALLOWED_HOSTS", "*").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in envstr("MAJLIS_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "majlis.core",
    "majlis.listening",
    "majlis.insights",
    "majlis.moderation",
    "majlis.publishing",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "majlis.urls"
WSGI_APPLICATION = "majlis.wsgi.application"

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
                "majlis.core.context.workspace_context",
                "majlis.listening.context.listening_context",
            ],
        },
    },
]

DATABASES = {"default": database_config(envstr("DATABASE_URL"), DATA_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

QUEUE_URL = envstr("MAJLIS_QUEUE_URL", "sqlite:")
QUEUE_WORKERS = envint("MAJLIS_WORKERS", 2)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("en", _("English")), ("ar", _("Arabic"))]
LANGUAGES_BIDI = ["ar"]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = envstr("MAJLIS_TIME_ZONE", "Africa/Casablanca")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
MEDIA_ROOT = DATA_DIR / "media"
STATIC_ROOT.mkdir(exist_ok=True)
# Serve straight from the app folders: the embedded profile needs no collectstatic step.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

EMAIL_BACKEND = envstr("MAJLIS_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = envstr("MAJLIS_SMTP_HOST", "localhost")
EMAIL_PORT = envint("MAJLIS_SMTP_PORT", 25)
EMAIL_HOST_USER = envstr("MAJLIS_SMTP_USER")
EMAIL_HOST_PASSWORD = envstr("MAJLIS_SMTP_PASSWORD")
EMAIL_USE_TLS = envbool("MAJLIS_SMTP_TLS", False)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = envstr("MAJLIS_FROM_EMAIL", "majlis@localhost")

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if HTTPS:
    # Behind a TLS-terminating proxy: every cookie secure, HSTS on, plain HTTP redirected.
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": envstr("MAJLIS_LOG_LEVEL", "INFO")},
    "loggers": {"huey": {"level": "WARNING"}, "httpx": {"level": "WARNING"}},
}
