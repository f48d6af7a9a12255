"""The trades comment spam sells, named in English, French, Arabic and Darija (both scripts).

Each entry is a word or a phrase, written as a person would; entries are folded like the text
(no case, no accents, Arabic letter variants merged) when this module loads. An Arabic word also
matches behind the usual proclitics (`و`, `ف`, `ب`, `ل`, `ك`, `ال`), and Latin words also match
their digit-for-letter disguises (`c4s1no`, `v1agra`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import regex

from majlis.text.spam.fold import fold

_RAW: dict[str, tuple[str, ...]] = {
    "gambling": (
        # en
        "casino", "casinos", "online casino", "slot machine", "slots", "jackpot", "roulette",
        "blackjack", "baccarat", "poker online", "sportsbook", "bookmaker", "sports betting",
        "betting tips", "betting site", "free spins", "no deposit bonus", "welcome bonus",
        "1xbet", "melbet", "22bet", "mostbet", "linebet", "betwinner", "parimatch", "bet365",
        "betway", "1win", "pin up casino", "pinup", "stake casino", "gambling",
        # fr
        "casino en ligne", "machine a sous", "machines a sous", "paris sportifs", "pari sportif",
        "tours gratuits", "bonus sans depot", "code promo 1xbet", "site de paris",
        # ar / ary (Arabic script)
        "كازينو", "كازينوهات", "قمار", "مراهنات", "مراهنه", "رهانات",
        "مراهنات رياضيه", "ماكينات القمار", "العاب القمار", "روليت", "بوكر", "جاكبوت",
        "سلوتس", "ماكينات السلوت", "كازينو اون لاين", "مواقع المراهنات", "بونص", "لفات مجانيه",
        # ary (Latin script)
        "lpari", "pari foot", "rbe7 f casino", "kazino",
    ),
    "pharma": (
        # en
        "viagra", "cialis", "levitra", "kamagra", "sildenafil", "tadalafil", "tramadol",
        "xanax", "valium", "oxycodone", "phentermine", "adderall", "ambien", "modafinil",
        "without prescription", "no prescription", "online pharmacy", "pharmacy online",
        "weight loss pills", "diet pills", "male enhancement", "penis enlargement", "cytotec",
        # fr
        "sans ordonnance", "pharmacie en ligne", "pilule amaigrissante", "pilules minceur",
        "agrandissement du penis", "perdre du poids rapidement",
        # ar / ary
        "فياجرا", "فياغرا", "سياليس", "ترامادول", "سايتوتك", "حبوب سايتوتك", "حبوب الاجهاض",
        "حبوب تكبير", "تكبير القضيب", "بدون وصفه", "بدون وصفه طبيه", "صيدليه اونلاين",
        "حبوب التخسيس", "حبوب تخسيس", "تنحيف سريع", "منشطات جنسيه", "حبوب منشطه",
        # ary (Latin script)
        "dwa dyal tsmin", "dwa dyal tnhif", "7bob tnhif",
    ),
    "money": (
        # en
        "make money online", "earn money online", "make money from home", "work from home",
        "passive income", "double your money", "double your bitcoin", "crypto investment",
        "investment platform", "forex signals", "trading signals", "binary options",
        "bitcoin investment", "guaranteed profit", "recovery expert", "crypto recovery",
        "loan offer", "quick loan", "payday loan", "get rich",
        # fr
        "gagner de l'argent", "gagner de l'argent en ligne", "argent facile",
        "travail a domicile", "revenu passif", "revenus passifs", "options binaires",
        "investissement crypto", "pret rapide", "pret entre particuliers", "offre de pret",
        "devenir riche",
        # ar / ary
        "ربح المال", "الربح من الانترنت", "ربح المال من الانترنت", "العمل من المنزل",
        "دخل اضافي", "دخل سلبي", "فوركس", "تداول العملات", "الخيارات الثنائيه",
        "استثمار مضمون", "ارباح يوميه", "ارباح مضمونه", "قرض سريع", "قروض سريعه",
        "ربح الفلوس", "تربح الفلوس", "ربح فلوس",
        # ary (Latin script)
        "rbe7 lflouss", "rbe7 flouss", "rb7 flous", "rbeh lflous", "flouss mn dar",
    ),
    "adult": (
        # en
        "porn", "porno", "xxx", "sex cam", "sex cams", "live sex", "nude pics", "hot singles",
        "adult dating", "escort girl", "escorts", "webcam girls", "onlyfans", "hookup", "milf",
        # fr
        "rencontre coquine", "rencontres coquines", "plan cul", "filles chaudes", "sexe gratuit",
        "celibataires chaudes", "video x",
        # ar / ary
        "سكس", "افلام سكس", "افلام اباحيه", "اباحي", "بنات للتعارف", "تعارف بنات",
        "دردشه بنات", "زواج مسيار", "سوالف منحرفه",
        # ary (Latin script)
        "zwaj mesyar",
    ),
    "seo": (
        # en
        "seo services", "backlinks", "buy backlinks", "buy followers", "cheap followers",
        "real followers", "increase traffic", "website traffic", "guest post", "guest posting",
        "rank your website", "first page of google", "likes and followers", "buy likes",
        # fr
        "acheter des followers", "acheter des abonnes", "augmenter vos abonnes",
        "referencement pas cher", "liens retour",
        # ar / ary
        "زياده متابعين", "زياده المتابعين", "متابعين حقيقيين", "شراء متابعين", "زياده لايكات",
        "تصدر نتائج البحث", "باك لينك",
    ),
    "promo": (
        # en
        "check out my channel", "check my channel", "subscribe to my channel", "my channel",
        "visit my website", "visit my site", "check out my website", "check out my video",
        "subscribe to me", "sub to my channel", "follow me on",
        # fr
        "abonnez vous a ma chaine", "abonnez-vous a ma chaine", "visitez mon site",
        "allez voir ma chaine", "ma chaine youtube",
        # ar / ary
        "اشتركوا في قناتي", "اشترك في قناتي", "اشتركو في قناتي", "زوروا قناتي", "قناتي على",
        "تابعوني على", "زوروا موقعي",
        # ary (Latin script)
        "tab3o la chaine dyali", "abonniw f la chaine", "la chaine dyali",
    ),
}  # fmt: skip

_WORD = regex.compile(r"[\p{L}\p{N}\p{M}]+")
_ARABIC = regex.compile(r"\p{Arabic}")
_LATIN = regex.compile(r"\p{Latin}")
_DIGIT = regex.compile(r"\d")
_DELEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"}
)


@dataclass(frozen=True, slots=True)
class Hit:
    category: str
    keyword: str
    latin: bool  # written in Latin letters (what "mixed script" spam adds to Arabic text)


def _tokens(text: str) -> list[str]:
    tokens: list[str] = _WORD.findall(fold(text))
    return tokens


_WORDS: dict[str, list[tuple[str, str]]] = {}
# Phrases under their first word, so a comment is only searched for the phrases it could hold.
_PHRASES: dict[str, list[tuple[str, str, str]]] = {}  # first word: (category, phrase, " phrase ")
for _category, _entries in _RAW.items():
    for _entry in _entries:
        _words = _tokens(_entry)
        _key = " ".join(_words)
        if len(_words) > 1:
            _PHRASES.setdefault(_words[0], []).append((_category, _key, f" {_key} "))
        else:
            _WORDS.setdefault(_key, []).append((_category, _key))


def _without_proclitics(token: str) -> set[str]:
    """`token` with `و`/`ف`, then `ب`/`ك`/`ل`, then `ال`/`لل` taken off, in every combination."""
    forms = {token}
    for stage in (("و", "ف"), ("ب", "ك", "ل"), ("ال", "لل")):
        forms |= {
            f[len(p) :] for f in forms for p in stage if f.startswith(p) and len(f) > len(p) + 2
        }
    return forms


def _variants(token: str) -> Iterable[str]:
    if _ARABIC.search(token):
        return _without_proclitics(token)
    if _DIGIT.search(token) and _LATIN.search(token):
        return (token, token.translate(_DELEET))
    return (token,)


def find_keywords(text: str) -> list[Hit]:
    """Every distinct spam keyword in `text`, in order of category."""
    tokens = _tokens(text)
    hits: dict[tuple[str, str], Hit] = {}
    starts: set[str] = set()
    for token in tokens:
        for variant in _variants(token):
            starts.add(variant)
            for category, keyword in _WORDS.get(variant, ()):
                hits.setdefault((category, keyword), _hit(category, keyword))
    candidates = [phrase for start in starts & _PHRASES.keys() for phrase in _PHRASES[start]]
    if candidates:
        joined = f" {' '.join(tokens)} "
        deleet = joined.translate(_DELEET) if _DIGIT.search(joined) else joined
        for category, keyword, padded in candidates:
            if padded in joined or padded in deleet:
                hits.setdefault((category, keyword), _hit(category, keyword))
    return sorted(hits.values(), key=lambda hit: hit.category)


def _hit(category: str, keyword: str) -> Hit:
    return Hit(category, keyword, _ARABIC.search(keyword) is None)


def category_hits(hits: Iterable[Hit]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for hit in hits:
        counts[hit.category] = counts.get(hit.category, 0) + 1
    return counts
