"""The WSGI entry point of the web processes: `gunicorn majlis.wsgi:application`."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "majlis.settings")

from majlis.core import checkpoint
from majlis.handler import application as build_application

application = build_application()
checkpoint.start()
