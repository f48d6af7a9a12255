from django.contrib.auth import views as auth_views
from django.urls import path

from majlis.core.views import audit_log, members, sign_in, workspace

urlpatterns = [
    path("", workspace.home, name="home"),
    path("switch/", workspace.switch, name="switch"),
    path("workspaces/new/", workspace.new_workspace, name="new_workspace"),
    path(
        "accounts/login/",
        sign_in.SignInView.as_view(),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "accounts/password/",
        auth_views.PasswordChangeView.as_view(
            template_name="core/password_change.html", success_url="done/"
        ),
        name="password_change",
    ),
    path(
        "accounts/password/done/",
        auth_views.PasswordChangeDoneView.as_view(template_name="core/password_changed.html"),
        name="password_change_done",
    ),
    path("invite/<str:token>/", members.accept_invitation, name="accept_invitation"),
    path("w/<slug:slug>/", workspace.dashboard, name="dashboard"),
    path("w/<slug:slug>/members/", members.member_list, name="members"),
    path("w/<slug:slug>/members/<int:member_id>/role/", members.member_role, name="member_role"),
    path(
        "w/<slug:slug>/members/<int:member_id>/remove/", members.member_remove, name="member_remove"
    ),
    path("w/<slug:slug>/audit/", audit_log.audit_log, name="audit"),
]
