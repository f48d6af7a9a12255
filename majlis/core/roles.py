"""The role matrix: which role may do what in a workspace. Every view and API endpoint asks here."""

from __future__ import annotations

from enum import StrEnum

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    OWNER = "owner", _("Owner")
    MANAGER = "manager", _("Manager")
    AGENT = "agent", _("Agent")
    ANALYST = "analyst", _("Analyst")


class Perm(StrEnum):
    VIEW = "view"  # read mentions, figures, reports
    ACT = "act"  # publish, moderate, answer
    APPROVE = "approve"  # approve posts, configure sources, queries and alerts
    MANAGE_MEMBERS = "manage_members"  # invite, change roles, remove
    VIEW_AUDIT = "view_audit"  # read the audit log


ROLE_PERMS: dict[str, frozenset[Perm]] = {
    Role.ANALYST: frozenset({Perm.VIEW}),
    Role.AGENT: frozenset({Perm.VIEW, Perm.ACT}),
    Role.MANAGER: frozenset({Perm.VIEW, Perm.ACT, Perm.APPROVE}),
    Role.OWNER: frozenset(Perm),
}


def role_allows(role: str | None, perm: Perm) -> bool:
    return role is not None and perm in ROLE_PERMS.get(role, frozenset())
