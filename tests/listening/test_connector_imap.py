"""The mail connector against a tiny IMAP4 server on loopback, over TLS and STARTTLS."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from majlis.listening.connectors import FetchOutcome, SourceState
from majlis.listening.connectors.imap import ImapConnector, Mailbox, message_items, parse_mailbox
from majlis.listening.fetch import FetchError, FetchOptions
from majlis.text.dedupe import canonical_url
from tests.listening.http_server import (
    Certificate,
    ImapServer,
    Mail,
    fixture,
    loopback_resolver,
    self_signed,
)

HOST = "mail.atlas.example.ma"
PASSWORD = "s3cret"
OPTIONS = FetchOptions(allow_private=True, timeout=2.0, resolve=loopback_resolver(HOST))


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> Certificate:
    return self_signed(tmp_path_factory.mktemp("imap"), HOST)


def mails() -> list[Mail]:
    return [
        Mail(3, fixture("google_alert.eml")),
        Mail(7, fixture("contact_form.eml"), seen=True),
    ]


@pytest.fixture
def server(certificate: Certificate) -> Iterator[ImapServer]:
    with ImapServer(
        mails(), username="veille", password="s3cret", implicit_tls=certificate.server
    ) as imap:
        yield imap


def read(
    server: ImapServer,
    certificate: Certificate,
    cursor: str = "",
    password: str = PASSWORD,
    scheme: str = "imaps",
) -> FetchOutcome:
    connector = ImapConnector(username="veille", password=password, ssl_context=certificate.client)
    return connector.fetch(
        f"{scheme}://{HOST}:{server.port}/INBOX", SourceState(cursor=cursor), OPTIONS
    )


def test_mailbox_addresses_name_the_host_the_security_and_the_folder() -> None:
    assert parse_mailbox("imaps://veille@mail.example.ma/Alertes%20Google") == Mailbox(
        "mail.example.ma", 993, True, "Alertes Google", "veille"
    )
    assert parse_mailbox("imap://mail.example.ma") == Mailbox(
        "mail.example.ma", 143, False, "INBOX", ""
    )


def test_a_mailbox_address_with_a_password_is_refused() -> None:
    with pytest.raises(FetchError) as caught:
        parse_mailbox("imaps://veille:s3cret@mail.example.ma/INBOX")
    assert caught.value.reason == "bad_url"


def test_the_first_run_reads_unseen_mail_and_a_google_alert_gives_its_articles(
    server: ImapServer, certificate: Certificate
) -> None:
    outcome = read(server, certificate)
    results, hespress = outcome.items
    assert results.url == "https://www.medias24.example.ma/2024/05/03/atlas-telecom-resultats/"
    assert results.title == "Atlas Telecom annonce des résultats en hausse"
    assert (
        results.text
        == "Médias24 Le chiffre d'affaires d'Atlas Telecom progresse de 4 % au premier trimestre."
    )
    assert (results.source_name, results.published_at) == (
        "Google Alerts",
        datetime(2024, 5, 3, 8, 2, 11, tzinfo=UTC),
    )
    assert hespress.url == "https://www.hespress.example.ma/atlas-telecom-reseau-1234.html"
    assert "Vous avez reçu" not in hespress.text
    assert outcome.cursor == "1:3"


def test_mail_is_read_without_being_marked_as_read(
    server: ImapServer, certificate: Certificate
) -> None:
    read(server, certificate)
    assert "EXAMINE" in server.commands
    assert "SELECT" not in server.commands
    assert not server.mails[0].seen


def test_the_next_run_reads_the_mail_after_the_last_uid(
    server: ImapServer, certificate: Certificate
) -> None:
    [form] = read(server, certificate, cursor="1:3").items
    assert form.title == "Réclamation : facture en double"
    assert (
        form.text == "Bonjour,\n\nJ'ai été facturée deux fois pour le mois d'avril. "
        "Merci de corriger rapidement.\n\nImane"
    )
    assert (form.author, form.lang_hint) == ("Imane Tazi", "fr")
    assert form.url == "mid:form-20240503-101500@atlas.example.ma"
    assert form.published_at == datetime(2024, 5, 3, 9, 15, tzinfo=UTC)


def test_nothing_new_keeps_the_cursor(server: ImapServer, certificate: Certificate) -> None:
    outcome = read(server, certificate, cursor="1:7")
    assert (outcome.items, outcome.cursor) == ([], "1:7")


def test_a_new_uidvalidity_starts_over_from_unseen_mail(
    server: ImapServer, certificate: Certificate
) -> None:
    assert len(read(server, certificate, cursor="99:7").items) == 2


def test_a_wrong_password_is_an_authentication_failure(
    server: ImapServer, certificate: Certificate
) -> None:
    with pytest.raises(FetchError) as caught:
        read(server, certificate, password="wrong")
    assert caught.value.reason == "auth_failed"
    assert caught.value.message.startswith(
        f"The mail server {HOST} refused the user name or password"
    )


def test_starttls_is_used_on_a_plain_imap_port(certificate: Certificate) -> None:
    with ImapServer(
        mails(), username="veille", password="s3cret", starttls=certificate.server
    ) as imap:
        outcome = read(imap, certificate, scheme="imap")
        assert imap.commands[:3] == ["CAPABILITY", "STARTTLS", "CAPABILITY"]
    assert len(outcome.items) == 2


def test_a_server_without_starttls_never_gets_the_password(certificate: Certificate) -> None:
    with ImapServer(mails(), username="veille", password="s3cret") as imap:
        with pytest.raises(FetchError) as caught:
            read(imap, certificate, scheme="imap")
        assert "LOGIN" not in imap.commands
    assert caught.value.message.endswith(
        "does not offer STARTTLS; Majlis never sends a password in clear."
    )


def test_a_certificate_for_another_name_is_refused(server: ImapServer, tmp_path: Path) -> None:
    stranger = self_signed(tmp_path, "other.example.ma")
    with pytest.raises(FetchError) as caught:
        read(server, stranger)
    assert caught.value.reason == "connection_failed"
    assert "certificate" in caught.value.message


def test_a_mail_server_on_a_private_address_is_refused_unless_allowed(
    server: ImapServer, certificate: Certificate
) -> None:
    connector = ImapConnector(username="veille", password="s3cret", ssl_context=certificate.client)
    with pytest.raises(FetchError) as caught:
        connector.fetch(
            f"imaps://{HOST}:{server.port}/INBOX",
            SourceState(),
            FetchOptions(resolve=loopback_resolver(HOST)),
        )
    assert caught.value.reason == "blocked_address"
    assert server.commands == []


def test_a_plain_text_google_alert_gives_its_articles_too() -> None:
    raw = fixture("google_alert.eml").split(b"--alert-boundary\nContent-Type: text/html")[0]
    [item] = message_items(
        raw + b"--alert-boundary--\n", source_name="veille", fallback_url="imap://x"
    )
    assert item.url == "https://www.medias24.example.ma/2024/05/03/atlas-telecom-resultats/"
    assert item.title == "Atlas Telecom annonce des résultats en hausse"
    assert item.text == (
        "Médias24 Le chiffre d'affaires d'Atlas Telecom progresse de 4 % au premier trimestre."
    )


def test_messages_without_an_id_keep_their_own_address_in_a_mailbox_named_with_a_hash(
    server: ImapServer, certificate: Certificate
) -> None:
    server.mails = [
        Mail(11, b"From: a@example.ma\r\nSubject: Panne\r\n\r\nPanne a Fes.\r\n"),
        Mail(12, b"From: b@example.ma\r\nSubject: Facture\r\n\r\nFacture en double.\r\n"),
    ]
    connector = ImapConnector(username="veille", password=PASSWORD, ssl_context=certificate.client)
    outcome = connector.fetch(f"imaps://{HOST}:{server.port}/%23clients", SourceState(), OPTIONS)
    assert [canonical_url(item.url) for item in outcome.items] == [
        f"imap://{HOST}/%23clients;UID=11",
        f"imap://{HOST}/%23clients;UID=12",
    ]
