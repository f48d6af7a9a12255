"""What Majlis serves to the world, outside the workspaces: short links, the images networks
fetch, and the RSS/Atom feed of published posts."""

from __future__ import annotations

from django.db.models import F
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_safe

from majlis.publishing import feeds, previewers
from majlis.publishing.links import is_web_address
from majlis.publishing.models import Media, NetworkAccount, ShortLink, Variant, VariantState


@require_safe
def short_link(request: HttpRequest, code: str) -> HttpResponse:
    link = get_object_or_404(ShortLink, code=code)
    if not is_web_address(link.target):
        raise Http404
    # A HEAD checks the link and a previewer draws a card: neither is a person clicking.
    user_agent = request.headers.get("User-Agent", "")
    if request.method == "GET" and not previewers.is_previewer(user_agent):
        ShortLink.objects.filter(pk=link.pk).update(
            clicks=F("clicks") + 1, last_clicked_at=timezone.now()
        )
    response = HttpResponseRedirect(link.target)
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "no-referrer-when-downgrade"
    return response


@require_GET
def media_file(request: HttpRequest, token: str) -> FileResponse:
    media = get_object_or_404(Media, token=token)
    response = FileResponse(media.file.open("rb"), content_type=media.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'"
    response["Cache-Control"] = "public, max-age=86400"
    return response


def _feed_account(token: str) -> NetworkAccount:
    return get_object_or_404(NetworkAccount, network="feed", remote_id=token, active=True)


@require_GET
def feed(request: HttpRequest, token: str, kind: str) -> HttpResponse:
    account = _feed_account(token)
    generated = feeds.build(account, atom=kind == "atom")
    response = HttpResponse(content_type=f"{generated.content_type}")
    generated.write(response, "utf-8")
    return response


@require_GET
def feed_entry(request: HttpRequest, token: str, key: str) -> HttpResponse:
    account = _feed_account(token)
    variant = get_object_or_404(
        Variant.objects.select_related("post"),
        account=account,
        remote_id=key,
        state=VariantState.PUBLISHED,
    )
    return render(request, "publishing/feed_entry.html", {"account": account, "variant": variant})
