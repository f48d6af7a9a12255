"""The composer: one message, a variant per account side by side, each previewed live."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from majlis.core.permissions import workspace_view
from majlis.core.roles import Perm
from majlis.publishing import composing, drafts, hashtags, workflow
from majlis.publishing.forms import ComposeForm, initial_for
from majlis.publishing.models import Media, NetworkAccount, Post
from majlis.publishing.timezones import zone_of
from majlis.publishing.views.common import user_of, workspace_of


def _accounts(request: HttpRequest, post: Post | None) -> list[NetworkAccount]:
    workspace = workspace_of(request)
    chosen = set(post.variants.values_list("account_id", flat=True)) if post else set()
    found = NetworkAccount.objects.filter(workspace=workspace)
    return [a for a in found if a.active or a.pk in chosen]


def _form(
    request: HttpRequest, post: Post | None, data: Any = None, files: Any = None
) -> ComposeForm:
    media = list(post.media.all()) if post else []
    initial = initial_for(post) if post else {}
    return ComposeForm(
        data,
        files,
        initial=initial,
        accounts=_accounts(request, post),
        media=media,
        tz=zone_of(workspace_of(request)),
    )


@workspace_view(Perm.ACT)
def compose(request: HttpRequest, slug: str, post_id: int | None = None) -> HttpResponse:
    workspace = workspace_of(request)
    post = get_object_or_404(Post, pk=post_id, workspace=workspace) if post_id else None
    if request.method != "POST":
        return _page(request, post, _form(request, post))
    form = _form(request, post, request.POST, request.FILES)
    action = request.POST.get("action", "save")
    if action == "preview" or not form.is_valid():
        return _page(request, post, form)
    try:
        post = drafts.save(workspace, post, _draft(form), user_of(request))
        if action == "submit":
            workflow.submit(post, user_of(request))
            messages.success(request, _("Sent for approval."))
            return redirect("publishing_post", slug=slug, post_id=post.pk)
    except ValidationError as exc:
        form.add_error("image", exc)
        return _page(request, post, form)
    except workflow.WorkflowError as exc:
        messages.error(request, str(exc))
        if post is None or post.pk is None:
            return _page(request, None, form)
    else:
        messages.success(request, _("Draft saved."))
    return redirect("publishing_edit", slug=slug, post_id=post.pk)


def _draft(form: ComposeForm) -> drafts.Draft:
    data = form.cleaned_data
    chosen = set(data.get("accounts") or [])
    return drafts.Draft(
        text=data.get("text", ""),
        lang=data.get("lang", ""),
        accounts=[a for a in form.account_list if a.pk in chosen],
        variants={
            a.pk: (data.get(f"variant_{a.pk}", ""), bool(data.get(f"thread_{a.pk}")))
            for a in form.account_list
        },
        scheduled_at=form.scheduled_at(),
        utm_campaign=data.get("utm_campaign", ""),
        shorten_links=bool(data.get("shorten_links")),
        alt_texts={m.pk: data.get(f"alt_{m.pk}", "") for m in form.media_list},
        removed_media={m.pk for m in form.media_list if data.get(f"remove_{m.pk}")},
        image=data.get("image"),
        image_alt=data.get("image_alt", ""),
    )


def _page(request: HttpRequest, post: Post | None, form: ComposeForm) -> HttpResponse:
    context = {
        "post": post,
        "form": form,
        "previews": _previews(request, post, form),
        "hashtags": hashtags.suggestions(workspace_of(request)),
        "tz": zone_of(workspace_of(request)),
    }
    return render(request, "publishing/compose.html", context)


@workspace_view(Perm.ACT)
def preview(request: HttpRequest, slug: str) -> HttpResponse:
    """The live preview (htmx): each chosen account's post as it will appear, and its count."""
    workspace = workspace_of(request)
    post_id = request.POST.get("post") or ""
    post = (
        get_object_or_404(Post, pk=int(post_id), workspace=workspace) if post_id.isdigit() else None
    )
    form = _form(request, post, request.POST)
    return render(
        request, "publishing/_previews.html", {"previews": _previews(request, post, form)}
    )


def _previews(
    request: HttpRequest, post: Post | None, form: ComposeForm
) -> list[composing.VariantCheck]:
    values = form.data if form.is_bound else form.initial
    getter = values.getlist if hasattr(values, "getlist") else (lambda name: values.get(name) or [])
    chosen = {int(v) for v in getter("accounts") if str(v).isdigit()}
    text = str(values.get("text") or "")
    media: list[Media] = list(post.media.all()) if post else []
    checks = []
    for account in form.account_list:
        if account.pk not in chosen:
            continue
        own = str(values.get(f"variant_{account.pk}") or "")
        checks.append(
            composing.check_variant(
                account,
                own if own.strip() else text,
                customised=bool(own.strip()),
                as_thread=_truthy(values.get(f"thread_{account.pk}")),
                media=media,
                post=post,
                campaign=str(values.get("utm_campaign") or ""),
                shorten=_truthy(values.get("shorten_links")),
            )
        )
    return checks


def _truthy(value: object) -> bool:
    return value not in (None, "", False, "off", "false")
