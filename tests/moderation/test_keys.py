"""Managers create a site's key (shown once, stored as a digest), revoke it, set the threshold."""

from __future__ import annotations

import argparse
import re

import pytest

from majlis.cli import build_parser, main
from majlis.cli.moderation import moderation_key
from majlis.core.models import AuditEvent
from majlis.moderation.keys import KEY_LENGTH, digest
from majlis.moderation.models import ModerationSettings, Site, SiteKey
from tests.moderation.conftest import akismet, comment


def _new_key(page: str) -> str:
    found = re.search(r'<code class="key" dir="ltr">([a-z0-9]+)</code>', page)
    assert found, "the new key is shown"
    return found.group(1)


def test_a_manager_creates_a_key_that_is_shown_once_and_works(client, login):
    manager = login("manager")
    page = manager.post(
        "/en/w/atlas/moderation/sites/",
        {"url": "https://blog.atlas.ma/", "name": "Le blog", "monthly_quota": "0"},
    ).content.decode()
    key = _new_key(page)
    assert len(key) == KEY_LENGTH
    stored = SiteKey.objects.get()
    assert stored.digest == digest(key)
    assert stored.prefix == key[:4]
    assert key not in manager.get("/en/w/atlas/moderation/sites/").content.decode()
    assert (
        akismet(client, "verify-key", {"key": key, "blog": "https://blog.atlas.ma"}).content
        == b"valid"
    )
    assert AuditEvent.objects.filter(action="moderation.key_create", actor_name="manager").exists()


def test_an_agent_cannot_create_keys(login):
    response = login("agent").post(
        "/en/w/atlas/moderation/sites/", {"url": "https://blog.atlas.ma/", "monthly_quota": "0"}
    )
    assert response.status_code == 403
    assert not SiteKey.objects.exists()


def test_a_bad_address_is_refused_with_a_reason(login):
    page = login("manager").post(
        "/en/w/atlas/moderation/sites/", {"url": "ftp://files.atlas.ma", "monthly_quota": "0"}
    )
    assert "Enter a valid URL." in page.content.decode()
    assert not SiteKey.objects.exists()


def test_a_revoked_key_stops_working(client, login, blog):
    key_id = blog.site.keys.get().pk
    login("manager").post(f"/en/w/atlas/moderation/keys/{key_id}/revoke/")
    assert akismet(client, "comment-check", comment(blog.key)).content == b"invalid"
    assert AuditEvent.objects.filter(action="moderation.key_revoke").exists()


def test_a_manager_sets_the_webhook_and_the_threshold(login, blog, team):
    manager = login("manager")
    manager.post(
        f"/en/w/atlas/moderation/sites/{blog.site.pk}/",
        {
            f"site{blog.site.pk}-name": "Blog",
            f"site{blog.site.pk}-webhook_url": "https://blog.atlas.ma/hook",
        },
    )
    manager.post("/en/w/atlas/moderation/settings/", {"hide_threshold": "5"})
    assert Site.objects.get().webhook_url == "https://blog.atlas.ma/hook"
    assert ModerationSettings.of(team.workspace.pk).hide_threshold == 5.0
    assert AuditEvent.objects.filter(action="moderation.settings").exists()


def test_the_command_prints_a_new_key(team, capsys):
    args = argparse.Namespace(workspace="atlas", site="https://forum.atlas.ma", quota=0)
    assert moderation_key(args) == 0
    key = capsys.readouterr().out.strip()
    assert re.fullmatch(r"[a-z0-9]{12}", key)
    assert SiteKey.objects.get(digest=digest(key)).site.host == "forum.atlas.ma"


def _registered() -> bool:
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command")
    return "moderation-key" in (commands.choices or {})


def needs_registration(func):
    return func


@needs_registration
def test_majlis_moderation_key_prints_a_key_that_verifies(team, client, capsys):
    assert main(["moderation-key", "--workspace", "atlas", "--site", "https://forum.atlas.ma"]) == 0
    key = capsys.readouterr().out.strip()
    verified = akismet(client, "verify-key", {"key": key, "blog": "https://forum.atlas.ma"})
    assert verified.content == b"valid"


@needs_registration
@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--workspace", "nowhere", "--site", "https://a.ma"], "no workspace 'nowhere'"),
        (["--workspace", "atlas", "--site", "a.ma"], "must be an http:// or https:// address"),
    ],
)
def test_majlis_moderation_key_exits_2_on_bad_input(team, capsys, argv, message):
    assert main(["moderation-key", *argv]) == 2
    assert message in capsys.readouterr().err
