from __future__ import annotations

from urllib.parse import urlsplit

from django import forms
from django.utils.translation import gettext_lazy as _

from majlis.listening.models import Query, Source, SourceKind
from majlis.listening.query_check import query_problem


class QueryForm(forms.ModelForm[Query]):
    class Meta:
        model = Query
        fields = ["name", "group", "text", "active"]
        widgets = {
            "text": forms.Textarea(
                attrs={"rows": 3, "dir": "auto", "spellcheck": "false", "autocomplete": "off"}
            )
        }

    def clean_text(self) -> str:
        text: str = self.cleaned_data["text"]
        problem = query_problem(text)
        if problem is not None:
            raise forms.ValidationError(problem.sentence)
        return text


class SourceForm(forms.ModelForm[Source]):
    class Meta:
        model = Source
        fields = ["kind", "url", "name", "interval_minutes"]

    kind = forms.ChoiceField(label=_("Kind"), choices=SourceKind.choices[:4])
    url = forms.URLField(label=_("Address"), max_length=2000, assume_scheme="https")
    interval_minutes = forms.IntegerField(
        label=_("Fetch every (minutes)"), min_value=5, max_value=1440, initial=30
    )

    def clean_url(self) -> str:
        url: str = self.cleaned_data["url"].strip()
        parts = urlsplit(url)
        if parts.scheme not in {"http", "https"}:
            raise forms.ValidationError(_("Give an address that starts with http:// or https://."))
        if parts.username or parts.password:
            raise forms.ValidationError(_("Addresses with a login and password are refused."))
        return url
