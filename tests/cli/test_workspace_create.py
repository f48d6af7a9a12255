"""`majlis workspace create`: a workspace from a shell, its slug on stdout, exit 2 on bad input."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from majlis.cli import main
from majlis.core.models import AuditEvent, Workspace
from majlis.core.roles import Role
from tests.cli.run import majlis


@pytest.fixture
def admin(db):
    return get_user_model().objects.create_superuser("admin", "admin@example.com", "pw")


def test_it_prints_the_slug_and_makes_the_owner(team, capsys):
    args = ["workspace", "create", "--slug", "banque", "--name", "Banque Atlas", "--owner", "agent"]
    assert main(args) == 0
    assert capsys.readouterr().out == "banque\n"
    workspace = Workspace.objects.get(slug="banque")
    assert workspace.name == "Banque Atlas"
    assert workspace.role_of(team.agent) == Role.OWNER
    event = AuditEvent.objects.get(workspace=workspace)
    assert (event.actor_name, event.action, event.details["owner"]) == (
        "system",
        "workspace.create",
        "agent",
    )


def test_without_owner_the_only_administrator_owns_it(admin, capsys):
    assert main(["workspace", "create", "--slug", "acme", "--name", "Acme"]) == 0
    assert capsys.readouterr().out == "acme\n"
    assert Workspace.objects.get(slug="acme").role_of(admin) == Role.OWNER


def test_without_owner_and_two_administrators_it_asks_which(admin, capsys):
    get_user_model().objects.create_superuser("root", "root@example.com", "pw")
    assert main(["workspace", "create", "--slug", "acme", "--name", "Acme"]) == 2
    assert "--owner is needed" in capsys.readouterr().err
    assert not Workspace.objects.exists()


def test_an_unknown_owner_exits_2(admin, capsys):
    args = ["workspace", "create", "--slug", "acme", "--name", "Acme", "--owner", "nobody"]
    assert main(args) == 2
    captured = capsys.readouterr()
    assert "--owner: no active user 'nobody'" in captured.err
    assert captured.out == ""
    assert not Workspace.objects.exists()


@pytest.mark.parametrize(
    ("slug", "name", "message"),
    [
        ("", "Acme", "--slug: This field is required."),
        ("acme", "   ", "--name: This field is required."),
        ("x" * 5000, "Acme", "--slug: Ensure this value has at most 60 characters"),
        ("acme", "x" * 5000, "--name: Ensure this value has at most 120 characters"),
        ("my space", "Acme", "--slug: Use lowercase letters, digits and hyphens only"),
        ("café", "Acme", "--slug: Use lowercase letters, digits and hyphens only"),
        ("<b>", "Acme", "--slug: Use lowercase letters, digits and hyphens only"),
        ("Atlas", "Acme", "--slug: A workspace with this slug already exists."),
    ],
)
def test_bad_input_exits_2_with_a_message_and_creates_nothing(team, capsys, slug, name, message):
    args = ["workspace", "create", "--slug", slug, "--name", name, "--owner", "owner"]
    assert main(args) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith("majlis workspace: ")
    assert message in captured.err
    assert captured.out == ""
    assert Workspace.objects.count() == 2  # the team's two


def test_html_in_the_name_is_kept_as_text(admin, capsys):
    assert main(["workspace", "create", "--slug", "html", "--name", "<b>Acme</b>"]) == 0
    assert Workspace.objects.get(slug="html").name == "<b>Acme</b>"


def test_a_missing_option_exits_2_with_usage():
    result = majlis("workspace", "create", "--name", "Acme")
    assert result.returncode == 2
    assert "--slug" in result.stderr
    assert result.stdout == ""
