"""French by default, English and Arabic; Arabic pages lay out right to left."""

from __future__ import annotations

import re
from pathlib import Path

import pytest


def _html_tag(response) -> str:
    match = re.search(r"<html[^>]*>", response.content.decode())
    assert match, "no <html> tag"
    return match.group(0)


@pytest.mark.django_db
def test_the_root_sends_a_visitor_to_french(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/fr/"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("prefix", "lang", "direction", "words"),
    [
        ("fr", "fr", "ltr", "Mot de passe"),
        ("en", "en", "ltr", "Password"),
        ("ar", "ar", "rtl", "كلمة المرور"),
    ],
)
def test_login_page_speaks_the_language_and_direction(client, prefix, lang, direction, words):
    response = client.get(f"/{prefix}/accounts/login/")
    assert _html_tag(response) == f'<html lang="{lang}" dir="{direction}">'
    assert words in response.content.decode()


def test_the_language_switcher_keeps_the_page(login, team):
    client = login("analyst")
    page = client.get(f"/fr/w/{team.workspace.slug}/", headers={"Accept-Language": "en-US"})
    next_path = re.search(r'name="next" type="hidden" value="([^"]+)"', page.content.decode())
    assert next_path
    response = client.post(
        "/i18n/setlang/",
        {"language": "ar", "next": next_path.group(1)},
        headers={"Accept-Language": "en-US"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == f"/ar/w/{team.workspace.slug}/"
    page = response
    assert 'dir="rtl"' in _html_tag(page)


def test_the_stylesheet_uses_logical_sides_so_arabic_flips_the_layout(client):
    from django.contrib.staticfiles import finders

    css = Path(finders.find("majlis/majlis.css")).read_text(encoding="utf-8")
    assert not re.search(r"(margin|padding|border)-(left|right)\b|text-align:\s*(left|right)", css)
    assert "margin-inline" in css
