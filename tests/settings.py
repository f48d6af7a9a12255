"""Test settings: the real settings, with a throw-away data dir and tasks run in-process."""

import os
import tempfile

os.environ.setdefault("MAJLIS_DATA_DIR", tempfile.mkdtemp(prefix="majlis-test-"))
os.environ.setdefault("MAJLIS_QUEUE_URL", "memory:")
os.environ.setdefault("MAJLIS_SECRET_KEY", "test-secret-key-not-for-production-use-0123456789")

from majlis.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
