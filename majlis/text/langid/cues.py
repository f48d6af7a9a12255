"""Words that give Moroccan Darija away, in Arabic letters and in Latin letters (Arabizi).

Written for Majlis from knowledge of the language, not taken from any corpus, so the packaged
detector owes nothing to data sets whose licence does not allow shipping what is learnt from
them. A weight of 1 is a word that is practically only Darija; 0.5 a word that other dialects,
French or English also use.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex

_ARABIC_STRONG_TEXT = """
ديال ديالي ديالك ديالو ديالها ديالنا ديالكم ديالهم دياله بزاف دابا واش علاش كيفاش فين فاين
شنو اشنو شنوا شحال مزيان مزيانه زوين زوينه غادي غاديه غاديين كاين كاينه كاينين ماكاينش مكاينش
والو بغيت بغيتي بغا بغات بغينا بغيتو كنبغي كنبغيك كنبغيكم خاصك خاصنا خاصهم خصك خصني خاصني
راه راني راك راكي راها راهم ديما صافي واخا ياك حيت هادي هادا هادو هادشي هادوك داك ديك دوك
فهاد فداك شوية شويه بحال ماشي مابقاش خويا ختي دراري الدراري عافاك نتا نتي نتوما هوما كاع
كولشي كلشي دغيا زعما بزز كتدير كيدير كندير كنقول كيقول كتقول كنشوف كيشوف شفتي مشيتي جيتي
ليا معاك معايا معاكم معاه معاهم مزال عاود باغي باغيه بغيناك حتاش ولاش لالة شكون اش فاش
ملي ناري بقا بقات بقيت دبا هاذ هد غي غا حتا بلي فيا لينا ليكم عندو يدير دير نهار بنادم
داكشي وخا عفاك تفو هادوك ديالكوم كتبغي كيبغي
"""

_ARABIC_WEAK_TEXT = """
هاد باش شي بلا تا عاد اللي لي ليك ليها ليهم غير احنا حنا جا جات مازال تبارك بصح قاليك
ليه باقي كون مسكين مسكينه خويا اخويا ختي غ
"""

# Current Darija verbs start with ka-/ki-/ku- (ك) and negate with ma-...-ch (ما...ش): strong
# signals, once the Modern Standard Arabic words of the same shape are set aside.
_PRESENT_VERB = regex.compile(r"^(?:كن|كت|كي|كا)\S{3,}$")
_NEGATED_VERB = regex.compile(r"^(?:ما|مك|مت|مي)\S{2,}ش$")
_MSA_LOOKALIKES_TEXT = """
كان كانت كانوا كانا كتاب كتب كتابه كتابات كتابي كيف كيفيه كيان كنت كنا كنتم كاتب كاتبه
    كامل كامله كافه كافيه كاس كتيبه كتله كتلة كيلو كيلومتر كيماوي كافر كافرين كاذب كاذبون
    كارثه كارثي كتائب كيانات كنيسه كنوز كنز كهرباء كانون كاميرا مدهش معاش مغشوش منعش"""
_MSA_LOOKALIKES = frozenset(_MSA_LOOKALIKES_TEXT.split())

_LATIN_STRONG_TEXT = """
wach wash nta nti ntoma ntouma howa hiya homa hna 7na dyal dial diyal dyali dyalk dialk dyalo
dialo dyalha dialha dyalna dialna dyalkom dialkom bzaf bezzaf bzzaf bzf mzyan mzyana mezyan
mzian mziana zwin zwina zwine daba ghadi ghadia kayn kayna kaynin kayen makaynch makaynach
makaynsh machi mashi walo wallo bghit bghiti bgha bghat bghina kanbghi kanbghik kanbghikom
kandir katdir kaydir kanqol kangoul kaygoul chno chnou achno 3lach 3lah kifach kifash kifax
chhal ch7al 3afak 3afek 3afakom safi wakha tbarkallah tbarklah tbarkellah wlah wallah wellah
wlh hamdoulah hamdullah hamdolah lhamdolilah nchallah inchalah inchallah incha2allah bslama
bsslama khoya khouya khti sahbi sa7bi drari derri lbnat bnat mra ghir chwiya chwia chwya bach
7ta hta 7it m3a m3ak m3akom 3ndi 3ndk 3andi 3endi 3ndo fih fiha hadi hada hadchi hadshi
hadok dik dok rah rak rani raha rahom 7chuma 7chouma hchouma hchuma 9lbi galbi 3yit 3ayan
zaama z3ma nchri nchouf nchof chof chouf choufi aji ajiw kolchi kulchi ga3 walakin walaken
wlakin lakin mezian bezaf bzaaf tahaja l7aja 7aja ta7aja lbareh lbarh ghda ghedda yallah
rabi rbi dima nari zin bnadem wlidi lwalidin khtek khtk khouk khok lli illi ghi gha
bsaha bs7a bsa7a tbarkalah mskina meskina mskin meskin hchuma bghina
"""

_LATIN_WEAK_TEXT = """
lah llah allah fin kif ana bla chi baraka wesh yak ewa iwa li lik lia lih liha mn ma3a ya
wa w f o h hh saha
"""

# Arabizi's letters: 3 = ع, 7 = ح, 9 = ق, 2 = ء, 5 = خ, 8 = ه, inside or at the start of a word.
_ARABIZI_DIGIT = regex.compile(
    r"^(?:[23579][a-z]{2,}|[a-z]+[23579][a-z]+|[a-z]*[aeiou][a-z]*[379])$"
)
# Darija verbs in Latin letters: ka-/ki- present ("kaydir", "kanbghi"), ma-...-ch negation.
_LATIN_VERB = regex.compile(r"^(?:ma[a-z]{3,}(?:ch|sh)|ka[nty][a-z]{3,})$")
_NOT_ARABIZI = regex.compile(r"^\d+(?:st|nd|rd|th|er|eme|e|k|m|km|kg|h|min|mn|am|pm|px|fps|gb|mb)$")


_LONG_RUN = regex.compile(r"(.)\1{2,}")


@dataclass(frozen=True)
class CueScore:
    total: float  # sum of the weights of the Darija words found
    ratio: float  # total / number of words

    def says_darija(self, min_total: float, min_ratio: float) -> bool:
        return self.total >= min_total and self.ratio >= min_ratio


def arabic_cues(words: list[str]) -> CueScore:
    weights = [_arabic_word_weight(w) for w in words if _is_arabic(w)]
    total = sum(weights)
    return CueScore(total, total / len(weights) if weights else 0.0)


def latin_cues(words: list[str]) -> CueScore:
    weights = [_latin_word_weight(w) for w in words if not _is_arabic(w)]
    total = sum(weights)
    return CueScore(total, total / len(weights) if weights else 0.0)


# Words recur from text to text: each is folded and weighed once, until a table holds this many
# words and starts again (plain dictionaries of strings and numbers: the garbage collector does
# not walk them). The weights are 0, 0.5 or 1, so sums do not depend on the order.
_MEMO_LIMIT = 1 << 16
_arabic_weights: dict[str, float] = {}
_latin_weights: dict[str, float] = {}


def _arabic_word_weight(word: str) -> float:
    weight = _arabic_weights.get(word)
    if weight is None:
        if len(_arabic_weights) >= _MEMO_LIMIT:
            _arabic_weights.clear()
        weight = _arabic_weights[word] = _arabic_weight(fold_arabic(word))
    return weight


def _latin_word_weight(word: str) -> float:
    weight = _latin_weights.get(word)
    if weight is None:
        if len(_latin_weights) >= _MEMO_LIMIT:
            _latin_weights.clear()
        weight = _latin_weights[word] = _latin_weight(_squeeze(word))
    return weight


def fold_arabic(word: str) -> str:
    """Harakat, tatweel and hamza carriers off; ى→ي, ة→ه, elongations squeezed."""
    word = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
    return _squeeze(word.replace("ـ", "").replace("ى", "ي").replace("ة", "ه").replace("ٱ", "ا"))


def _squeeze(word: str) -> str:
    return str(_LONG_RUN.sub(r"\1", word))


def _is_arabic(word: str) -> bool:
    return bool(word) and "\u0600" <= word[0] <= "\u06ff"


def _arabic_weight(word: str) -> float:
    tables = _tables()
    for candidate in (word, word[1:] if word[:1] in "وف" else None):
        if candidate and candidate in tables.arabic:
            return tables.arabic[candidate]
    if word in _MSA_LOOKALIKES:
        return 0.0
    if _NEGATED_VERB.match(word):
        return 1.0
    if _PRESENT_VERB.match(word):
        return 0.5
    return 0.0


def _latin_weight(word: str) -> float:
    tables = _tables()
    if word in tables.latin:
        return tables.latin[word]
    if _ARABIZI_DIGIT.match(word) and not _NOT_ARABIZI.match(word):
        return 1.0
    return 0.5 if _LATIN_VERB.match(word) else 0.0


@dataclass(frozen=True)
class _Tables:
    arabic: dict[str, float]
    latin: dict[str, float]


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    arabic = {fold_arabic(w): 0.5 for w in _ARABIC_WEAK_TEXT.split()}
    arabic.update({fold_arabic(w): 1.0 for w in _ARABIC_STRONG_TEXT.split()})
    latin = dict.fromkeys(_LATIN_WEAK_TEXT.split(), 0.5)
    latin.update(dict.fromkeys(_LATIN_STRONG_TEXT.split(), 1.0))
    return _Tables(arabic, latin)
