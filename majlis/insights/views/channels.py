from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from majlis.core import audit
from majlis.core.permissions import workspace_view
from majlis.core.roles import Perm
from majlis.insights.forms import ChannelForm
from majlis.insights.models import Channel


@workspace_view(Perm.APPROVE)
def channel_list(request: HttpRequest, slug: str) -> HttpResponse:
    workspace = request.workspace  # type: ignore[attr-defined]
    form = ChannelForm(workspace, request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            channel = form.save()
            audit.record(workspace, request.user, "alert_channel.add", channel, kind=channel.kind)
        messages.success(request, _("Channel added."))
        return redirect("insights:channels", slug=slug)
    channels = workspace.alert_channels.prefetch_related("recipients")
    return render(request, "insights/channels.html", {"form": form, "channels": channels})


@require_POST
@workspace_view(Perm.APPROVE)
def channel_remove(request: HttpRequest, slug: str, channel_id: int) -> HttpResponse:
    workspace = request.workspace  # type: ignore[attr-defined]
    channel = get_object_or_404(Channel, pk=channel_id, workspace=workspace)
    with transaction.atomic():
        audit.record(workspace, request.user, "alert_channel.remove", channel, kind=channel.kind)
        channel.delete()
    messages.success(request, _("Channel removed."))
    return redirect("insights:channels", slug=slug)
