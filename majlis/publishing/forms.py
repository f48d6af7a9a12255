from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from majlis.publishing.connectors import connector_class
from majlis.publishing.models import Media, NetworkAccount, Post
from majlis.publishing.models.post import LANGUAGES
from majlis.publishing.timezones import local, to_utc, zone_of


class ComposeForm(forms.Form):
    """One message, a variant per account, a time in the workspace's zone, links and images."""

    text = forms.CharField(
        label=_("Message"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6, "dir": "auto", "id": "id_text"}),
    )
    lang = forms.ChoiceField(
        label=_("Language of the message"),
        required=False,
        choices=[("", _("Not said")), *LANGUAGES],
    )
    accounts = forms.TypedMultipleChoiceField(label=_("Publish to"), required=False, coerce=int)
    day = forms.DateField(
        label=_("Day"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    at = forms.TimeField(
        label=_("Time"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    utm_campaign = forms.CharField(label=_("UTM campaign"), required=False, max_length=100)
    shorten_links = forms.BooleanField(
        label=_("Shorten links with Majlis and count the clicks"), required=False
    )
    image = forms.FileField(label=_("Add an image"), required=False)
    image_alt = forms.CharField(
        label=_("Alt text of the image"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "dir": "auto"}),
    )

    def __init__(
        self,
        *args: Any,
        accounts: Sequence[NetworkAccount] = (),
        media: Sequence[Media] = (),
        tz: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.account_list = list(accounts)
        self.media_list = list(media)
        self.tz = tz
        accounts_field = self.fields["accounts"]
        assert isinstance(accounts_field, forms.TypedMultipleChoiceField)
        accounts_field.choices = [(a.pk, str(a)) for a in self.account_list]
        for account in self.account_list:
            self.fields[f"variant_{account.pk}"] = forms.CharField(
                required=False, widget=forms.Textarea(attrs={"rows": 4, "dir": "auto"})
            )
            self.fields[f"thread_{account.pk}"] = forms.BooleanField(required=False)
        for item in self.media_list:
            self.fields[f"alt_{item.pk}"] = forms.CharField(required=False, initial=item.alt_text)
            self.fields[f"remove_{item.pk}"] = forms.BooleanField(required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if bool(data.get("day")) != bool(data.get("at")):
            raise forms.ValidationError(_("Give both the day and the time, or neither."))
        if data.get("image") and not (data.get("image_alt") or "").strip():
            self.add_error(
                "image_alt",
                _("Describe the image in its alt text: people who cannot see it read that."),
            )
        return data

    def scheduled_at(self) -> datetime | None:
        day: date | None = self.cleaned_data.get("day")
        at: time | None = self.cleaned_data.get("at")
        if day is None or at is None:
            return None
        return to_utc(day, at, self.tz)

    def rows(self) -> list[dict[str, Any]]:
        """One row per account, for the side-by-side editor."""
        chosen = {int(v) for v in (self["accounts"].value() or [])}
        return [
            {
                "account": account,
                "chosen": account.pk in chosen,
                "variant": self[f"variant_{account.pk}"],
                "thread": self[f"thread_{account.pk}"],
                "threads": connector_class(account.network).threads,
            }
            for account in self.account_list
        ]


def initial_for(post: Post) -> dict[str, Any]:
    tz = zone_of(post.workspace)
    initial: dict[str, Any] = {
        "text": post.text,
        "lang": post.lang,
        "utm_campaign": post.utm_campaign,
        "shorten_links": post.shorten_links,
        "accounts": [v.account_id for v in post.variants.all()],
    }
    if post.scheduled_at:
        moment = local(post.scheduled_at, tz)
        initial["day"], initial["at"] = (
            moment.date(),
            moment.time().replace(second=0, microsecond=0),
        )
    for variant in post.variants.all():
        initial[f"variant_{variant.account_id}"] = variant.text
        initial[f"thread_{variant.account_id}"] = variant.as_thread
    return initial


class RescheduleForm(forms.Form):
    """The calendar's plain-form fallback of drag and drop: a day, and an hour or a time."""

    post = forms.IntegerField(widget=forms.HiddenInput)
    day = forms.DateField(
        label=_("Day"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    at = forms.TimeField(
        label=_("Time"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    hour = forms.IntegerField(required=False, min_value=0, max_value=23, widget=forms.HiddenInput)


class ScheduleForm(forms.Form):
    day = forms.DateField(
        label=_("Day"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    at = forms.TimeField(
        label=_("Time"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"})
    )


def connect_form(network: str, data: Any = None) -> forms.Form:
    """A form with the fields this network's connector asks for."""
    cls = connector_class(network)
    form = forms.Form(data)
    form.fields["name"] = forms.CharField(label=_("Name in Majlis"), max_length=120)
    declared = {f.name for f in cls.fields}
    for spec in cls.fields:
        widget = forms.PasswordInput(render_value=False) if spec.secret else forms.TextInput()
        form.fields[spec.name] = forms.CharField(
            label=spec.label,
            required=spec.required,
            initial=spec.initial,
            help_text=spec.help_text,
            widget=widget,
        )
    if cls.default_base_url and "base_url" not in declared:
        form.fields["base_url"] = forms.URLField(
            label=_("API address"),
            initial=cls.default_base_url,
            required=False,
            help_text=_("Change only for a test server or a compatible service."),
        )
    return form
