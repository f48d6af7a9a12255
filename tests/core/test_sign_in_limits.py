"""Sign-in attempts are limited per address and per (address, login), so passwords cannot be
guessed at speed, while a member can still sign in from elsewhere."""

from __future__ import annotations

from majlis.core.views.sign_in import PER_ADDRESS, PER_LOGIN
from tests.conftest import PASSWORD

LOGIN_PAGE = "/fr/accounts/login/"


def attempt(client, username, password, address="203.0.113.7", page=LOGIN_PAGE):
    return client.post(page, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_after_too_many_guesses_even_the_right_password_waits(client, team):
    for _ in range(PER_LOGIN.hits):
        assert attempt(client, "agent", "guess").status_code == 200
    response = attempt(client, "agent", PASSWORD)
    page = response.content.decode()
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= PER_LOGIN.seconds
    assert "Trop de tentatives de connexion" in page
    assert 'value="agent"' in page  # what was typed is kept
    assert "_auth_user_id" not in client.session


def test_the_same_member_still_signs_in_from_another_address(client, team):
    for _ in range(PER_LOGIN.hits + 1):
        attempt(client, "agent", "guess")
    response = attempt(client, "agent", PASSWORD, address="198.51.100.20")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(team.agent.pk)


def test_one_address_trying_many_logins_is_stopped(client, team):
    for number in range(PER_ADDRESS.hits):
        assert attempt(client, f"someone{number}", "guess").status_code == 200
    response = attempt(client, "analyst", PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_login_counts_the_same_however_it_is_cased_or_padded(client, team):
    for username in ["Agent", " agent", "AGENT "] * PER_LOGIN.hits:
        attempt(client, username, "guess")
    assert attempt(client, "agent", PASSWORD).status_code == 429


def test_the_refusal_speaks_arabic_on_arabic_pages(client, team):
    for _ in range(PER_LOGIN.hits + 1):
        response = attempt(client, "agent", "guess", page="/ar/accounts/login/")
    page = response.content.decode()
    assert response.status_code == 429
    assert 'dir="rtl"' in page
    assert "محاولات" in page


def test_a_huge_or_broken_login_gets_the_ordinary_refusal(client, team):
    for username in ["x" * 100_000, "agent\x00", "ag\nent", "<script>alert(1)</script>"]:
        response = attempt(client, username, "guess")
        assert response.status_code == 200
        assert 'role="alert"' in response.content.decode()
        assert "<script>alert(1)</script>" not in response.content.decode()
