"""The Akismet protocol (https://akismet.com/developers/), answered the way Akismet answers.

Every answer is plain text with HTTP 200, as Akismet's: `valid`/`invalid`, `true`/`false`, the
thank-you sentence; an error says what is wrong in the `X-akismet-debug-help` header. No session,
no CSRF token: a client is known by its key alone.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from datetime import date
from functools import wraps
from urllib.parse import urlsplit

from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.views.decorators.csrf import csrf_exempt

from majlis.core.settle import settle_process
from majlis.moderation import checking, connections, keys, learning, usage
from majlis.moderation.models import Site
from majlis.moderation.params import BodyTooLarge, form_fields

THANKS = "Thanks for making the web a better place."
_TEXT = "text/plain; charset=utf-8"
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
QUOTA_ALERT_CODE = "10501"

Params = dict[str, str]
View = Callable[[HttpRequest], HttpResponse]


def text(body: str, headers: dict[str, str] | None = None) -> HttpResponse:
    response = HttpResponse(body, content_type=_TEXT)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def debug(body: str, help_text: str) -> HttpResponse:
    return text(body, {"X-akismet-debug-help": help_text})


def endpoint(
    methods: tuple[str, ...],
) -> Callable[[Callable[[HttpRequest, Params], HttpResponse]], View]:
    """A protocol view: CSRF-exempt, these methods only, the fields decoded once."""

    def decorate(view: Callable[[HttpRequest, Params], HttpResponse]) -> View:
        @csrf_exempt
        @wraps(view)
        def wrapper(request: HttpRequest) -> HttpResponse:
            if request.method not in methods:
                return HttpResponseNotAllowed(list(methods))
            try:
                params = form_fields(request)
            except BodyTooLarge:
                response = debug("Request too large.", "The request body is over 1 MiB.")
                response.status_code = 413
                return response
            response = view(request, params)
            connections.keep_open()
            return response

        return wrapper

    return decorate


def _key(
    request: HttpRequest, params: Params, names: tuple[str, ...]
) -> keys.KeyInfo | HttpResponse:
    presented = keys.presented_key(request, params, names)
    if not presented:
        return debug("invalid", f'Empty "{names[0]}" value')
    info = keys.lookup(presented)
    if info is None:
        return debug("invalid", "Invalid key")
    if info.revoked:
        return debug("invalid", "This key has been revoked")
    return info


def _missing(params: Params, names: tuple[str, ...]) -> HttpResponse | None:
    for name in names:
        if not params.get(name, "").strip():
            return debug(f"Missing required field: {name}.", f'Empty "{name}" value')
    return None


def _parsable_site(blog: str) -> bool:
    parts = urlsplit(blog.strip())
    return parts.scheme in ("http", "https") and bool(keys.site_host(blog))


@endpoint(("POST",))
def verify_key(request: HttpRequest, params: Params) -> HttpResponse:
    presented = keys.presented_key(request, params, ("key", "api_key"))
    if not presented:
        return debug("invalid", 'Empty "key" value')
    blog = params.get("blog", "").strip()
    if not blog:
        return debug("invalid", 'Empty "blog" value')
    if not _parsable_site(blog):
        return debug("invalid", "We were unable to parse your blog URI")
    info = keys.lookup(presented)
    if info is None:
        return debug("invalid", "Invalid key")
    if info.revoked:
        return debug("invalid", "This key has been revoked")
    if keys.site_host(blog) != info.site_host:
        return debug("invalid", f"This key belongs to another site ({info.site_host})")
    return text("valid")


@endpoint(("POST",))
def comment_check(request: HttpRequest, params: Params) -> HttpResponse:
    info = _key(request, params, ("api_key",))
    if isinstance(info, HttpResponse):
        return info
    if (error := _missing(params, ("blog", "user_ip"))) is not None:
        return error
    if info.quota and usage.calls_this_month(info.key_id) >= info.quota:
        return _over_quota(info)
    checked = checking.check(info, params)
    settle_process()
    headers = {"X-akismet-guid": checked.public_id, "X-Majlis-Item": checked.public_id}
    if checked.decision.is_spam and checked.decision.blatant:
        headers["X-akismet-pro-tip"] = "discard"
    return text("true" if checked.decision.is_spam else "false", headers)


def _over_quota(info: keys.KeyInfo) -> HttpResponse:
    # Neither "true" nor "false": clients hold the comment and try again (WordPress rechecks
    # later), rather than take an unchecked comment for a clean one.
    usage.add(info.key_id, calls=1)
    message = f"This key has used its {info.quota} checks for this month."
    return text(
        "Monthly quota exceeded.",
        {
            "X-akismet-debug-help": message,
            "X-akismet-alert-code": QUOTA_ALERT_CODE,
            "X-akismet-alert-msg": message,
        },
    )


def _submission(request: HttpRequest, params: Params, is_spam: bool) -> HttpResponse:
    info = _key(request, params, ("api_key",))
    if isinstance(info, HttpResponse):
        return info
    if (error := _missing(params, ("blog", "user_ip"))) is not None:
        return error
    learning.submit(info, params, is_spam)
    return text(THANKS)


@endpoint(("POST",))
def submit_spam(request: HttpRequest, params: Params) -> HttpResponse:
    return _submission(request, params, is_spam=True)


@endpoint(("POST",))
def submit_ham(request: HttpRequest, params: Params) -> HttpResponse:
    return _submission(request, params, is_spam=False)


@endpoint(("POST",))
def deactivate(request: HttpRequest, params: Params) -> HttpResponse:
    """What the WordPress plugin calls when it is switched off; the key stays valid here."""
    return text("deactivated")


@endpoint(("GET", "POST"))
def usage_limit(request: HttpRequest, params: Params) -> HttpResponse:
    info = _key(request, params, ("api_key",))
    if isinstance(info, HttpResponse):
        return info
    calls = usage.calls_this_month(info.key_id)
    quota = info.quota
    return JsonResponse(
        {
            "limit": quota or "none",
            "usage": calls,
            "percentage": f"{100 * calls / quota:.2f}" if quota else "0.00",
            "throttled": bool(quota and calls >= quota),
        }
    )


_KEY_SITES_ORDER = ("total", "spam", "ham", "missed_spam", "false_positives")


def _month(value: str) -> date | None:
    if not value:
        return usage.month_of()
    match = _MONTH.match(value.strip())
    if match is None or not 1 <= int(match.group(2)) <= 12:
        return None
    return date(int(match.group(1)), int(match.group(2)), 1)


def _number(value: str, default: int, highest: int) -> int:
    return min(int(value), highest) if value.strip().isdigit() else default


@endpoint(("GET", "POST"))
def key_sites(request: HttpRequest, params: Params) -> HttpResponse:
    info = _key(request, params, ("api_key",))
    if isinstance(info, HttpResponse):
        return info
    month = _month(params.get("month", ""))
    if month is None:
        return debug("invalid", 'The "month" value must look like 2022-09')
    limit = _number(params.get("limit", ""), 500, 500)
    offset = _number(params.get("offset", ""), 0, 1_000_000)
    rows = _site_rows(info, month, params.get("filter", "").strip().lower())
    order = params.get("order", "total")
    if order in _KEY_SITES_ORDER:
        column = "api_calls" if order == "total" else order
        rows.sort(key=lambda row: -int(str(row[column])))
    page = rows[offset : offset + limit]
    if params.get("format", "json").lower() == "csv":
        return _key_sites_csv(params.get("api_key", ""), month, page, limit, offset, len(rows))
    return JsonResponse(
        {f"{month:%Y-%m}": page, "limit": limit, "offset": offset, "total": len(rows)}
    )


def _site_rows(info: keys.KeyInfo, month: date, url_filter: str) -> list[dict[str, object]]:
    site = Site.objects.get(pk=info.site_id)
    if url_filter and url_filter not in site.url.lower():
        return []
    counts = usage.totals([info.key_id], month)
    # Akismet sends its counts as strings; clients written against it expect that.
    return [
        {
            "site": site.host,
            "api_calls": str(counts["calls"]),
            "spam": str(counts["spam"]),
            "ham": str(counts["ham"]),
            "missed_spam": str(counts["missed_spam"]),
            "false_positives": str(counts["false_positives"]),
            "is_revoked": info.revoked,
        }
    ]


def _key_sites_csv(
    key: str, month: date, rows: list[dict[str, object]], limit: int, offset: int, total: int
) -> HttpResponse:
    out = io.StringIO()
    out.write(
        f"Active sites for {key} during {month:%Y-%m} "
        f"(limit:{limit}, offset: {offset}, total: {total})\n"
    )
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        ["Site", "Total API Calls", "Spam", "Ham", "Missed Spam", "False Positives", "Is Revoked"]
    )
    for row in rows:
        writer.writerow(
            [
                row["site"], row["api_calls"], row["spam"], row["ham"], row["missed_spam"],
                row["false_positives"], str(row["is_revoked"]).lower(),
            ]
        )  # fmt: skip
    return HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
