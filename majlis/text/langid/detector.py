"""Put script, lingua and the Darija judge together into one answer per text."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from majlis.text.langid.backend import lingua_guess
from majlis.text.langid.cues import latin_cues
from majlis.text.langid.darija import CueJudge, DarijaJudge
from majlis.text.langid.script import Script, script_of

LANGUAGES = ("fr", "en", "ar", "ary", "ary-Latn", "und")
# Fewer letters than this ("ok", "lol", an emoji and a link) say nothing about a language.
MIN_LETTERS = 3
# Below this lingua confidence, a Latin-script text lingua calls neither French nor English is
# taken for Arabizi; real Spanish, German... sentences score 0.8 to 1.
UNSURE = 0.5
# Letters of Persian and Urdu that Arabic and Darija do not use (Maghrebi writers do use گ, ڭ
# and چ): only a text holding one is worth asking lingua whether it is Arabic at all.
NOT_ARABIC_LETTERS = frozenset("پژکیےۓٹڈڑںہۀھ")


@dataclass(frozen=True)
class LanguageDetector:
    judge: DarijaJudge = field(default_factory=CueJudge)
    accurate: bool = False  # lingua's high-accuracy mode: slower, a little better on short texts

    def detect_many(self, texts: Iterable[str]) -> list[str]:
        """`detect` for each text. lingua's own call for many texts only spreads them over
        threads, which gains nothing for a worker that has one core to itself."""
        return [self.detect(text) for text in texts]

    def detect(self, text: str) -> str:
        script = script_of(text)
        if script.letters < MIN_LETTERS or script.other > max(script.latin, script.arabic):
            return "und"
        if script.arabic >= script.latin:
            return self._arabic_script(text, script)
        return self._latin_script(text, script)

    def _arabic_script(self, text: str, script: Script) -> str:
        foreign = not NOT_ARABIC_LETTERS.isdisjoint(text)
        if foreign and lingua_guess(script.cleaned, "arabic", self.accurate)[0] != "ar":
            return "und"
        return "ary" if self.judge.arabic_is_darija(script.words) else "ar"

    def _latin_script(self, text: str, script: Script) -> str:
        if self.judge.latin_is_darija(script.words):
            return "ary-Latn"
        language, confidence = lingua_guess(script.cleaned, "latin", self.accurate)
        if language != "other":
            return language
        # Neither French nor English, and a Darija word is there or lingua is unsure which
        # other language (from two words on): in the posts Majlis reads, that is Arabizi far
        # more often than Spanish.
        unsure = confidence < UNSURE and len(script.words) > 1
        return "ary-Latn" if unsure or latin_cues(script.words).total > 0 else "und"
