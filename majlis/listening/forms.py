from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from majlis.listening.credentials import CREDENTIAL_NAMES, provider_of, seal
from majlis.listening.models import Query, Source, SourceKind
from majlis.listening.query_check import query_problem
from majlis.listening.source_addresses import (
    PROVIDER_MAX_LENGTH,
    checked_address,
    checked_provider,
    needs_account,
)


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


MISSING_LOGIN: dict[str, StrOrPromise] = {
    SourceKind.BLUESKY: _("Give the Bluesky handle that goes with this app password."),
    SourceKind.IMAP: _("A mailbox needs its login (the user name on the mail server)."),
}
MISSING_ACCOUNT: dict[str, StrOrPromise] = {
    SourceKind.BLUESKY: _(
        "A Bluesky search needs an account: give its handle and an app password."
    ),
    SourceKind.IMAP: _("A mailbox needs its login and password."),
}
MISSING_PASSWORD: dict[str, StrOrPromise] = {
    SourceKind.BLUESKY: _("Give the app password that goes with this handle."),
    SourceKind.IMAP: _("A mailbox needs its password."),
}


def no_control_characters(value: str) -> None:
    # A line break in a login would be a second command to an IMAP server.
    if any(ord(char) < 32 or ord(char) == 127 for char in value):
        raise forms.ValidationError(_("Line breaks and control characters are not allowed here."))


class LoginFields(forms.Form):
    """A login and password for the kinds whose connector signs in (Bluesky, IMAP), and for
    Bluesky the hosting provider the account signs in at."""

    login = forms.CharField(
        label=_("Login"),
        required=False,
        max_length=254,
        validators=[no_control_characters],
        widget=forms.TextInput(attrs={"autocomplete": "off", "dir": "ltr", "spellcheck": "false"}),
        help_text=_(
            "Bluesky: your handle (for example veille.bsky.social). Mailbox: the user name on "
            "the mail server. Other kinds take none."
        ),
    )
    password = forms.CharField(
        label=_("Password / app password"),
        required=False,
        max_length=512,
        strip=False,
        validators=[no_control_characters],
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password", "dir": "ltr"}),
        help_text=_(
            "Bluesky: an app password made in Bluesky's settings, never the account password. "
            "Mailbox: its password. Kept encrypted, never shown again."
        ),
    )
    provider = forms.CharField(
        label=_("Hosting provider (Bluesky)"),
        required=False,
        max_length=PROVIDER_MAX_LENGTH,
        validators=[no_control_characters],
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "dir": "ltr",
                "spellcheck": "false",
                "inputmode": "url",
                "placeholder": "https://bsky.social",
            }
        ),
        help_text=_(
            "Bluesky only: the server the account is hosted on, for example "
            "https://pds.example.com. Left empty, Majlis finds it from the handle, or uses "
            "bsky.social."
        ),
    )

    def check_login(self, kind: str, data: dict[str, Any], needs_account: bool) -> None:
        if "login" not in data or "password" not in data:
            return  # a field already refused its value
        login: str = data["login"]
        password: str = data["password"]
        if kind == SourceKind.BLUESKY:
            login = data["login"] = login.removeprefix("@")
        if kind not in CREDENTIAL_NAMES:
            if login or password:
                self.add_error(
                    "login",
                    _("This kind of source takes no login: leave Login and Password empty."),
                )
        elif login and not password:
            self.add_error("password", MISSING_PASSWORD[kind])
        elif password and not login:
            self.add_error("login", MISSING_LOGIN[kind])
        elif not login and needs_account:
            self.add_error("login", MISSING_ACCOUNT[kind])
        elif not login and data.get("provider"):
            self.add_error(
                "provider",
                _(
                    "A hosting provider is where a handle signs in: give the handle and app "
                    "password too, or leave this field empty."
                ),
            )

    def check_provider(self, kind: str, data: dict[str, Any]) -> None:
        if not data.get("provider"):
            return  # none given, or the field already refused it
        if kind != SourceKind.BLUESKY:
            self.add_error(
                "provider",
                _("Only a Bluesky account has a hosting provider: leave this field empty."),
            )
            return
        try:
            data["provider"] = checked_provider(
                data["provider"], allow_private=settings.ALLOW_PRIVATE_URLS
            )
        except forms.ValidationError as error:
            self.add_error("provider", error)


class SourceForm(LoginFields, forms.ModelForm[Source]):
    class Meta:
        model = Source
        # The address is set in save(): a model URLField refuses imaps://.
        fields = ["kind", "name", "interval_minutes"]

    field_order = ["kind", "url", "name", "interval_minutes", "login", "password", "provider"]

    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[choice for choice in SourceKind.choices if choice[0] != SourceKind.IMPORT],
    )
    url = forms.CharField(
        label=_("Address"),
        max_length=2000,
        widget=forms.TextInput(attrs={"dir": "ltr", "spellcheck": "false"}),
        help_text=_(
            "Feed or site: https://…; Mastodon: https://instance/tags/name or …/@user; Bluesky: "
            "https://bsky.app/search?q=…, …/hashtag/name or …/profile/handle; mailbox: "
            "imaps://host/INBOX."
        ),
    )
    interval_minutes = forms.IntegerField(
        label=_("Fetch every (minutes)"), min_value=5, max_value=1440, initial=30
    )

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        kind, raw = data.get("kind"), data.get("url")
        if not kind:
            return data
        if raw:
            try:
                data["url"] = checked_address(kind, raw)
            except forms.ValidationError as error:
                self.add_error("url", error)
        self.check_provider(kind, data)
        self.check_login(kind, data, needs_account=needs_account(kind, data.get("url", "")))
        return data

    def save(self, commit: bool = True) -> Source:
        data = self.cleaned_data
        self.instance.url = data["url"]
        self.instance.credentials = seal(
            data["kind"], data["login"], data["password"], data["provider"]
        )
        return super().save(commit)


class CredentialsForm(LoginFields):
    """New login and password for an existing Bluesky or IMAP source; both left empty, the
    source no longer signs in (if it can do without). A Bluesky source's hosting provider is
    offered as it was: it is not a secret, and a new app password rarely means a new host."""

    def __init__(self, source: Source, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.source = source
        if source.kind == SourceKind.BLUESKY:
            self.fields["provider"].initial = provider_of(source)
        else:
            del self.fields["provider"]

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        source = self.source
        self.check_provider(source.kind, data)
        self.check_login(source.kind, data, needs_account=needs_account(source.kind, source.url))
        return data

    def sealed(self) -> str:
        data = self.cleaned_data
        return seal(self.source.kind, data["login"], data["password"], data.get("provider", ""))
