from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from majlis.core.models import Workspace
from majlis.insights.models import Channel, ChannelKind, Playbook
from majlis.insights.models.channel import WEBHOOK_KINDS


def _members(workspace: Workspace) -> Any:
    return get_user_model().objects.filter(memberships__workspace=workspace).order_by("username")


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(
        label=_("Assign to"),
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label=_("Nobody"),
    )

    def __init__(self, workspace: Workspace, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = _members(workspace)  # type: ignore[attr-defined]


class CloseForm(forms.Form):
    note = forms.CharField(
        label=_("Closing note"),
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
        max_length=4000,
        help_text=_("How it ended and what was done: it stays with the alert."),
    )


class PlaybookForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Playbook
        fields = ["steps", "escalate_to", "holding_fr", "holding_ar", "holding_en", "monitor_next"]
        widgets = {
            "steps": forms.Textarea(attrs={"rows": 6, "dir": "auto"}),
            "escalate_to": forms.Textarea(attrs={"rows": 2, "dir": "auto"}),
            "holding_fr": forms.Textarea(attrs={"rows": 4, "lang": "fr", "dir": "ltr"}),
            "holding_ar": forms.Textarea(attrs={"rows": 4, "lang": "ar", "dir": "rtl"}),
            "holding_en": forms.Textarea(attrs={"rows": 4, "lang": "en", "dir": "ltr"}),
            "monitor_next": forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
        }


class ChannelForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Channel
        fields = ["name", "kind", "url", "chat_id", "recipients", "min_severity", "language"]
        widgets = {"recipients": forms.CheckboxSelectMultiple, "url": forms.URLInput}

    def __init__(self, workspace: Workspace, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.workspace = workspace
        self.fields["recipients"].queryset = _members(workspace)  # type: ignore[attr-defined]
        self.fields["url"].help_text = _("Only http:// and https:// addresses.")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind = data.get("kind")
        if kind == ChannelKind.EMAIL and not data.get("recipients"):
            self.add_error("recipients", _("Choose at least one member to write to."))
        if kind in WEBHOOK_KINDS and not data.get("url") and "url" not in self.errors:
            self.add_error("url", _("Give the webhook address."))
        if kind == ChannelKind.TELEGRAM and not data.get("chat_id"):
            self.add_error("chat_id", _("Give the chat to post to."))
        return data

    def save(self, commit: bool = True) -> Channel:
        channel: Channel = super().save(commit=False)
        channel.workspace = self.workspace
        if commit:
            channel.save()
            self.save_m2m()
        return channel
