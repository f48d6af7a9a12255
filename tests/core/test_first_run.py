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
    # The demo's outage wave was caught by the crisis detector.
    assert demo.alerts.filter(severity="critical").exists()

    prepare(demo=True)
    again = capsys.readouterr().out
    assert "password" not in again
    assert Workspace.objects.filter(slug="demo").count() == 1


def test_without_the_demo_flag_no_demo_is_made(db, capsys):
    prepare(demo=False)
    assert not Workspace.objects.exists()


def test_every_demo_query_is_valid_and_matches_something(db, capsys):
    import json

    from majlis.core.bootstrap import DEMO_DIR
    from majlis.text.query import parse_query

    spec = json.loads((DEMO_DIR / "workspace.json").read_text(encoding="utf-8"))
    for query in spec["queries"]:
        parse_query(query["text"])  # raises, naming the fault, if the demo ships a broken query
    prepare(demo=True)
    demo = Workspace.objects.get(slug="demo")
    empty = [q.name for q in demo.queries.all() if not q.mentions.exists()]
    assert empty == []
