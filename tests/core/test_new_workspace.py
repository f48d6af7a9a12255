"""An administrator creates a workspace from the web UI and becomes its owner."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from majlis.core.models import AuditEvent, Membership, Workspace
from majlis.core.roles import Role
from tests.conftest import PASSWORD


@pytest.fixture
def admin(db):
    return get_user_model().objects.create_superuser("admin", "admin@example.com", PASSWORD)


@pytest.fixture
def as_admin(client, admin):
    client.force_login(admin)
    return client


def test_an_administrator_without_workspace_is_offered_the_form_on_the_home_page(as_admin):
    page = as_admin.get("/fr/").content.decode()
    assert "Vous n'êtes encore membre d'aucun espace de travail" in page
    assert "Nouvel espace de travail" in page
    assert 'action="/fr/workspaces/new/"' in page
    assert "Demandez" not in page  # not told to ask an owner for an invitation


def test_an_administrator_creates_a_workspace_and_owns_it(as_admin, admin):
    response = as_admin.post(
        "/fr/workspaces/new/", {"name": "Banque Atlas", "slug": "banque-atlas"}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/fr/w/banque-atlas/"
    page = response.content.decode()
    assert "Espace de travail Banque Atlas créé ; vous en êtes propriétaire." in page
    workspace = Workspace.objects.get(slug="banque-atlas")
    assert workspace.name == "Banque Atlas"
    assert Membership.objects.get(workspace=workspace).user == admin
    assert workspace.role_of(admin) == Role.OWNER
    event = AuditEvent.objects.get(workspace=workspace)
    assert (event.actor, event.action, event.target) == (admin, "workspace.create", "banque-atlas")
    assert as_admin.get("/fr/w/banque-atlas/audit/").status_code == 200


def test_a_slug_in_capitals_is_kept_in_lowercase(as_admin):
    as_admin.post("/fr/workspaces/new/", {"name": "Atlas", "slug": "  Atlas-2026 "})
    assert Workspace.objects.filter(slug="atlas-2026").exists()


@pytest.mark.parametrize(
    ("name", "slug", "message"),
    [
        ("", "vide", "Ce champ est obligatoire."),
        ("   ", "blanc", "Ce champ est obligatoire."),
        ("Sans slug", "", "Ce champ est obligatoire."),
        ("x" * 5000, "long-name", "au plus 120 caractères"),
        ("Long slug", "x" * 5000, "au plus 60 caractères"),
        ("Espaces", "mon espace", "lettres minuscules, des chiffres et des tirets"),
        ("Accents", "café", "lettres minuscules, des chiffres et des tirets"),
        ("Arabe", "مساحة", "lettres minuscules, des chiffres et des tirets"),
        ("Tirets", "-atlas-", "lettres minuscules, des chiffres et des tirets"),
        ("Chemin", "../admin", "lettres minuscules, des chiffres et des tirets"),
        ("Balise", "<b>x</b>", "lettres minuscules, des chiffres et des tirets"),
        ("Doublon", "atlas", "Un espace de travail utilise déjà cet identifiant."),
        ("Doublon", "ATLAS", "Un espace de travail utilise déjà cet identifiant."),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_is_created(as_admin, name, slug, message):
    Workspace.objects.create(slug="atlas", name="Atlas Telecom")
    response = as_admin.post("/fr/workspaces/new/", {"name": name, "slug": slug})
    assert response.status_code == 200
    page = response.content.decode()
    assert 'role="alert"' in page
    assert message in page
    assert Workspace.objects.count() == 1
    assert not AuditEvent.objects.exists()


def test_html_in_the_name_is_shown_as_text(as_admin):
    name = '<script>alert("x")</script>'
    response = as_admin.post("/fr/workspaces/new/", {"name": name, "slug": "xss"}, follow=True)
    page = response.content.decode()
    assert Workspace.objects.get(slug="xss").name == name
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page


def test_an_administrator_finds_the_form_from_a_dashboard(as_admin, admin, team):
    Membership.objects.create(workspace=team.workspace, user=admin, role=Role.ANALYST)
    page = as_admin.get(f"/fr/w/{team.workspace.slug}/").content.decode()
    assert 'href="/fr/workspaces/new/"' in page
    assert "Nouvel espace de travail" in as_admin.get("/fr/workspaces/new/").content.decode()


def test_the_form_reads_right_to_left_in_arabic(as_admin):
    page = as_admin.get("/ar/workspaces/new/").content.decode()
    assert 'dir="rtl"' in page
    assert "مساحة عمل جديدة" in page
    assert "إنشاء مساحة العمل" in page


@pytest.mark.parametrize("person", ["owner", "manager", "agent", "analyst", "outsider"])
def test_people_who_are_not_administrators_get_no_form(login, team, person):
    client = login(person)
    assert client.get("/fr/workspaces/new/").status_code == 404
    assert client.post("/fr/workspaces/new/", {"name": "X", "slug": "x"}).status_code == 404
    assert not Workspace.objects.filter(slug="x").exists()
    slug = "elsewhere" if person == "outsider" else team.workspace.slug
    dashboard = client.get(f"/fr/w/{slug}/")
    assert dashboard.status_code == 200
    assert 'href="/fr/workspaces/new/"' not in dashboard.content.decode()


def test_a_member_without_workspace_is_still_told_to_ask_for_an_invitation(client, db):
    client.force_login(get_user_model().objects.create_user("nobody", password=PASSWORD))
    page = client.get("/fr/").content.decode()
    assert "Nouvel espace de travail" not in page
    assert 'action="/fr/workspaces/new/"' not in page


def test_an_anonymous_visitor_is_sent_to_log_in(client, db):
    response = client.get("/fr/workspaces/new/")
    assert response.status_code == 302
    assert response["Location"].startswith("/fr/accounts/login/")


def test_the_header_offers_a_new_workspace_to_administrators_only(as_admin, admin, login, team):
    Membership.objects.create(workspace=team.workspace, user=admin, role=Role.OWNER)
    header_link = 'class="new-workspace" href="/fr/workspaces/new/"'
    assert header_link in as_admin.get(f"/fr/w/{team.workspace.slug}/").content.decode()
    as_owner = login("owner")
    assert header_link not in as_owner.get(f"/fr/w/{team.workspace.slug}/").content.decode()
