"""The real Akismet client from PyPI, pointed at Majlis, runs the whole protocol."""

from __future__ import annotations

import akismet
import httpx
import pytest

from majlis import handler
from majlis.moderation import sites
from majlis.moderation.models import Item, ItemStatus

SITE = "https://blog.atlas.ma"


class ToMajlis(httpx.HTTPTransport):
    """The client always calls https://rest.akismet.com; this sends its requests to Majlis.

    The library's documented way to change how it talks HTTP is its `http_client` argument;
    any Akismet client can be pointed elsewhere the same way, or by the host name.
    """

    def __init__(self, base_url: str) -> None:
        super().__init__()
        self.base = httpx.URL(base_url)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.url = request.url.copy_with(
            scheme=self.base.scheme, host=self.base.host, port=self.base.port
        )
        request.headers["Host"] = self.base.netloc.decode()
        return super().handle_request(request)


class ToProductionApplication(httpx.WSGITransport):
    """The same client in-process against majlis/wsgi.py's application, whose protocol paths
    skip the middleware of the pages (majlis/handler.py); Django's test server does not."""

    def __init__(self) -> None:
        super().__init__(app=handler.application())

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.headers["Host"] = "testserver"
        return super().handle_request(request)


@pytest.fixture(params=["test server", "production application"])
def transport(request) -> httpx.BaseTransport:
    if request.param == "production application":
        return ToProductionApplication()
    return ToMajlis(request.getfixturevalue("live_server").url)


@pytest.fixture
def akismet_client(transport, team):
    _site, key = sites.new_key(team.workspace, SITE)
    http = httpx.Client(
        transport=transport,
        headers={"User-Agent": akismet.USER_AGENT},
        timeout=10,
    )
    client = akismet.SyncClient.validated_client(
        config=akismet.Config(key=key, url=SITE), http_client=http
    )
    yield client
    http.close()


@pytest.mark.django_db(transaction=True)
def test_the_akismet_client_verifies_checks_and_submits(akismet_client):
    assert akismet_client.verify_key() is True
    ham = akismet_client.comment_check(
        user_ip="196.200.130.15",
        comment_type="comment",
        comment_author="Youssef",
        comment_author_email="youssef@example.ma",
        comment_content="Bonjour, est-ce que la fibre est disponible à Agadir ?",
        user_agent="Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0",
        blog_lang="fr",
    )
    assert ham == akismet.CheckResponse.HAM
    spam = akismet_client.comment_check(
        user_ip="203.0.113.9", comment_author="viagra-test-123", comment_content="hello"
    )
    assert spam in (akismet.CheckResponse.SPAM, akismet.CheckResponse.DISCARD)
    assert akismet_client.submit_spam(
        user_ip="196.200.130.15",
        comment_author="Youssef",
        comment_content="Bonjour, est-ce que la fibre est disponible à Agadir ?",
    )
    assert akismet_client.submit_ham(
        user_ip="203.0.113.9", comment_author="viagra-test-123", comment_content="hello"
    )
    assert akismet_client.usage_limit()["usage"] == 2
    statuses = dict(Item.objects.values_list("author", "status"))
    assert statuses == {"Youssef": ItemStatus.SPAM, "viagra-test-123": ItemStatus.APPROVED}


@pytest.mark.django_db(transaction=True)
def test_the_akismet_client_is_told_a_wrong_key_is_wrong(transport, team):
    http = httpx.Client(transport=transport, timeout=10)
    with pytest.raises(akismet.APIKeyError):
        akismet.SyncClient.validated_client(
            config=akismet.Config(key="notakey00000", url=SITE), http_client=http
        )
    http.close()
