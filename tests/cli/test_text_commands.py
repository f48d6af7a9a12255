"""`majlis match` and `majlis classify` as users' scripts call them (CONTRACTS.md)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.run import majlis


def jsonl(path: Path, rows: list[dict]) -> str:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
    return str(path)


def test_match_answers_one_line_per_document_in_order(tmp_path):
    queries = jsonl(
        tmp_path / "q.jsonl",
        [
            {"id": "maroc", "query": "maroc"},
            {"id": "air", "query": '"air canada"'},
            {"id": "lignes", "query": "الخطوط"},
            {"id": "fr-only", "query": "maroc AND lang:fr"},
        ],
    )
    docs = jsonl(
        tmp_path / "d.jsonl",
        [
            {"id": "1", "text": "CHAN 2024 : Une finale Maroc-RDC dimanche prochain", "lang": "fr"},
            {"id": "2", "text": "Les produits marocaines", "title": "Air Canada annule ses vols"},
            {"id": "3", "text": "تأخر الرحلات وبالخطوط الملكية"},
        ],
    )
    result = majlis("match", "--queries", queries, "--docs", docs)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines == [
        {"id": "1", "matches": ["fr-only", "maroc"]},
        {"id": "2", "matches": ["air"]},
        {"id": "3", "matches": ["lignes"]},
    ]


def test_a_malformed_query_exits_2_naming_line_id_and_position(tmp_path):
    queries = jsonl(
        tmp_path / "q.jsonl", [{"id": "ok", "query": "maroc"}, {"id": "bad", "query": "maroc AND"}]
    )
    docs = jsonl(tmp_path / "d.jsonl", [{"id": "1", "text": "x"}])
    result = majlis("match", "--queries", queries, "--docs", docs)
    assert result.returncode == 2
    assert "line 2" in result.stderr
    assert "'bad'" in result.stderr
    assert "character 6" in result.stderr
    assert result.stdout == ""


def test_a_document_that_is_not_json_exits_2_naming_the_line(tmp_path):
    queries = jsonl(tmp_path / "q.jsonl", [{"id": "q", "query": "maroc"}])
    docs = tmp_path / "d.jsonl"
    docs.write_text('{"id": "1", "text": "maroc"}\n{"id": "2", "text": \n', encoding="utf-8")
    result = majlis("match", "--queries", queries, "--docs", str(docs))
    assert result.returncode == 2
    assert "docs line 2: not JSON" in result.stderr
    # The line before it is still answered.
    assert [json.loads(line) for line in result.stdout.splitlines()] == [
        {"id": "1", "matches": ["q"]}
    ]


def test_match_answers_thousands_of_documents_in_order(tmp_path):
    queries = jsonl(
        tmp_path / "q.jsonl",
        [{"id": "panne", "query": "panne OR عطل"}, {"id": "vol", "query": '"vol annulé"'}],
    )
    texts = ["Panne générale", "Mon vol annulé hier", "rien à signaler", "عطل في الشبكة"]
    expected = [["panne"], ["vol"], [], ["panne"]]
    rows = [{"id": n, "text": texts[n % 4]} for n in range(1203)]
    result = majlis("match", "--queries", queries, "--docs", jsonl(tmp_path / "d.jsonl", rows))
    assert result.returncode == 0, result.stderr
    assert [json.loads(line) for line in result.stdout.splitlines()] == [
        {"id": n, "matches": expected[n % 4]} for n in range(1203)
    ]


def test_a_missing_file_exits_2(tmp_path):
    result = majlis(
        "match", "--queries", str(tmp_path / "none.jsonl"), "--docs", str(tmp_path / "d")
    )
    assert result.returncode == 2
    assert "cannot read" in result.stderr


def test_classify_language_tells_the_five_languages_apart():
    rows = [
        {
            "id": "fr",
            "text": "Le réseau est coupé depuis ce matin à Casablanca, c'est inadmissible.",
        },
        {"id": "en", "text": "The network has been down since this morning, this is unacceptable."},
        {"id": "ar", "text": "أعلنت الشركة عن انقطاع الخدمة في عدد من المدن بسبب أعمال الصيانة."},
        {"id": "ary", "text": "واش حتى نتوما ماكاينش الريزو عندكم؟ بزاف هادشي والله"},
        {"id": "ary-Latn", "text": "wach 7ta ntouma makaynch rezo 3ndkom? bzaf hadchi wallah"},
        {"id": "und", "text": "👍👍"},
    ]
    stdin = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    result = majlis("classify", "language", stdin=stdin)
    assert result.returncode == 0, result.stderr
    assert [json.loads(line) for line in result.stdout.splitlines()] == [
        {"id": r["id"], "lang": r["id"]} for r in rows
    ]


def test_classify_sentiment_gives_a_label_and_a_score(tmp_path):
    path = jsonl(
        tmp_path / "t.jsonl",
        [
            {"id": 1, "text": "Merci Atlas Telecom, la fibre est excellente, je recommande !"},
            {
                "id": 2,
                "text": "3 jours sans internet, service client nul, honte à vous",
                "lang": "fr",
            },
            {"id": 3, "text": "الخدمة ممتازة شكرا جزيلا"},
        ],
    )
    result = majlis("classify", "sentiment", path)
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(x["id"], x["label"]) for x in lines] == [
        (1, "positive"),
        (2, "negative"),
        (3, "positive"),
    ]
    assert all(0 <= x["score"] <= 1 for x in lines)


def test_classify_refuses_a_line_without_text():
    result = majlis("classify", "sentiment", stdin='{"id": 1}\n')
    assert result.returncode == 2
    assert "stdin line 1: missing field 'text'" in result.stderr


def test_a_query_id_given_twice_exits_2_naming_the_line_and_the_id(tmp_path):
    queries = jsonl(
        tmp_path / "q.jsonl",
        [
            {"id": "maroc", "query": "maroc"},
            {"id": "x", "query": "x"},
            {"id": "maroc", "query": "rdc"},
        ],
    )
    docs = jsonl(tmp_path / "d.jsonl", [{"id": "1", "text": "maroc"}])
    result = majlis("match", "--queries", queries, "--docs", docs)
    assert result.returncode == 2
    assert "queries line 3: query 'maroc': duplicate id (already on line 1)" in result.stderr
    assert result.stdout == ""


def test_a_number_and_a_string_of_the_same_id_are_one_id(tmp_path):
    queries = jsonl(tmp_path / "q.jsonl", [{"id": 7, "query": "a"}, {"id": "7", "query": "b"}])
    docs = jsonl(tmp_path / "d.jsonl", [{"id": "1", "text": "a"}])
    result = majlis("match", "--queries", queries, "--docs", docs)
    assert result.returncode == 2
    assert "queries line 2: query '7': duplicate id" in result.stderr
