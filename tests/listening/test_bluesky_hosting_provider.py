"""Bluesky accounts hosted anywhere: the hosting provider given with the login, or else the one
the handle leads to (handle -> DID -> DID document -> PDS), or else bsky.social, saying why.

The PDS is the publishing tests' fake with the listening reads (tests/listening/bluesky_pds.py);
the handle's site, the PLC directory and "bsky.social" are loopback servers under public names.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

import pytest
from django.test import override_settings

from majlis.core.crypto import decrypt
from majlis.listening import clusters, scheduling
from majlis.listening.connectors import FetchOutcome, SourceState
from majlis.listening.connectors.bluesky import BlueskyConnector, Directory, forget_sessions
from majlis.listening.fetch import FetchError, FetchOptions
from majlis.listening.models import Mention, Query, Source
from tests.listening.bluesky_pds import ListeningPds
from tests.listening.http_server import (
    LoopbackServer,
    PublicNetwork,
    Reply,
    loopback_resolver,
    self_signed,
    serve,
)
from tests.publishing.fakes.bluesky import APP_PASSWORD

PUBLIC_IP = "93.184.216.34"
HANDLE = "veille.atlas.ma"
DID = "did:plc:veilleatlasma7hostedpds2"
SEARCH_URL = "https://bsky.app/search?q=atlas"
CREATE = "/xrpc/com.atproto.server.createSession"
SEARCH = "/xrpc/app.bsky.feed.searchPosts"
WELL_KNOWN = "/.well-known/atproto-did"
DID_JSON = "application/did+ld+json; charset=utf-8"
# How the PLC directory answers for a DID it does not hold.
PLC_NOT_FOUND = Reply(
    json.dumps({"message": f"DID not registered: {DID}"}), status=404, content_type=DID_JSON
)


def did_document(did: str = DID, handle: str = HANDLE, pds: str = "") -> dict[str, object]:
    return {
        "@context": [
            "https://www.w3.org/ns/did/v1",
            "https://w3id.org/security/multikey/v1",
            "https://w3id.org/security/suites/secp256k1-2019/v1",
        ],
        "id": did,
        "alsoKnownAs": [f"at://{handle}"],
        "verificationMethod": [
            {
                "id": f"{did}#atproto",
                "type": "Multikey",
                "controller": did,
                "publicKeyMultibase": "zQ3shXjHeiBuRCKmM36cuYnm7YEMzhGnCmCyW92sRJ9pribSF",
            }
        ],
        "service": [
            {"id": "#atproto_pds", "type": "AtprotoPersonalDataServer", "serviceEndpoint": pds}
        ],
    }


def port(url: str) -> int:
    return urlsplit(url).port or 0


@dataclass
class Atmosphere:
    """The account's PDS (pds.atlas.ma), its handle's site, the PLC directory, and bsky.social,
    which hosts other people: all on loopback under public names and addresses."""

    pds: ListeningPds
    bsky: ListeningPds
    site: LoopbackServer
    plc: LoopbackServer
    network: PublicNetwork

    @property
    def pds_url(self) -> str:
        return f"http://pds.atlas.ma:{port(self.pds.url)}"

    @property
    def bsky_url(self) -> str:
        return f"http://bsky.social:{port(self.bsky.url)}"

    @property
    def directory(self) -> Directory:
        return Directory(
            plc=f"http://plc.directory:{self.plc.port}",
            handles=f"http://{{handle}}:{self.site.port}",
            fallback=self.bsky_url,
        )

    @property
    def options(self) -> FetchOptions:
        # Private addresses refused, as in production: every lookup meets the guard.
        return FetchOptions(timeout=2.0, resolve=self.network.resolve, dial=self.network.dial)

    def publish(self, did: str = DID, document: dict[str, object] | None = None) -> None:
        """The handle's site names the DID; the PLC directory holds its document."""
        self.site.route(WELL_KNOWN, Reply(f"{did}\n"))
        body = document if document is not None else did_document(pds=self.pds_url)
        self.plc.route(f"/{did}", Reply(json.dumps(body), content_type=DID_JSON))

    def connector(self, identifier: str = HANDLE, service: str = "") -> BlueskyConnector:
        return BlueskyConnector(identifier, APP_PASSWORD, service=service, directory=self.directory)

    def read(self, connector: BlueskyConnector) -> FetchOutcome:
        return connector.fetch(SEARCH_URL, SourceState(), self.options)

    def failure(self, identifier: str = HANDLE) -> FetchError:
        with pytest.raises(FetchError) as caught:
            self.read(self.connector(identifier))
        return caught.value


@pytest.fixture(autouse=True)
def fresh_state() -> Iterator[None]:
    forget_sessions()  # sessions are kept per process, and ports get reused between tests
    clusters.reset()
    yield
    forget_sessions()
    clusters.reset()


@pytest.fixture
def atmosphere() -> Iterator[Atmosphere]:
    pds = ListeningPds(handle=HANDLE, did=DID).start()
    bsky = ListeningPds(handle="karim.bsky.social").start()
    try:
        with serve() as site, serve() as plc:
            plc.route(f"/{DID}", PLC_NOT_FOUND)
            names = ("pds.atlas.ma", "bsky.social", "plc.directory", HANDLE)
            network = PublicNetwork(dict.fromkeys(names, PUBLIC_IP))
            yield Atmosphere(pds, bsky, site, plc, network)
    finally:
        pds.stop()
        bsky.stop()


# The connector


def test_an_account_signs_in_at_its_hosting_provider_and_reads_posts_there(
    atmosphere: Atmosphere,
) -> None:
    outcome = atmosphere.read(atmosphere.connector(service=atmosphere.pds_url))
    assert [item.author for item in outcome.items] == [
        "Karim (@karim.bsky.social)",
        "@salma.example.ma",
    ]
    create, search = atmosphere.pds.requests
    assert (create.path, json.loads(create.body)) == (
        CREATE,
        {"identifier": HANDLE, "password": APP_PASSWORD},
    )
    assert (search.path, search.query) == (SEARCH, {"limit": "50", "q": "atlas", "sort": "latest"})
    assert search.bearer in atmosphere.pds.access
    # Given a hosting provider, nothing is looked up, and bsky.social is never asked.
    assert (atmosphere.site.requests, atmosphere.plc.requests, atmosphere.bsky.requests) == (
        [],
        [],
        [],
    )


def test_a_handle_on_its_own_domain_leads_to_its_pds(atmosphere: Atmosphere) -> None:
    atmosphere.publish()
    outcome = atmosphere.read(atmosphere.connector())
    assert len(outcome.items) == 2
    (well_known,) = atmosphere.site.requests
    assert (well_known.path, well_known.headers["host"]) == (
        WELL_KNOWN,
        f"{HANDLE}:{atmosphere.site.port}",
    )
    assert [seen.path for seen in atmosphere.plc.requests] == [f"/{DID}"]
    assert [r.path for r in atmosphere.pds.requests] == [CREATE, SEARCH]
    assert atmosphere.bsky.requests == []
    assert atmosphere.network.lookups == [HANDLE, "plc.directory", "pds.atlas.ma", "pds.atlas.ma"]


def test_an_account_given_by_its_did_is_looked_up_in_the_plc_directory(
    atmosphere: Atmosphere,
) -> None:
    atmosphere.publish()
    assert len(atmosphere.read(atmosphere.connector(DID)).items) == 2
    assert atmosphere.site.requests == []  # no handle to ask about
    assert json.loads(atmosphere.pds.requests[0].body)["identifier"] == DID


def test_the_account_is_looked_up_once_and_its_session_kept(atmosphere: Atmosphere) -> None:
    atmosphere.publish()
    reader = atmosphere.connector()
    atmosphere.read(reader)
    atmosphere.read(reader)
    assert (len(atmosphere.site.requests), len(atmosphere.plc.requests)) == (1, 1)
    assert atmosphere.pds.requests[2].path == SEARCH  # the second run signs in no more


def test_a_did_web_account_finds_its_pds_in_its_sites_did_json(tmp_path) -> None:
    certificate = self_signed(tmp_path, "localhost")
    with serve(certificate.server) as site:
        did = f"did:web:localhost%3A{site.port}"
        pds = ListeningPds(handle=HANDLE, did=did).start()
        try:
            site.route(
                "/.well-known/did.json",
                Reply(json.dumps(did_document(did, pds=pds.url)), content_type=DID_JSON),
            )
            options = FetchOptions(
                allow_private=True,
                timeout=2.0,
                resolve=loopback_resolver("localhost"),
                ssl_context=certificate.client,
            )
            # A fallback nowhere (port 1 is never dialled): the lookup has to succeed.
            nowhere = Directory(plc="http://127.0.0.1:1", fallback="http://127.0.0.1:1")
            reader = BlueskyConnector(did, APP_PASSWORD, directory=nowhere)
            assert len(reader.fetch(SEARCH_URL, SourceState(), options).items) == 2
            assert [r.path for r in pds.requests] == [CREATE, SEARCH]
        finally:
            pds.stop()


def test_a_handle_under_bsky_social_signs_in_there_without_a_lookup(
    atmosphere: Atmosphere,
) -> None:
    assert len(atmosphere.read(atmosphere.connector("karim.bsky.social")).items) == 2
    assert [r.path for r in atmosphere.bsky.requests] == [CREATE, SEARCH]
    assert (atmosphere.site.requests, atmosphere.plc.requests) == ([], [])


def test_a_handle_published_only_in_dns_signs_in_at_bsky_social(atmosphere: Atmosphere) -> None:
    """GIVEN a custom-domain handle published in DNS only (Majlis does not read DNS TXT), for
    an account hosted by bsky.social
    WHEN a search is read with it
    THEN the site's 404 sends the account to bsky.social, where it signs in and reads."""
    atmosphere.bsky.account_handle = "salma.example.ma"
    atmosphere.network.answers["salma.example.ma"] = [PUBLIC_IP]
    assert len(atmosphere.read(atmosphere.connector("salma.example.ma")).items) == 2
    assert [seen.path for seen in atmosphere.site.requests] == [WELL_KNOWN]
    assert [r.path for r in atmosphere.bsky.requests] == [CREATE, SEARCH]


def test_when_the_lookup_fails_the_refusal_says_where_it_signed_in_and_why(
    atmosphere: Atmosphere,
) -> None:
    error = atmosphere.failure()
    assert error.reason == "auth_failed"
    assert error.message == (
        f"Bluesky refused the handle or app password of {HANDLE} at {atmosphere.bsky_url} "
        "(AuthenticationRequired: Invalid identifier or password). Majlis could not find "
        f"where {HANDLE} is hosted: {HANDLE} answered 404 (Not Found). It signed in at "
        f"{atmosphere.bsky_url} instead; if the account is hosted elsewhere, give its hosting "
        'provider under "Replace the login".'
    )
    assert atmosphere.pds.requests == []


def _document_for_another_did(a: Atmosphere) -> None:
    a.publish(document=did_document("did:plc:someoneelse2someoneelse2", pds=a.pds_url))


def _document_for_another_handle(a: Atmosphere) -> None:
    a.publish(document=did_document(handle="impostor.example.ma", pds=a.pds_url))


def _document_without_pds(a: Atmosphere) -> None:
    a.publish(document={**did_document(), "service": []})


def _pds_that_is_a_script(a: Atmosphere) -> None:
    a.publish(document=did_document(pds="javascript:alert(1)"))


def _private_handle_site(a: Atmosphere) -> None:
    a.publish()
    a.network.answers[HANDLE] = ["10.0.0.7"]


def _redirect_to_loopback(a: Atmosphere) -> None:
    a.publish()
    a.site.route(WELL_KNOWN, Reply.redirect(f"http://127.0.0.1:{a.site.port}/did"))


def _endless_did(a: Atmosphere) -> None:
    a.site.route(WELL_KNOWN, Reply(content_type="text/plain", endless=True))


def _route(path: str, reply: Reply, on_plc: bool = False):
    def setup(a: Atmosphere) -> None:
        a.publish()
        (a.plc if on_plc else a.site).route(path, reply)

    return setup


@pytest.mark.parametrize(
    ("setup", "reason"),
    [
        (
            _route(
                WELL_KNOWN, Reply("<html><body>Bienvenue</body></html>", content_type="text/html")
            ),
            f"http://{HANDLE}:PORT/.well-known/atproto-did does not hold a did:plc or did:web",
        ),
        (
            _route(WELL_KNOWN, Reply("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK")),
            "does not hold a did:plc or did:web",
        ),
        (_route(WELL_KNOWN, Reply("")), "does not hold a did:plc or did:web"),
        (_route(WELL_KNOWN, Reply("oops", status=500)), f"{HANDLE} answered 500"),
        (_endless_did, f"{HANDLE} sent more than 64,000 bytes"),
        (_private_handle_site, f"{HANDLE} resolves to a private address (10.0.0.7)"),
        (_redirect_to_loopback, "It redirects to http://127.0.0.1"),
        (_route(f"/{DID}", PLC_NOT_FOUND, on_plc=True), "plc.directory answered 404"),
        (
            _route(f"/{DID}", Reply("<html>maintenance</html>", content_type="text/html"), True),
            "did not answer with valid JSON",
        ),
        (_route(f"/{DID}", Reply("[]", content_type=DID_JSON), True), "is not the DID document"),
        (_document_for_another_did, f"is not the DID document of {DID}"),
        (_document_for_another_handle, f"the DID document of {DID} does not name {HANDLE}"),
        (_document_without_pds, f"the DID document of {DID} names no PDS"),
        (_pds_that_is_a_script, f"the DID document of {DID} names no PDS"),
    ],
)
def test_a_lookup_that_fails_falls_back_to_bsky_social_and_says_why(
    atmosphere: Atmosphere, setup, reason: str
) -> None:
    setup(atmosphere)
    error = atmosphere.failure()
    assert error.reason == "auth_failed"
    assert f"Majlis could not find where {HANDLE} is hosted: " in error.message
    assert reason.replace("PORT", str(atmosphere.site.port)) in error.message
    assert f"It signed in at {atmosphere.bsky_url} instead" in error.message
    assert atmosphere.pds.requests == []  # the app password went nowhere else


def test_a_did_document_cannot_send_the_password_to_a_private_address(
    atmosphere: Atmosphere,
) -> None:
    """GIVEN a DID document whose PDS is a name on the intranet
    WHEN the account signs in
    THEN the guard refuses that address: no fallback, and the password is sent nowhere."""
    atmosphere.publish(
        document=did_document(pds=f"http://intranet.atlas.ma:{port(atmosphere.pds.url)}")
    )
    atmosphere.network.answers["intranet.atlas.ma"] = ["10.0.0.8"]
    error = atmosphere.failure()
    assert error.reason == "blocked_address"
    assert error.message.startswith("intranet.atlas.ma resolves to a private address (10.0.0.8)")
    assert (atmosphere.pds.requests, atmosphere.bsky.requests) == ([], [])


def test_a_did_web_with_a_port_is_only_for_localhost(atmosphere: Atmosphere) -> None:
    error = atmosphere.failure("did:web:pds.atlas.ma%3A8443")
    assert "did:web:pds.atlas.ma%3A8443 names a port, which only localhost may do" in error.message
    assert atmosphere.network.lookups == ["bsky.social"]


# The sources page


def add(client, team, lang: str = "en", **values):
    return client.post(
        f"/{lang}/w/{team.workspace.slug}/sources/",
        {
            "kind": "bluesky",
            "url": SEARCH_URL,
            "name": "Veille Atlas",
            "interval_minutes": 45,
            "login": HANDLE,
            "password": APP_PASSWORD,
            **values,
        },
    )


def replace_login(client, team, source: Source, **values):
    return client.post(f"/en/w/{team.workspace.slug}/sources/{source.pk}/credentials/", values)


def shown(response) -> str:
    """The page as a person reads it: entities such as &#x27; turned back into characters."""
    return html.unescape(response.content.decode())


def sources_page(client, team) -> str:
    return shown(client.get(f"/en/w/{team.workspace.slug}/sources/"))


def stored(source: Source) -> dict[str, str]:
    return json.loads(decrypt(source.credentials))


@override_settings(ALLOW_PRIVATE_URLS=True)
def test_a_source_with_a_hosting_provider_signs_in_there_and_brings_its_mentions(
    login, team, django_capture_on_commit_callbacks
):
    """GIVEN an account on a self-hosted PDS, and a query on the brand
    WHEN a manager adds a Bluesky search with its handle, app password and hosting provider
    THEN the source signs in at that PDS, its posts arrive as mentions, and the page shows
    where the account is hosted."""
    Query.objects.create(workspace=team.workspace, name="Marque", text='"atlas telecom"')
    pds = ListeningPds(handle=HANDLE, did=DID).start()
    try:
        client = login("manager")
        with django_capture_on_commit_callbacks(execute=True):
            response = add(client, team, provider=f"{pds.url}/")
        assert response.status_code == 302
        assert [r.path for r in pds.requests] == [CREATE, SEARCH]
    finally:
        pds.stop()
    source = Source.objects.get()
    assert stored(source) == {
        "identifier": HANDLE,
        "app_password": APP_PASSWORD,
        "service": pds.url,
    }
    mention = Mention.objects.select_related("item").get(workspace=team.workspace)
    assert mention.item.text.startswith("Atlas Telecom en panne à Casa")
    source.refresh_from_db()
    assert (source.healthy, source.last_error) == (True, "")
    page = sources_page(client, team)
    assert f"login: <bdi>{HANDLE}</bdi> · hosting provider: <bdi>{pds.url}</bdi>" in page


@override_settings(ALLOW_PRIVATE_URLS=True)
def test_a_failed_lookup_is_explained_on_the_page_and_the_hosting_provider_fixes_it(
    login, team, atmosphere, monkeypatch, django_capture_on_commit_callbacks
):
    """GIVEN an account whose handle cannot be looked up
    WHEN it is added without a hosting provider
    THEN the source fails saying where it signed in and why, and once the manager gives the
    hosting provider under "Replace the login", it reads."""
    monkeypatch.setattr(
        scheduling, "options", lambda: replace(atmosphere.options, allow_private=True)
    )
    monkeypatch.setattr(
        scheduling,
        "connector_for",
        lambda kind, secrets: BlueskyConnector(**secrets, directory=atmosphere.directory),
    )
    client = login("manager")
    with django_capture_on_commit_callbacks(execute=True):
        add(client, team)
    page = sources_page(client, team)
    assert "failing" in page
    assert (
        f"Majlis could not find where {HANDLE} is hosted: {HANDLE} answered 404 (Not Found). "
        f"It signed in at {atmosphere.bsky_url} instead; if the account is hosted elsewhere, "
        'give its hosting provider under "Replace the login".'
    ) in page

    source = Source.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = replace_login(
            client, team, source, login=HANDLE, password=APP_PASSWORD, provider=atmosphere.pds.url
        )
    assert response.status_code == 302
    source.refresh_from_db()
    assert (source.healthy, source.last_error) == (True, "")
    assert [r.path for r in atmosphere.pds.requests] == [CREATE, SEARCH]


def test_replace_the_login_offers_the_hosting_provider_as_it_was(login, team):
    client = login("manager")
    add(client, team, provider="pds.atlas.ma")
    add(client, team, kind="imap", url="imaps://mail.atlas.ma/INBOX", login="veille", password="x")
    bluesky, mailbox = Source.objects.order_by("kind")
    page = sources_page(client, team)
    assert f"login: <bdi>{HANDLE}</bdi> · hosting provider: <bdi>https://pds.atlas.ma</bdi>" in page
    assert (
        '<input type="text" name="provider" value="https://pds.atlas.ma" '
        in page.split(f'id="id_{bluesky.pk}_login"')[1]
    )
    assert f'id="id_{mailbox.pk}_provider"' not in page  # a mailbox has no hosting provider


def test_the_hosting_provider_is_stored_as_a_plain_server_address(login, team):
    add(login("manager"), team, provider="  PDS.Atlas.ma/ ")
    assert stored(Source.objects.get())["service"] == "https://pds.atlas.ma"


def test_without_a_hosting_provider_none_is_stored(login, team):
    add(login("manager"), team, provider="")
    assert stored(Source.objects.get()) == {"identifier": HANDLE, "app_password": APP_PASSWORD}


@pytest.mark.parametrize(
    ("provider", "message"),
    [
        ("javascript:alert(1)", "The hosting provider's address must start with https://."),
        ("file:///etc/passwd", "The hosting provider's address must start with https://."),
        ("ftp://pds.atlas.ma", "The hosting provider's address must start with https://."),
        ("http://pds.atlas.ma", "The hosting provider's address must start with https://."),
        (
            "https://veille:s3cret@pds.atlas.ma",
            "Put the login and password in their own fields, never in the address.",
        ),
        (
            "https://veille@pds.atlas.ma",
            "Put the login and password in their own fields, never in the address.",
        ),
        ("https://" + "p" * 4992, "Ensure this value has at most 300 characters (it has 5000)."),
        (
            "https://pds.atlas.ma/xrpc/com.atproto.server.createSession",
            "Give only the server's address, such as https://pds.example.com, with nothing "
            "after the host name.",
        ),
        ("https://pds.atlas.ma/?next=/admin", "Give only the server's address"),
        ("https://pds.atlas.ma/#top", "Give only the server's address"),
        ("https://pds.atlas.ma?", "Give only the server's address"),
        (
            "https://pds.atlas.ma\r\nHost: intranet",
            "Line breaks and control characters are not allowed here.",
        ),
        ("https://pds.atlas.ma\x00", "Line breaks and control characters are not allowed here."),
        (
            "https://127.0.0.1:2583",
            "This address is on a private network: Majlis signs in only at public servers, "
            "unless the operator allows private addresses.",
        ),
        ("http://localhost:2583", "This address is on a private network"),
        ("https://10.0.0.5", "This address is on a private network"),
        ("https://[::1]", "This address is on a private network"),
        ("https://169.254.169.254", "This address is on a private network"),
        (
            "https://pds.atlas.ma:22",
            "This is not a server address: give one such as https://pds.example.com.",
        ),
        ("https://pds atlas.ma", "This is not a server address"),
        ("https://", "This is not a server address"),
    ],
)
def test_a_hostile_hosting_provider_is_refused_and_the_rest_of_the_form_is_kept(
    login, team, provider, message
):
    response = add(login("manager"), team, provider=provider)
    page = shown(response)
    assert response.status_code == 200
    assert f'<p class="error" role="alert">{message}' in page
    assert not Source.objects.exists()
    # Everything else typed is still there to submit again (the password, never echoed, aside).
    assert '<option value="bluesky" selected>' in page
    for name, value in (("url", SEARCH_URL), ("name", "Veille Atlas"), ("login", HANDLE)):
        assert f'name="{name}" value="{value}"' in page
    assert 'name="interval_minutes" value="45"' in page
    assert APP_PASSWORD not in page


@override_settings(ALLOW_PRIVATE_URLS=True)
@pytest.mark.parametrize(
    ("provider", "accepted"),
    [
        ("http://127.0.0.1:2583", "http://127.0.0.1:2583"),
        ("http://localhost:2583", "http://localhost:2583"),
        ("https://10.0.0.5:2583", "https://10.0.0.5:2583"),
        ("http://10.0.0.5:2583", None),  # plain http, off this machine: never
        ("http://pds.atlas.ma", None),
    ],
)
def test_private_hosting_providers_when_the_operator_allows_them(login, team, provider, accepted):
    page = shown(add(login("manager"), team, provider=provider))
    if accepted:
        assert stored(Source.objects.get())["service"] == accepted
    else:
        assert "The hosting provider's address must start with https://." in page
        assert not Source.objects.exists()


@pytest.mark.parametrize(
    ("values", "message"),
    [
        (
            {"url": "https://bsky.app/profile/atlastelecom.ma", "login": "", "password": ""},
            "A hosting provider is where a handle signs in: give the handle and app password "
            "too, or leave this field empty.",
        ),
        (
            {"kind": "feed", "url": "https://news.atlas.ma/rss", "login": "", "password": ""},
            "Only a Bluesky account has a hosting provider: leave this field empty.",
        ),
    ],
)
def test_a_hosting_provider_with_nothing_to_sign_in_is_refused(login, team, values, message):
    page = shown(add(login("manager"), team, provider="https://pds.atlas.ma", **values))
    assert message in page
    assert not Source.objects.exists()


def test_a_hostile_replacement_keeps_the_old_login_and_says_why(login, team):
    client = login("manager")
    add(client, team, provider="https://pds.atlas.ma")
    source = Source.objects.get()
    before = source.credentials
    response = replace_login(
        client,
        team,
        source,
        login="alertes.atlas.ma",
        password="n3w",
        provider="file:///etc/passwd",
    )
    page = shown(response)
    assert "The hosting provider's address must start with https://." in page
    assert "<details open>" in page  # the refused form is the one shown open
    assert 'value="alertes.atlas.ma"' in page
    source.refresh_from_db()
    assert source.credentials == before


def test_signing_out_asks_to_empty_the_hosting_provider_too(login, team):
    client = login("manager")
    add(client, team, url="https://bsky.app/profile/atlastelecom.ma", provider="pds.atlas.ma")
    source = Source.objects.get()
    response = replace_login(
        client, team, source, login="", password="", provider="https://pds.atlas.ma"
    )
    assert "give the handle and app password too, or leave this field empty" in shown(response)
    replace_login(client, team, source, login="", password="", provider="")
    source.refresh_from_db()
    assert source.credentials == ""


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("fr", "L'adresse de l'hébergeur doit commencer par https://."),
        ("ar", "يجب أن يبدأ رابط مزوّد الاستضافة بـ https://."),
    ],
)
def test_the_refusal_is_in_the_language_of_the_page(login, team, lang, message):
    assert message in shown(add(login("manager"), team, lang=lang, provider="javascript:alert(1)"))
