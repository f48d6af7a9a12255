from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from majlis.core import members
from majlis.core.forms import AcceptInvitationForm, InviteForm, RoleForm
from majlis.core.models import Invitation, Membership
from majlis.core.permissions import workspace_view
from majlis.core.roles import Perm


@workspace_view(Perm.MANAGE_MEMBERS)
def member_list(request: HttpRequest, slug: str) -> HttpResponse:
    workspace = request.workspace  # type: ignore[attr-defined]
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        members.invite(
            workspace, request.user, form.cleaned_data["email"], form.cleaned_data["role"]
        )
        messages.success(request, _("Invitation sent to %(email)s.") % form.cleaned_data)
        return redirect("members", slug=slug)
    context = {
        "memberships": workspace.memberships.select_related("user"),
        "invitations": workspace.invitations.filter(accepted_at=None),
        "form": form,
        "role_form": RoleForm(),
    }
    return render(request, "core/members.html", context)


@require_POST
@workspace_view(Perm.MANAGE_MEMBERS)
def member_role(request: HttpRequest, slug: str, member_id: int) -> HttpResponse:
    membership = get_object_or_404(Membership, pk=member_id, workspace__slug=slug)
    form = RoleForm(request.POST)
    if form.is_valid():
        try:
            members.change_role(membership, request.user, form.cleaned_data["role"])
        except members.MembershipError as error:
            messages.error(request, str(error))
    else:
        messages.error(request, _("Choose a role from the list."))
    return redirect("members", slug=slug)


@require_POST
@workspace_view(Perm.MANAGE_MEMBERS)
def member_remove(request: HttpRequest, slug: str, member_id: int) -> HttpResponse:
    membership = get_object_or_404(Membership, pk=member_id, workspace__slug=slug)
    try:
        members.remove(membership, request.user)
    except members.MembershipError as error:
        messages.error(request, str(error))
    return redirect("members", slug=slug)


def accept_invitation(request: HttpRequest, token: str) -> HttpResponse:
    invitation = get_object_or_404(Invitation.objects.select_related("workspace"), token=token)
    if not invitation.is_usable:
        return render(request, "core/invitation_expired.html", status=410)
    if request.user.is_authenticated:
        if request.method == "POST":
            members.accept(invitation, request.user)
            return redirect("dashboard", slug=invitation.workspace.slug)
        return render(request, "core/invitation.html", {"invitation": invitation})
    form = AcceptInvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = members.create_user_and_accept(
            invitation, form.cleaned_data["username"], form.cleaned_data["password1"]
        )
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("dashboard", slug=invitation.workspace.slug)
    return render(request, "core/invitation.html", {"invitation": invitation, "form": form})
