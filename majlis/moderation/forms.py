from __future__ import annotations

from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from majlis.moderation import keys
from majlis.moderation.models import ModerationSettings, Site


class KeyForm(forms.Form):
    url = forms.URLField(
        label=_("Site address"),
        max_length=500,
        assume_scheme="https",
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("The front page, as the site sends it in Akismet's 'blog' field."),
    )
    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    monthly_quota = forms.IntegerField(
        label=_("Checks per month"), min_value=0, initial=0, help_text=_("0 means no limit.")
    )

    def clean_url(self) -> str:
        url: str = self.cleaned_data["url"]
        if not keys.site_host(url):
            raise forms.ValidationError(_("This address has no host name."))
        return url


class SiteForm(forms.ModelForm[Site]):
    webhook_url = forms.URLField(
        label=_("Webhook address"),
        max_length=500,
        required=False,
        assume_scheme="https",
        help_text=_("Majlis posts every change of an item's status here, as JSON."),
    )

    class Meta:
        model = Site
        fields = ["name", "webhook_url"]


class SettingsForm(forms.ModelForm[ModerationSettings]):
    class Meta:
        model = ModerationSettings
        fields = ["hide_threshold"]
