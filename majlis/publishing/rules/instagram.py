"""Instagram caption rules beyond length.

The Instagram Graph API refuses a caption with more than 30 hashtags or more than 20 @ tags.
We count every occurrence, repeats included: the safe reading of the documented limits.
"""

from __future__ import annotations

import regex

MAX_CHARACTERS = 2200
MAX_HASHTAGS = 30
MAX_MENTIONS = 20

# A tag needs one letter somewhere (`#2025` alone is not a hashtag); Arabic letters count.
_HASHTAG = regex.compile(r"(?<![\w&#＃])[#＃](?=\w*[^\W\d_])\w+")
# Usernames are letters, digits, `.` and `_`; an e-mail address is not a mention.
_MENTION = regex.compile(r"(?<![\w@＠.])[@＠](?=[A-Za-z0-9._]*[A-Za-z0-9_])[A-Za-z0-9._]+")


def hashtag_count(text: str) -> int:
    return len(_HASHTAG.findall(text)) if "#" in text or "＃" in text else 0


def mention_count(text: str) -> int:
    return len(_MENTION.findall(text)) if "@" in text or "＠" in text else 0
