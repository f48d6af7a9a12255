from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from majlis.core import audit
from majlis.core.models import Workspace
from majlis.core.permissions import workspace_view
from majlis.core.roles import Perm
from majlis.listening.also_in import mark_also_in
from majlis.listening.models import Mention, Sentiment, Source
from majlis.listening.search import search_mentions

LANGUAGES = [
    ("fr", _("French")),
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("ary", _("Darija (Arabic letters)")),
    ("ary-Latn", _("Darija (Latin letters)")),
    ("und", _("Undetermined")),
]
LANGUAGE_CODES = {code for code, _label in LANGUAGES}
FILTERS = ("q", "query", "source", "lang", "sentiment", "since", "until", "irrelevant", "cluster")


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def filtered_mentions(
    workspace: Workspace, params: QueryDict
) -> tuple[QuerySet[Mention], dict[str, Any]]:
    """The stream's filters; a value that makes no sense is ignored, never an error page."""
    mentions = Mention.objects.filter(workspace=workspace)
    chosen: dict[str, Any] = {k: params.get(k, "") for k in FILTERS}
    if chosen["query"].isdigit():
        mentions = mentions.filter(queries__pk=int(chosen["query"]))
    if chosen["source"]:
        mentions = _from_source(workspace, mentions, chosen["source"])
    if chosen["cluster"]:
        mentions = mentions.filter(item__cluster_key=chosen["cluster"][:64])
    if chosen["lang"] in LANGUAGE_CODES:
        mentions = mentions.filter(item__lang=chosen["lang"])
    if chosen["sentiment"] in Sentiment.values:
        mentions = mentions.filter(sentiment=chosen["sentiment"])
    tz = timezone.get_current_timezone()
    if since := _day(chosen["since"]):
        mentions = mentions.filter(published_at__gte=datetime.combine(since, time.min, tz))
    if until := _day(chosen["until"]):
        end = datetime.combine(until + timedelta(days=1), time.min, tz)
        mentions = mentions.filter(published_at__lt=end)
    mentions = mentions.filter(irrelevant=chosen["irrelevant"] == "1")
    if chosen["q"]:
        mentions = search_mentions(mentions, chosen["q"][:200])
    return mentions, chosen


def _from_source(
    workspace: Workspace, mentions: QuerySet[Mention], value: str
) -> QuerySet[Mention]:
    """A Source of the workspace by its id, else a feed's or site's own name."""
    if value.isdigit() and workspace.sources.filter(pk=int(value)).exists():
        return mentions.filter(item__source_id=int(value))
    return mentions.filter(item__source_name=value)


def source_choices(workspace: Workspace) -> list[tuple[str, str]]:
    """The workspace's Sources by the names it gave them, then names items came with."""
    own = [(str(s.pk), str(s)) for s in Source.objects.filter(workspace=workspace)]
    others = (
        Mention.objects.filter(workspace=workspace)
        .exclude(item__source__workspace=workspace)
        .exclude(item__source_name="")
        .values_list("item__source_name", flat=True)
        .distinct()
        .order_by("item__source_name")[:200]
    )
    return own + [(name, name) for name in others]


@workspace_view(Perm.VIEW)
def mention_stream(request: HttpRequest, slug: str) -> HttpResponse:
    workspace = request.workspace  # type: ignore[attr-defined]
    mentions, chosen = filtered_mentions(workspace, request.GET)
    rows = mentions.select_related("item__source").prefetch_related("queries")
    page = Paginator(rows, 25).get_page(request.GET.get("page"))
    mark_also_in(workspace, page)
    context = {
        "page": page,
        "chosen": chosen,
        "languages": LANGUAGES,
        "sentiments": Sentiment.choices,
        "queries": workspace.queries.all(),
        "sources": source_choices(workspace),
        "filters": request.GET.urlencode(),
    }
    template = (
        "listening/stream_page.html"
        if request.headers.get("HX-Request")
        else "listening/stream.html"
    )
    return render(request, template, context)


@require_POST
@workspace_view(Perm.ACT)
def mention_update(request: HttpRequest, slug: str, mention_id: int) -> HttpResponse:
    """Mark irrelevant (kept as feedback), tag, or correct the sentiment of one mention."""
    workspace = request.workspace  # type: ignore[attr-defined]
    mention = get_object_or_404(
        Mention.objects.select_related("item__source"), pk=mention_id, workspace=workspace
    )
    action = request.POST.get("action", "")
    if action == "irrelevant":
        mention.irrelevant = not mention.irrelevant
        mention.save(update_fields=["irrelevant"])
        audit.record(
            workspace,
            request.user,
            "mention.irrelevant",
            mention.item.url,
            value=mention.irrelevant,
        )
    elif action == "tag":
        tag = request.POST.get("tag", "").strip()[:40]
        if tag and tag not in mention.tags and len(mention.tags) < 20:
            mention.tags = [*mention.tags, tag]
            mention.save(update_fields=["tags"])
            audit.record(workspace, request.user, "mention.tag", mention.item.url, tag=tag)
    elif action == "sentiment" and request.POST.get("sentiment") in Sentiment.values:
        from majlis.listening.corrections import correct_sentiment

        correct_sentiment(mention, request.POST["sentiment"], request.user)
    if request.headers.get("HX-Request"):
        mark_also_in(workspace, [mention])
        return render(request, "listening/mention.html", {"m": mention})
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = f"/{request.LANGUAGE_CODE}/w/{slug}/mentions/"
    return redirect(back)
