from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from majlis.core import audit
from majlis.core.permissions import workspace_view
from majlis.core.roles import Perm
from majlis.moderation import sites
from majlis.moderation.forms import KeyForm, SettingsForm, SiteForm
from majlis.moderation.models import ModerationSettings, Site, SiteKey


def _page(request: HttpRequest, **context: object) -> HttpResponse:
    workspace = request.workspace  # type: ignore[attr-defined]
    context.setdefault("key_form", KeyForm())
    context.setdefault("settings_form", SettingsForm(instance=ModerationSettings.of(workspace.pk)))
    site_list = list(Site.objects.filter(workspace=workspace).prefetch_related("keys"))
    context["site_rows"] = [
        (site, SiteForm(instance=site, prefix=f"site{site.pk}")) for site in site_list
    ]
    return render(request, "moderation/sites.html", context)


@workspace_view(Perm.APPROVE)
def site_list(request: HttpRequest, slug: str) -> HttpResponse:
    if request.method != "POST":
        return _page(request)
    form = KeyForm(request.POST)
    if not form.is_valid():
        return _page(request, key_form=form)
    site, key = sites.new_key(
        request.workspace,  # type: ignore[attr-defined]
        form.cleaned_data["url"],
        quota=form.cleaned_data["monthly_quota"],
        by=request.user,
        name=form.cleaned_data["name"],
    )
    # Rendered, not redirected: the key is on this one page and nowhere else, ever.
    return _page(request, new_key=key, new_key_site=site)


@require_POST
@workspace_view(Perm.APPROVE)
def site_edit(request: HttpRequest, slug: str, site_id: int) -> HttpResponse:
    site = get_object_or_404(Site, pk=site_id, workspace=request.workspace)  # type: ignore[attr-defined]
    form = SiteForm(request.POST, instance=site, prefix=f"site{site.pk}")
    if form.is_valid():
        form.save()
        audit.record(
            site.workspace, request.user, "moderation.site_update", site.host,
            webhook=bool(site.webhook_url),
        )  # fmt: skip
        messages.success(request, _("Site saved."))
    else:
        messages.error(request, _("The site was not saved: check the webhook address."))
    return redirect("moderation_sites", slug=slug)


@require_POST
@workspace_view(Perm.APPROVE)
def key_revoke(request: HttpRequest, slug: str, key_id: int) -> HttpResponse:
    site_key = get_object_or_404(
        SiteKey.objects.select_related("site__workspace"),
        pk=key_id,
        site__workspace=request.workspace,  # type: ignore[attr-defined]
    )
    sites.revoke(site_key, request.user)
    messages.success(request, _("Key revoked: sites using it get 'invalid' from now on."))
    return redirect("moderation_sites", slug=slug)


@require_POST
@workspace_view(Perm.APPROVE)
def settings_edit(request: HttpRequest, slug: str) -> HttpResponse:
    workspace = request.workspace  # type: ignore[attr-defined]
    form = SettingsForm(request.POST, instance=ModerationSettings.of(workspace.pk))
    if not form.is_valid():
        return _page(request, settings_form=form)
    form.save()
    audit.record(
        workspace, request.user, "moderation.settings", "hide_threshold",
        hide_threshold=form.cleaned_data["hide_threshold"],
    )  # fmt: skip
    messages.success(request, _("Settings saved."))
    return redirect("moderation_sites", slug=slug)
