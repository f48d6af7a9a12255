"""The WSGI application: Django's handler, with a short way through for machine clients.

Akismet clients call comment-check for every comment a site receives, hundreds of times a second
on a busy day. The middleware of the web pages (sessions, language, CSRF, authentication,
messages, static files) has nothing to do for them and cost about a fifth of each call. So the
exact paths of the protocol go straight to their views; every other path takes Django's usual
way. The protocol views are CSRF-exempt, keyed by their form fields, set no cookie and serve no
page, so what is skipped never applied to them; an exception still gets Django's error answer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

import django
from django.conf import settings
from django.core.handlers.exception import response_for_exception
from django.core.handlers.wsgi import WSGIHandler
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.urls import URLPattern, set_urlconf
from django.urls.resolvers import RoutePattern

View = Callable[[HttpRequest], HttpResponseBase]


def exact_routes(patterns: Iterable[URLPattern]) -> dict[str, View]:
    """``/path`` → view for the patterns without a converter (a path with one is left out)."""
    routes: dict[str, View] = {}
    for pattern in patterns:
        route = pattern.pattern
        if isinstance(route, RoutePattern) and not route.converters:
            routes["/" + str(route)] = pattern.callback
    return routes


class Handler(WSGIHandler):
    def __init__(self, direct: Mapping[str, View]) -> None:
        super().__init__()
        self._direct = dict(direct)

    def get_response(self, request: HttpRequest) -> HttpResponseBase:
        view = self._direct.get(request.path_info)
        if view is None:
            return super().get_response(request)
        set_urlconf(settings.ROOT_URLCONF)
        try:
            response = view(request)
        except Exception as exc:
            response = response_for_exception(request, exc)
        if isinstance(response, HttpResponse) and not response.has_header("Content-Length"):
            # CommonMiddleware's job on the usual way: without it the server would chunk the
            # answer, and some clients read a body by its length only.
            response.headers["Content-Length"] = str(len(response.content))
        response._resource_closers.append(request.close)  # type: ignore[attr-defined]
        return response


def application() -> Handler:
    """The application of majlis/wsgi.py; the Akismet protocol's paths go direct."""
    django.setup(set_prefix=False)
    from majlis.moderation.protocol_urls import akismet_patterns

    return Handler(exact_routes(akismet_patterns))
