"""What each account will publish, and whether it fits: the composer's preview and the
check before a post goes to review use the same function."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from majlis.publishing import links
from majlis.publishing.connectors import connector_class
from majlis.publishing.models import Media, NetworkAccount, Post
from majlis.publishing.rules import CheckResult, check, over_by, split_thread


@dataclass(frozen=True)
class MediaRules:
    max_count: int
    max_bytes: int
    types: frozenset[str] = frozenset({"image/jpeg", "image/png", "image/gif", "image/webp"})
    required: bool = False
    supported: bool = True


MB = 1024 * 1024
MEDIA_RULES: dict[str, MediaRules] = {
    "mastodon": MediaRules(4, 16 * MB),
    "bluesky": MediaRules(4, 1_000_000),
    "x": MediaRules(4, 5 * MB),
    "facebook": MediaRules(10, 10 * MB),
    "instagram": MediaRules(10, 8 * MB, frozenset({"image/jpeg"}), required=True),
    "linkedin": MediaRules(0, 0, supported=False),
    "webhook": MediaRules(20, 16 * MB),
    "feed": MediaRules(20, 16 * MB),
}
# The networks whose counting rules apply; the webhook and the feed have no limit.
RULES_NAME = {
    "mastodon": "mastodon",
    "bluesky": "bluesky",
    "x": "x",
    "linkedin": "linkedin",
    "facebook": "facebook",
    "instagram": "instagram",
}


@dataclass
class VariantCheck:
    account: NetworkAccount
    text: str  # as it will be published: UTM parameters and short links applied
    result: CheckResult | None
    as_thread: bool
    customised: bool
    parts: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    media: list[Media] = field(default_factory=list)

    @property
    def over(self) -> int:
        return over_by(self.result) if self.result else 0

    @property
    def can_thread(self) -> bool:
        return self.over > 0 and connector_class(self.account.network).threads

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.text.strip() or self.parts)


def final_text(
    account: NetworkAccount,
    text: str,
    post: Post | None,
    campaign: str,
    shorten: bool,
    create: bool = False,
) -> str:
    return links.rewrite(text, account.network, campaign, shorten, post=post, create=create)


def check_variant(
    account: NetworkAccount,
    text: str,
    *,
    customised: bool = False,
    as_thread: bool = False,
    media: Sequence[Media] = (),
    post: Post | None = None,
    campaign: str = "",
    shorten: bool = False,
) -> VariantCheck:
    published = final_text(account, text, post, campaign, shorten)
    rules_name = RULES_NAME.get(account.network)
    result = check(rules_name, published, account.char_limit) if rules_name else None
    checked = VariantCheck(account, published, result, as_thread, customised)
    checked.parts = [published]
    checked.media = list(media) if MEDIA_RULES[account.network].supported else []
    if not published.strip() and not media:
        checked.problems.append(_("Write a message or add an image."))
    if result is not None:
        _length_problems(checked, result, rules_name or "")
    _media_problems(checked, media)
    checked.problems = list(dict.fromkeys(checked.problems))
    return checked


def _length_problems(checked: VariantCheck, result: CheckResult, rules_name: str) -> None:
    over = over_by(result)
    if over and checked.as_thread and checked.can_thread:
        checked.parts = split_thread(rules_name, checked.text, checked.account.char_limit)
    elif over:
        checked.problems.append(
            ngettext(
                "%(count)d character over the limit.",
                "%(count)d characters over the limit.",
                over,
            )
            % {"count": over}
        )
    for problem in result.get("problems", []):
        checked.problems.append(
            _problem_sentence(problem["rule"], problem["count"], problem["limit"])
        )


def _problem_sentence(rule: str, count: int, limit: int) -> str:
    values = {"count": count, "limit": limit}
    if rule == "hashtags":
        return _("%(count)d hashtags: at most %(limit)d.") % values
    if rule == "mentions":
        return _("%(count)d mentions: at most %(limit)d.") % values
    if rule == "bytes":
        return _("%(count)d bytes: at most %(limit)d.") % values
    return (
        ngettext(
            "%(count)d character this network refuses.",
            "%(count)d characters this network refuses.",
            count,
        )
        % values
    )


def _media_problems(checked: VariantCheck, media: Sequence[Media]) -> None:
    rules = MEDIA_RULES[checked.account.network]
    if media and not rules.supported:
        checked.warnings.append(_("Images are not sent to this network yet: only the text is."))
        return
    if rules.required and not media:
        checked.problems.append(_("This network needs at least one image."))
    if len(media) > rules.max_count:
        checked.problems.append(_("At most %(count)d images here.") % {"count": rules.max_count})
    for item in media:
        if not item.alt_text.strip():
            checked.problems.append(_("Every image needs its alt text."))
        if item.content_type not in rules.types:
            checked.problems.append(_("This network does not take this type of image."))
        if item.size > rules.max_bytes:
            checked.problems.append(
                _("An image is too large here: at most %(size)s.")
                % {"size": _size(rules.max_bytes)}
            )


def _size(count: int) -> str:
    if count >= MB:
        return _("%(n)d MB") % {"n": count // MB}
    return _("%(n)d KB") % {"n": count // 1024}


def check_post(post: Post) -> list[VariantCheck]:
    media = list(post.media.all())
    return [
        check_variant(
            variant.account,
            variant.effective_text,
            customised=bool(variant.text.strip()),
            as_thread=variant.as_thread,
            media=media,
            post=post,
            campaign=post.utm_campaign,
            shorten=post.shorten_links,
        )
        for variant in post.variants.select_related("account")
    ]
