"""Endpoints for a site's readers and pages: report an item, read an item's status.

Both are public, answer JSON with `Access-Control-Allow-Origin: *` (a page may call them from
the reader's browser), and are rate limited per address; reports also per reader.
"""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from majlis.core import ratelimit
from majlis.core.ratelimit import client_ip
from majlis.moderation import connections, keys, reports
from majlis.moderation.models import Item
from majlis.moderation.params import BodyTooLarge, form_fields

_CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Content-Type",
    "Access-Control-Max-Age": "86400",
}


def _json(data: dict[str, Any], status: int = 200, **headers: str) -> JsonResponse:
    connections.keep_open()
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    for name, value in {**_CORS, **headers}.items():
        response[name] = value
    return response


def _too_many(retry_after: int) -> JsonResponse:
    return _json(
        {"detail": _("Too many requests; try again later.")},
        status=429,
        **{"Retry-After": str(retry_after)},
    )


def _fields(request: HttpRequest) -> dict[str, str]:
    if request.META.get("CONTENT_TYPE", "").startswith("application/json"):
        try:
            data = json.loads(request.body or b"{}")
        except (ValueError, UnicodeDecodeError):
            return {}
        if not isinstance(data, dict):
            return {}
        return {str(k): str(v) for k, v in data.items() if isinstance(v, (str, int, float))}
    return form_fields(request)


def _reporting_ip(request: HttpRequest, item: Item, fields: dict[str, str]) -> str:
    # A site's server may report on its reader's behalf: with the site's key, the reader's
    # address it sends is believed.
    info = keys.lookup(fields.get("api_key", ""))
    if info is not None and not info.revoked and info.site_id == item.site_id:
        return fields.get("user_ip", "").strip()[:64] or client_ip(request)
    return client_ip(request)


@csrf_exempt
def report(request: HttpRequest) -> HttpResponse:
    if request.method == "OPTIONS":
        return _json({})
    if request.method != "POST":
        return _json({"detail": _("Use POST.")}, status=405, Allow="POST, OPTIONS")
    try:
        fields = _fields(request)
    except BodyTooLarge:
        return _json({"detail": _("The request is too large.")}, status=413)
    if wait := ratelimit.hit(f"report-ip:{client_ip(request)}", reports.PER_IP):
        return _too_many(wait)
    public_id, reader = fields.get("item", "").strip(), fields.get("reporter", "").strip()
    if not public_id or not reader:
        return _json({"detail": _("Both 'item' and 'reporter' are required.")}, status=400)
    item = Item.objects.select_related("site").filter(public_id=public_id[:24]).first()
    if item is None:
        return _json({"detail": _("No such item.")}, status=404)
    scope = f"report-reader:{item.site_id}:{reader[: reports.MAX_READER_ID]}"
    if wait := ratelimit.hit(scope, reports.PER_REPORTER):
        return _too_many(wait)
    ip = _reporting_ip(request, item, fields)
    try:
        counted = reports.report(item, reader, ip, fields.get("reason", ""))
    except reports.AlreadyReported:
        return _json(
            {"detail": _("This reader has already reported this item."), "status": item.status},
            status=409,
        )
    return _json({"item": item.public_id, "status": counted.item.status, "counted": counted.weight})


@csrf_exempt
def item_status(request: HttpRequest, public_id: str) -> HttpResponse:
    if request.method == "OPTIONS":
        return _json({})
    if request.method != "GET":
        return _json({"detail": _("Use GET.")}, status=405, Allow="GET, OPTIONS")
    if wait := ratelimit.hit(f"poll-ip:{client_ip(request)}", reports.PER_IP_POLLS):
        return _too_many(wait)
    item = Item.objects.filter(public_id=public_id[:24]).only("public_id", "status").first()
    if item is None:
        return _json({"detail": _("No such item.")}, status=404)
    return _json({"item": item.public_id, "status": item.status})
