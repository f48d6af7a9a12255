"""Logging in and out, changing one's password, joining by invitation."""

from __future__ import annotations

import re

from django.core import mail

from majlis.core.models import AuditEvent, Membership
from tests.conftest import PASSWORD


def test_a_member_logs_in_and_lands_on_the_dashboard(client, team):
    response = client.post(
        "/fr/accounts/login/", {"username": "agent", "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == f"/fr/w/{team.workspace.slug}/"
    assert "Atlas Telecom" in response.content.decode()


def test_a_wrong_password_is_refused_with_a_message(client, team):
    response = client.post("/fr/accounts/login/", {"username": "agent", "password": "nope"})
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_hostile_next_parameter_does_not_redirect_off_site(client, team):
    response = client.post(
        "/fr/accounts/login/?next=https://evil.example/",
        {"username": "agent", "password": PASSWORD, "next": "https://evil.example/"},
    )
    assert response.status_code == 302
    assert not response["Location"].startswith("https://evil.example")


def test_logging_out_ends_the_session(login, team):
    client = login("agent")
    client.post("/fr/accounts/logout/")
    assert client.get(f"/fr/w/{team.workspace.slug}/").status_code == 302


def test_a_member_changes_the_password(login, team):
    client = login("analyst")
    response = client.post(
        "/fr/accounts/password/",
        {
            "old_password": PASSWORD,
            "new_password1": "n3w-Passw0rd-xyz",
            "new_password2": "n3w-Passw0rd-xyz",
        },
    )
    assert response.status_code == 302
    team.analyst.refresh_from_db()
    assert team.analyst.check_password("n3w-Passw0rd-xyz")


def test_a_person_joins_by_invitation_with_the_invited_role(
    login, client, team, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        login("owner").post(
            f"/fr/w/{team.workspace.slug}/members/", {"email": "Nadia@Example.com", "role": "agent"}
        )
    client.logout()
    assert [m.to for m in mail.outbox] == [["nadia@example.com"]]
    link = re.search(r"http\S+/invite/\S+/", mail.outbox[0].body).group(0)
    path = link.split("127.0.0.1:8000", 1)[-1]
    response = client.post(
        path,
        {"username": "nadia", "password1": "Zell1ge-Fes-2026", "password2": "Zell1ge-Fes-2026"},
    )
    assert response.status_code == 302
    membership = Membership.objects.get(user__username="nadia")
    assert (membership.workspace, membership.role) == (team.workspace, "agent")
    assert client.post(path).status_code == 410  # the link works once


def test_an_invitation_with_mismatched_passwords_creates_nobody(login, client, team):
    login("owner").post(
        f"/fr/w/{team.workspace.slug}/members/", {"email": "x@example.com", "role": "analyst"}
    )
    client.logout()
    token = team.workspace.invitations.get().token
    response = client.post(
        f"/fr/invite/{token}/",
        {"username": "x", "password1": "Abcdef-123456", "password2": "other"},
    )
    assert response.status_code == 200
    assert not Membership.objects.filter(user__username="x").exists()


def test_a_bad_invitation_email_is_refused(login, team):
    response = login("owner").post(
        f"/fr/w/{team.workspace.slug}/members/", {"email": "<script>@", "role": "agent"}
    )
    assert response.status_code == 200
    assert not team.workspace.invitations.exists()


def test_the_last_owner_cannot_be_demoted(login, team):
    owner = Membership.objects.get(user=team.owner)
    login("owner").post(f"/fr/w/{team.workspace.slug}/members/{owner.pk}/role/", {"role": "agent"})
    owner.refresh_from_db()
    assert owner.role == "owner"


def test_owners_see_who_did_what_in_the_audit_log(login, team):
    client = login("owner")
    agent = Membership.objects.get(user=team.agent)
    client.post(f"/fr/w/{team.workspace.slug}/members/{agent.pk}/role/", {"role": "manager"})
    assert AuditEvent.objects.filter(action="member.role", actor=team.owner).exists()
    page = client.get(f"/en/w/{team.workspace.slug}/audit/").content.decode()
    assert "member.role" in page
    assert "agent" in page
