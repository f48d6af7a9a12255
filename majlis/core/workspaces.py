"""New workspaces: the checks on a name and a slug (one form, for the web page and the CLI),
and the creation itself, with its first owner and a line in the audit log."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.validators import RegexValidator
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from majlis.core import audit
from majlis.core.models import Membership, Workspace
from majlis.core.roles import Role

SLUG_MAX = Workspace._meta.get_field("slug").max_length
NAME_MAX = Workspace._meta.get_field("name").max_length
SLUG_TAKEN = _("A workspace with this slug already exists.")


class SlugTaken(Exception):
    pass


class _LowercaseField(forms.CharField):
    def to_python(self, value: Any) -> str | None:
        text = super().to_python(value)
        return text.lower() if text else text


class NewWorkspaceForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=NAME_MAX)
    # The slug is a piece of every address of the workspace (/w/<slug>/): ASCII only, lowercase
    # so that "Atlas" and "atlas" cannot be two workspaces.
    slug = _LowercaseField(
        label=_("Slug"),
        max_length=SLUG_MAX,
        validators=[
            RegexValidator(
                r"^[a-z0-9]+(?:-[a-z0-9]+)*\Z",
                _("Use lowercase letters, digits and hyphens only (for example atlas-telecom)."),
            )
        ],
    )

    def clean_slug(self) -> str:
        slug: str = self.cleaned_data["slug"]
        if Workspace.objects.filter(slug=slug).exists():
            raise forms.ValidationError(SLUG_TAKEN)
        return slug


def create(slug: str, name: str, owner: Any, by: Any) -> Workspace:
    """The workspace, with `owner` as its owner; SlugTaken if another process took the slug
    between the form's check and now."""
    try:
        with transaction.atomic():
            workspace = Workspace.objects.create(slug=slug, name=name)
            Membership.objects.create(workspace=workspace, user=owner, role=Role.OWNER)
            audit.record(
                workspace, by, "workspace.create", slug, name=name, owner=owner.get_username()
            )
    except IntegrityError:
        raise SlugTaken(slug) from None
    return workspace
