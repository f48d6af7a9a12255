"""lingua, restricted to the languages a text's script can be, built once and on first use.

Restricting lingua is what makes it fast and sure on short posts. A few languages Majlis does
not serve stay in the set so that Spanish or Persian is recognised as such (and reported `und`)
rather than forced into French or Arabic. Low-accuracy mode (trigrams only) is chosen for
speed; docs/models/langid.md has the measurements behind that choice.
"""

from __future__ import annotations

import threading
from functools import cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

SERVED = {Language.FRENCH: "fr", Language.ENGLISH: "en", Language.ARABIC: "ar"}
LATIN_LANGUAGES = (
    Language.FRENCH, Language.ENGLISH, Language.SPANISH, Language.GERMAN, Language.ITALIAN,
    Language.PORTUGUESE, Language.DUTCH, Language.TURKISH,
)  # fmt: skip
_ARABIC = (Language.ARABIC, Language.PERSIAN, Language.URDU)
_lock = threading.Lock()


@cache
def _detector(script: str, accurate: bool) -> LanguageDetector:
    builder = LanguageDetectorBuilder.from_languages(
        *(_ARABIC if script == "arabic" else LATIN_LANGUAGES)
    )
    if not accurate:
        builder = builder.with_low_accuracy_mode()
    return builder.build()


def lingua_guess(text: str, script: str, accurate: bool = False) -> tuple[str, float]:
    """(`fr`, `en`, `ar` or `other`, lingua's confidence in it); ("other", 0.0) when lingua
    has nothing to go on."""
    with _lock:  # building is not thread-safe; detecting is
        detector = _detector(script, accurate)
    values = detector.compute_language_confidence_values(text)
    if not values or values[0].value == 0.0:
        return "other", 0.0
    return SERVED.get(values[0].language, "other"), values[0].value
