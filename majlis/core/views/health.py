from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, JsonResponse

from majlis.queue import queue_answers


def healthz(request: HttpRequest) -> JsonResponse:
    """200 when the database and the queue answer, 503 with what is down otherwise."""
    from majlis.tasks import huey

    problems = []
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        problems.append("database")
    if not queue_answers(huey):
        problems.append("queue")
    if problems:
        return JsonResponse({"status": "error", "down": problems}, status=503)
    return JsonResponse({"status": "ok"})
