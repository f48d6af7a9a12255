from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from majlis.core.permissions import workspace_view
from majlis.core.roles import Perm
from majlis.moderation import decisions, figures
from majlis.moderation.models import Item, ItemStatus

PER_PAGE = 50
MAX_BULK = 500
# The actions offered under each tab; "confirm" is for items that readers' reports hid.
TAB_ACTIONS = {
    ItemStatus.PENDING: ["approve", "spam", "hide"],
    ItemStatus.SPAM: ["restore", "hide"],
    ItemStatus.HIDDEN: ["restore", "confirm", "spam"],
    ItemStatus.APPROVED: ["spam", "hide"],
}


def _tab(value: str | None) -> str:
    return value if value in ItemStatus.values else ItemStatus.PENDING


@workspace_view(Perm.VIEW)
def queue(request: HttpRequest, slug: str) -> HttpResponse:
    workspace = request.workspace  # type: ignore[attr-defined]
    status = _tab(request.GET.get("status"))
    items = Item.objects.filter(workspace=workspace, status=status).select_related("site")
    site_id = request.GET.get("site", "")
    if site_id.isdigit():
        items = items.filter(site_id=int(site_id))
    page = Paginator(items.order_by("-created_at", "-id"), PER_PAGE).get_page(
        request.GET.get("page")
    )
    counts = figures.status_counts(workspace)
    context = {
        "page": page,
        "status": status,
        "tabs": [(value, label, counts[value]) for value, label in ItemStatus.choices],
        "site_figures": figures.for_workspace(workspace),
        "actions": [(name, decisions.ACTIONS[name]) for name in TAB_ACTIONS[ItemStatus(status)]],
        "chosen_site": site_id,
    }
    return render(request, "moderation/queue.html", context)


@require_POST
@workspace_view(Perm.ACT)
def act(request: HttpRequest, slug: str) -> HttpResponse:
    status = _tab(request.POST.get("status"))
    where = {"status": status}
    if request.POST.get("site", "").isdigit():
        where["site"] = request.POST["site"]
    back = reverse("moderation_queue", args=[slug]) + "?" + urlencode(where)
    action = request.POST.get("action", "")
    ids = [int(v) for v in request.POST.getlist("items") if v.isdigit()][:MAX_BULK]
    if action not in decisions.ACTIONS or not ids:
        messages.error(request, decisions.NOTHING_CHOSEN)
        return redirect(back)
    done = decisions.apply(request.workspace, request.user, ids, action)  # type: ignore[attr-defined]
    text = ngettext("%(count)d item changed.", "%(count)d items changed.", done)
    messages.success(request, text % {"count": done})
    return redirect(back)
