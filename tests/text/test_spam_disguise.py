"""Letters disguised to slip past filters are a reason of their own."""

import pytest

from majlis.text.spam import SpamInput, decide


def codes_for(content: str) -> set[str]:
    return {r.code for r in decide(SpamInput(content=content, user_agent="Mozilla/5.0")).reasons}


@pytest.mark.parametrize(
    "content",
    [
        "Play 𝐂𝐀𝐒𝐈𝐍𝐎 now",  # mathematical bold letters
        "ｃａｓｉｎｏ bonus",  # full-width letters
        "best ca\u200bsino here",  # a zero-width space inside a word
        "best саsino here",  # Cyrillic с and а inside a Latin word
    ],
)
def test_disguised_letters_are_a_reason(content):
    assert "disguised_letters" in codes_for(content)


def test_styled_letters_still_spell_the_keyword():
    assert "kw_gambling" in codes_for("Play 𝐂𝐀𝐒𝐈𝐍𝐎 𝐎𝐍𝐋𝐈𝐍𝐄 now")


@pytest.mark.parametrize(
    "content",
    [
        "Merci beaucoup, très bon article",
        "Спасибо за статью",  # plain Russian: foreign perhaps, but not disguised
        "شكرا جزيلا",
        "I love it 👍🏽👨‍👩‍👧",  # emoji sequences join with zero-width joiners
    ],
)
def test_plain_writing_is_not_disguised(content):
    assert "disguised_letters" not in codes_for(content)
