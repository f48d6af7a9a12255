"""Pages of the composer, the posts, the calendar and the accounts, under the language prefixes."""

from django.urls import path

from majlis.publishing.views import accounts, calendar, composer, posts

urlpatterns = [
    path("w/<slug:slug>/publishing/", posts.post_list, name="publishing"),
    path("w/<slug:slug>/publishing/new/", composer.compose, name="publishing_new"),
    path("w/<slug:slug>/publishing/preview/", composer.preview, name="publishing_preview"),
    path("w/<slug:slug>/publishing/<int:post_id>/", posts.post_detail, name="publishing_post"),
    path("w/<slug:slug>/publishing/<int:post_id>/edit/", composer.compose, name="publishing_edit"),
    path("w/<slug:slug>/publishing/<int:post_id>/submit/", posts.submit, name="publishing_submit"),
    path(
        "w/<slug:slug>/publishing/<int:post_id>/approve/", posts.approve, name="publishing_approve"
    ),
    path(
        "w/<slug:slug>/publishing/<int:post_id>/send-back/",
        posts.send_back,
        name="publishing_send_back",
    ),
    path(
        "w/<slug:slug>/publishing/<int:post_id>/schedule/",
        posts.schedule,
        name="publishing_schedule",
    ),
    path(
        "w/<slug:slug>/publishing/<int:post_id>/unschedule/",
        posts.unschedule,
        name="publishing_unschedule",
    ),
    path("w/<slug:slug>/publishing/<int:post_id>/retry/", posts.retry, name="publishing_retry"),
    path(
        "w/<slug:slug>/publishing/<int:post_id>/comment/", posts.comment, name="publishing_comment"
    ),
    path("w/<slug:slug>/publishing/<int:post_id>/delete/", posts.delete, name="publishing_delete"),
    path("w/<slug:slug>/calendar/", calendar.calendar, name="publishing_calendar"),
    path("w/<slug:slug>/calendar/move/", calendar.move, name="publishing_move"),
    path("w/<slug:slug>/accounts/", accounts.account_list, name="publishing_accounts"),
    path(
        "w/<slug:slug>/accounts/connect/<str:network>/",
        accounts.account_connect,
        name="publishing_connect",
    ),
    path(
        "w/<slug:slug>/accounts/<int:account_id>/check/",
        accounts.account_check,
        name="publishing_account_check",
    ),
    path(
        "w/<slug:slug>/accounts/<int:account_id>/refresh/",
        accounts.account_refresh,
        name="publishing_account_refresh",
    ),
    path(
        "w/<slug:slug>/accounts/<int:account_id>/remove/",
        accounts.account_remove,
        name="publishing_account_remove",
    ),
]
