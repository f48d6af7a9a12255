from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from majlis.core.roles import Perm, Role, role_allows


class Workspace(models.Model):
    """One brand or client: its members, sources, queries, mentions and posts live in it."""

    slug = models.SlugField(_("slug"), unique=True, max_length=60)
    name = models.CharField(_("name"), max_length=120)
    brand = models.CharField(_("brand"), max_length=120, blank=True)
    time_zone = models.CharField(_("time zone"), max_length=60, default="Africa/Casablanca")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("workspace")
        verbose_name_plural = _("workspaces")

    def __str__(self) -> str:
        return self.name

    def role_of(self, user: object) -> str | None:
        user_id = getattr(user, "pk", None)
        if user_id is None:
            return None
        membership = self.memberships.filter(user_id=user_id).only("role").first()
        return membership.role if membership else None

    def allows(self, user: object, perm: Perm) -> bool:
        return role_allows(self.role_of(user), perm)


class Membership(models.Model):
    workspace = models.ForeignKey(
        Workspace, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("workspace")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    joined_at = models.DateTimeField(_("joined at"), auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["workspace", "user"], name="one_membership_per_user")
        ]
        ordering = ["user__username"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} @ {self.workspace} ({self.role})"
