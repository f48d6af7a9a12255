"""The first `majlis run` creates the administrator and the demo and says the password once."""

from __future__ import annotations

import re

from django.contrib.auth import get_user_model

from majlis.cli.serve import prepare
from majlis.core.models import Membership, Workspace


def test_the_first_run_prints_a_working_password_once(db, capsys):
    prepare(demo=True)
    out = capsys.readouterr().out
    password = re.search(r"password: (\S+)", out).group(1)
    admin = get_user_model().objects.get(username="admin")
    assert admin.check_password(password)
    demo = Workspace.objects.get(slug="demo")
    assert Membership.objects.get(workspace=demo, user=admin).role == "owner"
    assert demo.mentions.count() > 100

    prepare(demo=True)
    again = capsys.readouterr().out
    assert "password" not in again
    assert Workspace.objects.filter(slug="demo").count() == 1


def test_without_the_demo_flag_no_demo_is_made(db, capsys):
    prepare(demo=False)
    assert not Workspace.objects.exists()
