"""A chat webhook's address is its password: it is stored encrypted, and the upgrade that
brought this locks the addresses stored before."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import connection

from majlis.insights.models import Channel

SLACK = "https://hooks.slack.com/services/T000/B000/XXXXSECRETXXXX"


def _stored_urls() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT url FROM insights_channel ORDER BY id")
        return [row[0] for row in cursor.fetchall()]


def test_the_address_is_encrypted_in_the_database_and_clear_to_the_app(team):
    Channel.objects.create(workspace=team.workspace, kind="slack", name="Veille", url=SLACK)
    [stored] = _stored_urls()
    assert "hooks.slack.com" not in stored
    assert "SECRET" not in stored
    assert Channel.objects.get().url == SLACK


def test_an_address_of_the_longest_allowed_length_is_kept_whole(team):
    longest = "https://hooks.example.com/" + "a" * (2000 - len("https://hooks.example.com/"))
    Channel.objects.create(workspace=team.workspace, kind="webhook", name="Long", url=longest)
    assert Channel.objects.get().url == longest


@pytest.mark.django_db(transaction=True)
def test_the_upgrade_locks_addresses_stored_in_the_clear_and_the_downgrade_opens_them(team):
    call_command("migrate", "insights", "0001", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO insights_channel (workspace_id, kind, name, url, chat_id, "
            "min_severity, language, active, created_at) VALUES "
            "(%s, 'slack', 'Avant', %s, '', 'watch', 'fr', true, CURRENT_TIMESTAMP), "
            "(%s, 'email', 'Courriel', '', '', 'watch', 'fr', true, CURRENT_TIMESTAMP)",
            [team.workspace.pk, SLACK, team.workspace.pk],
        )
    call_command("migrate", "insights", verbosity=0)
    locked, empty = _stored_urls()
    assert "hooks.slack.com" not in locked
    assert empty == ""
    assert [channel.url for channel in Channel.objects.order_by("id")] == [SLACK, ""]
    call_command("migrate", "insights", "0001", verbosity=0)
    assert _stored_urls() == [SLACK, ""]
    call_command("migrate", "insights", verbosity=0)
