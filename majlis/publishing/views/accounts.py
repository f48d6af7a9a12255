"""The brand's network accounts: connect one, see their health, refresh or remove them."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from majlis.core import audit
from majlis.core.permissions import workspace_view
from majlis.core.roles import Perm, role_allows
from majlis.publishing import accounts as domain
from majlis.publishing.connectors import NETWORKS, base, connector_class
from majlis.publishing.forms import connect_form
from majlis.publishing.links import is_web_address
from majlis.publishing.models import NetworkAccount, NetworkKind
from majlis.publishing.views.common import role_of, user_of, workspace_of


@workspace_view(Perm.VIEW)
def account_list(request: HttpRequest, slug: str) -> HttpResponse:
    workspace = workspace_of(request)
    found = NetworkAccount.objects.filter(workspace=workspace, active=True)
    rows = [
        {
            "account": account,
            "warn": account.expires_within(domain.WARN_DAYS),
            "can_refresh": connector_class(account.network).can_refresh,
        }
        for account in found
    ]
    context = {
        "rows": rows,
        "networks": [(n, NetworkKind(n).label) for n in NETWORKS],
        "can_manage": role_allows(role_of(request), Perm.APPROVE),
    }
    return render(request, "publishing/accounts.html", context)


@workspace_view(Perm.APPROVE)
def account_connect(request: HttpRequest, slug: str, network: str) -> HttpResponse:
    if network not in NETWORKS:
        raise Http404
    form = connect_form(network, request.POST or None)
    if request.method == "POST" and form.is_valid():
        values = {k: str(v).strip() for k, v in form.cleaned_data.items() if k != "name"}
        if values.get("base_url") and not is_web_address(values["base_url"]):
            form.add_error("base_url", _("Give an address that starts with http:// or https://."))
        else:
            try:
                domain.connect(
                    workspace_of(request),
                    network,
                    form.cleaned_data["name"],
                    values,
                    user_of(request),
                )
            except (base.PermanentError, base.TransientError) as exc:
                form.add_error(None, _("The network refused: %(message)s") % {"message": exc})
            else:
                messages.success(request, _("Account connected."))
                return redirect("publishing_accounts", slug=slug)
    context = {"form": form, "network": network, "label": NetworkKind(network).label}
    return render(request, "publishing/account_connect.html", context)


def _account(request: HttpRequest, account_id: int) -> NetworkAccount:
    return get_object_or_404(NetworkAccount, pk=account_id, workspace=workspace_of(request))


@require_POST
@workspace_view(Perm.APPROVE)
def account_check(request: HttpRequest, slug: str, account_id: int) -> HttpResponse:
    account = _account(request, account_id)
    if domain.check(account, user_of(request)):
        messages.success(request, _("%(name)s answers.") % {"name": account.name})
    else:
        messages.error(
            request, _("%(name)s: %(error)s") % {"name": account.name, "error": account.last_error}
        )
    return redirect("publishing_accounts", slug=slug)


@require_POST
@workspace_view(Perm.APPROVE)
def account_refresh(request: HttpRequest, slug: str, account_id: int) -> HttpResponse:
    account = _account(request, account_id)
    if domain.refresh(account, user_of(request)):
        messages.success(request, _("Token renewed."))
    else:
        messages.error(
            request, _("%(name)s: %(error)s") % {"name": account.name, "error": account.last_error}
        )
    return redirect("publishing_accounts", slug=slug)


@require_POST
@workspace_view(Perm.APPROVE)
def account_remove(request: HttpRequest, slug: str, account_id: int) -> HttpResponse:
    account = _account(request, account_id)
    audit.record(account.workspace, user_of(request), "account.remove", account)
    if account.variants.exists():
        # Published posts keep pointing at it; it is only switched off, its secrets erased.
        account.active = False
        account.set_credentials({})
        account.save(update_fields=["active", "secret"])
    else:
        account.delete()
    messages.success(request, _("Account removed."))
    return redirect("publishing_accounts", slug=slug)
