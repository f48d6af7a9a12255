"""majlis/wsgi.py's application: the Akismet paths go straight to their views, pages do not."""

from __future__ import annotations

import io
import sys
from urllib.parse import urlencode

import pytest

from majlis import handler
from majlis.moderation import checking, keys, sites, usage

SITE = "https://blog.atlas.ma"


def call(app, method: str, path: str, body: bytes = b"") -> tuple[str, dict[str, str], bytes]:
    answer: dict[str, object] = {}

    def start_response(status, headers, exc_info=None):
        answer["status"], answer["headers"] = status, dict(headers)

    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "CONTENT_TYPE": "application/x-www-form-urlencoded",
        "CONTENT_LENGTH": str(len(body)),
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "HTTP_HOST": "testserver",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.input": io.BytesIO(body),
        "wsgi.url_scheme": "http",
        "wsgi.errors": sys.stderr,
    }
    response = app(environ, start_response)
    try:
        content = b"".join(response)
    finally:
        response.close()
    return str(answer["status"]), answer["headers"], content  # type: ignore[return-value]


@pytest.fixture
def app():
    # Counts and keys other tests left in this process name rows that are gone.
    usage.forget_pending()
    keys.cache.clear()
    yield handler.application()
    usage.forget_pending()


def _check_body(key: str) -> bytes:
    return urlencode(
        {"api_key": key, "blog": SITE, "user_ip": "196.200.130.15", "comment_content": "Merci !"}
    ).encode()


@pytest.mark.django_db(transaction=True)
def test_comment_check_answers_with_its_length_and_no_cookie(app, team):
    _site, key = sites.new_key(team.workspace, SITE)
    status, headers, body = call(app, "POST", "/1.1/comment-check", _check_body(key))
    assert status == "200 OK"
    assert body == b"false"
    assert headers["Content-Length"] == "5"
    assert headers["X-akismet-guid"]
    assert "Set-Cookie" not in headers


@pytest.mark.django_db(transaction=True)
def test_a_protocol_path_refuses_other_methods(app):
    status, headers, _body = call(app, "GET", "/1.1/comment-check")
    assert status.startswith("405")
    assert headers["Allow"] == "POST"


@pytest.mark.django_db(transaction=True)
def test_a_failing_check_gets_a_server_error_answer_not_a_dropped_connection(
    app, team, monkeypatch
):
    _site, key = sites.new_key(team.workspace, SITE)

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(checking, "check", broken)
    status, _headers, body = call(app, "POST", "/1.1/comment-check", _check_body(key))
    assert status.startswith("500")
    assert b"disk full" not in body


@pytest.mark.django_db(transaction=True)
def test_pages_still_take_the_usual_way(app):
    status, headers, _body = call(app, "GET", "/")
    assert status.startswith("302")
    assert headers["Location"] == "/fr/"
    status, headers, _body = call(app, "GET", "/healthz")
    assert status == "200 OK"
    assert headers["X-Frame-Options"] == "DENY"


def test_only_paths_without_converters_go_direct():
    from majlis.moderation.protocol_urls import urlpatterns

    routes = handler.exact_routes(urlpatterns)
    assert "/1.1/comment-check" in routes
    assert "/moderation/v1/report" in routes
    assert not any("<" in path for path in routes)
