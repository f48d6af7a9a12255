"""The JSON API under /api/v1/: token-authenticated, same role matrix as the UI."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext
from ninja import NinjaAPI

from majlis.api.auth import BearerToken
from majlis.api.core import router as core_router

api = NinjaAPI(
    title="Majlis API",
    version="1",
    description="Listening, moderation and publishing for community managers.",
    auth=BearerToken(),
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url="/docs",
)
api.add_router("/", core_router)


@api.exception_handler(PermissionDenied)
def _forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return api.create_response(
        request, {"detail": gettext("Your role does not allow this.")}, status=403
    )


def _register_domain_routers() -> None:
    from majlis.insights.api import router as insights_router
    from majlis.listening.api import router as listening_router
    from majlis.moderation.api import router as moderation_router
    from majlis.publishing.api import router as publishing_router

    api.add_router("/", listening_router)
    api.add_router("/", publishing_router)
    api.add_router("/", insights_router)
    api.add_router("/", moderation_router)


_register_domain_routers()
