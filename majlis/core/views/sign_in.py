"""The sign-in page, with a limit on attempts so that passwords cannot be guessed at speed.

Attempts are counted per address and per (address, login): one address trying many logins
is stopped, and so is one trying many passwords for a login, while the same login can still
sign in from elsewhere (an attacker cannot lock a member out). Every attempt counts, not only
failures: checking the password first would let a guesser learn from the answer's timing.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.utils.translation import ngettext

from majlis.core import ratelimit
from majlis.core.ratelimit import Limit, client_ip

PER_ADDRESS = Limit(hits=30, seconds=15 * 60)
PER_LOGIN = Limit(hits=10, seconds=15 * 60)


class SignInView(auth_views.LoginView):
    template_name = "core/login.html"
    redirect_authenticated_user = True

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        address = client_ip(request)
        login = str(request.POST.get("username", "")).strip().casefold()
        # Counted under a digest: what people type as a login (sometimes a password) is not
        # kept, and any text fits the scope column (PostgreSQL refuses NUL characters).
        login_digest = hashlib.sha256(login.encode("utf-8", "surrogatepass")).hexdigest()[:32]
        for scope, limit in (
            (f"sign-in:{address}", PER_ADDRESS),
            (f"sign-in:{address}:{login_digest}", PER_LOGIN),
        ):
            if wait := ratelimit.hit(scope, limit):
                return self._too_many(wait)
        return super().post(request, *args, **kwargs)

    def _too_many(self, wait: int) -> HttpResponse:
        minutes = -(-wait // 60)
        # The form keeps what was typed, and is never checked: no password is tried.
        form = self.get_form_class()(self.request, data=self.request.POST)
        context = self.get_context_data(form=form)
        context["refusal"] = ngettext(
            "Too many sign-in attempts. Try again in %(minutes)d minute.",
            "Too many sign-in attempts. Try again in %(minutes)d minutes.",
            minutes,
        ) % {"minutes": minutes}
        response = self.render_to_response(context, status=429)
        response["Retry-After"] = str(wait)
        return response
