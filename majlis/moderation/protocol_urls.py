"""The Akismet protocol and the public reporting endpoints, outside the language prefixes."""

from django.urls import URLPattern, path

from majlis.moderation import protocol, public

# Called by sites' servers, not by people: majlis/handler.py sends them past the middleware.
akismet_patterns: list[URLPattern] = [
    path("1.1/verify-key", protocol.verify_key, name="akismet_verify_key"),
    path("1.1/comment-check", protocol.comment_check, name="akismet_comment_check"),
    path("1.1/submit-spam", protocol.submit_spam, name="akismet_submit_spam"),
    path("1.1/submit-ham", protocol.submit_ham, name="akismet_submit_ham"),
    path("1.1/deactivate", protocol.deactivate, name="akismet_deactivate"),
    path("1.2/usage-limit", protocol.usage_limit, name="akismet_usage_limit"),
    path("1.2/key-sites", protocol.key_sites, name="akismet_key_sites"),
]

urlpatterns: list[URLPattern] = [
    *akismet_patterns,
    path("moderation/v1/report", public.report, name="moderation_report"),
    path("moderation/v1/items/<str:public_id>", public.item_status, name="moderation_item_status"),
]
