"""`majlis compose-check` as a user's script calls it: one JSON object, exit 2 on bad input."""

from __future__ import annotations

import json

from tests.cli.run import majlis


def test_x_counts_a_url_as_23_arabic_as_one_and_cjk_as_two():
    result = majlis("compose-check", "--network", "x", "مرحبا 日本 https://atlas.example.ma/offre")
    assert result.returncode == 0
    answer = json.loads(result.stdout)
    assert answer == {"network": "x", "length": 5 + 1 + 4 + 1 + 23, "limit": 280, "ok": True}


def test_bluesky_reports_bytes_and_link_facets_from_stdin():
    result = majlis("compose-check", "--network", "bluesky", stdin="é https://majlis.example\n")
    answer = json.loads(result.stdout)
    assert answer["length"] == 2 + 22  # é and a space, then the link
    assert answer["bytes"] == len("é https://majlis.example".encode())
    assert answer["facets"] == [
        {
            "index": {"byteStart": 3, "byteEnd": 25},
            "features": [
                {"$type": "app.bsky.richtext.facet#link", "uri": "https://majlis.example"}
            ],
        }
    ]


def test_mastodon_uses_the_instance_limit():
    answer = json.loads(
        majlis("compose-check", "--network", "mastodon", "--limit", "5", "abcdef").stdout
    )
    assert (answer["length"], answer["limit"], answer["ok"]) == (6, 5, False)


def test_an_unknown_network_exits_2_with_the_known_ones():
    result = majlis("compose-check", "--network", "myspace", "hello")
    assert result.returncode == 2
    assert "myspace" in result.stderr
    assert "mastodon" in result.stderr
