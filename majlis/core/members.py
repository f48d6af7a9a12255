"""Membership decisions, shared by the UI and the API."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from majlis.core import audit, jobs
from majlis.core.models import Invitation, Membership, Workspace
from majlis.core.roles import Role


class MembershipError(Exception):
    pass


def invite(workspace: Workspace, by: Any, email: str, role: str) -> Invitation:
    with transaction.atomic():
        invitation = Invitation.objects.create(
            workspace=workspace, email=email.strip().lower(), role=role, invited_by=by
        )
        audit.record(workspace, by, "member.invite", email, role=role)
        jobs.submit("core.send_invitation", {"invitation": invitation.pk})
    return invitation


def accept(invitation: Invitation, user: Any) -> Membership:
    if not invitation.is_usable:
        raise MembershipError(_("This invitation has expired or was already used."))
    with transaction.atomic():
        membership, _created = Membership.objects.get_or_create(
            workspace=invitation.workspace, user=user, defaults={"role": invitation.role}
        )
        invitation.accepted_at = timezone.now()
        invitation.save(update_fields=["accepted_at"])
        audit.record(invitation.workspace, user, "member.join", user.username, role=membership.role)
    return membership


def create_user_and_accept(invitation: Invitation, username: str, password: str) -> Any:
    with transaction.atomic():
        user = get_user_model().objects.create_user(
            username=username, email=invitation.email, password=password
        )
        accept(invitation, user)
    return user


def _is_last_owner(membership: Membership) -> bool:
    owners = Membership.objects.filter(workspace=membership.workspace, role=Role.OWNER)
    return membership.role == Role.OWNER and owners.count() == 1


def change_role(membership: Membership, by: Any, role: str) -> None:
    if role != Role.OWNER and _is_last_owner(membership):
        raise MembershipError(_("A workspace keeps at least one owner."))
    old = membership.role
    membership.role = role
    membership.save(update_fields=["role"])
    audit.record(
        membership.workspace, by, "member.role", membership.user.username, old=old, new=role
    )


def remove(membership: Membership, by: Any) -> None:
    if _is_last_owner(membership):
        raise MembershipError(_("A workspace keeps at least one owner."))
    audit.record(membership.workspace, by, "member.remove", membership.user.username)
    membership.delete()
