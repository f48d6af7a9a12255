"""What a spam decision is made from: the comment as Akismet sends it, and what the site knows."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from majlis.text.spam.site import SiteLayer

_TRUE = {"1", "true", "yes", "on"}


@dataclass(frozen=True, slots=True)
class SpamInput:
    """One comment, with the fields of Akismet's `comment-check`."""

    content: str = ""
    author: str = ""
    author_email: str = ""
    author_url: str = ""
    user_ip: str = ""
    user_agent: str = ""
    referrer: str = ""
    permalink: str = ""
    comment_type: str = ""  # comment, reply, forum-post, contact-form, signup, message...
    blog_lang: str = ""  # as Akismet sends it: "fr", "en, fr_ca", "ar_MA"
    user_role: str = ""
    honeypot_value: str = ""  # the value of the hidden field named by honeypot_field_name
    is_test: bool = False
    site: str = ""  # Akismet's `blog`: the front page of the site

    @classmethod
    def from_akismet(cls, params: Mapping[str, str]) -> SpamInput:
        """Map the form fields of an Akismet request (comment-check, submit-spam/ham)."""
        honeypot_field = params.get("honeypot_field_name", "")
        return cls(
            content=params.get("comment_content", ""),
            author=params.get("comment_author", ""),
            author_email=params.get("comment_author_email", ""),
            author_url=params.get("comment_author_url", ""),
            user_ip=params.get("user_ip", ""),
            user_agent=params.get("user_agent", ""),
            referrer=params.get("referrer", params.get("referer", "")),
            permalink=params.get("permalink", ""),
            comment_type=params.get("comment_type", ""),
            blog_lang=params.get("blog_lang", ""),
            user_role=params.get("user_role", ""),
            honeypot_value=params.get(honeypot_field, "") if honeypot_field else "",
            is_test=params.get("is_test", "").strip().lower() in _TRUE,
            site=params.get("blog", ""),
        )


@dataclass(frozen=True, slots=True)
class SpamContext:
    """What the site's history says, computed by the caller from its database."""

    same_ip_last_hour: int = 0  # other comments from this IP address in the last hour
    same_author_last_hour: int = 0  # other comments with this author e-mail (or name)
    same_content_other_sites: int = 0  # other sites that received this `content_fingerprint`
    approved_before: int = 0  # this author's comments that this site approved
    site_layer: SiteLayer | None = field(default=None)  # the site's submit-spam/ham lessons
