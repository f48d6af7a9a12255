"""How fast the compiled matcher checks mentions against 1,000 to 20,000 queries.

Generates a seeded corpus of French, Arabic, Darija (both scripts) and English posts (25 words)
and articles (300 words) with Zipf-distributed words, brand names, hashtags and mentions, and a
mix of queries (words, phrases, prefixes, AND/OR/NOT, NEAR, fields). Prints documents per second
of CompiledMatcher and of NaiveMatcher (one regular expression per query, on fewer documents),
the build times, and whether both gave the same results on a sample.

    python bench/bench_match.py [--quick]

Imports only majlis.text (and majlis.core.settle), so it runs without Django.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from bisect import bisect
from collections.abc import Callable, Sequence
from itertools import accumulate
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from majlis.core.settle import settle_process
from majlis.text.matcher import CompiledMatcher, Document, NaiveMatcher

SEED = 20_250_601
# Documents matched at once, as by the listening pipeline (majlis/listening/ingest.py).
BATCH = 1000


def _words(text: str) -> list[str]:
    return text.split()


FRENCH = _words("""
le la les de des du un une et à en pour que qui dans sur pas plus par avec ce il elle on
nous vous est sont a ont été être fait faire tout tous très bien mais ou comme aussi encore
même service client clients réseau internet connexion fibre offre offres prix forfait promo
recharge appel appels problème problèmes panne coupure merci bonjour salam aujourd'hui
demain hier semaine mois année ville quartier Casablanca Rabat Marrakech Tanger Fès Agadir
Tunis Sfax Dakar Abidjan banque banques compte carte agence crédit virement paiement
application appli mobile téléphone smartphone livraison commande colis retard remboursement
qualité nouveau nouvelle meilleur pire vraiment jamais toujours rien personne équipe
direction marque produit produits magasin boutique site vente achat soldes réduction gratuit
cher moins grand grande petit petite match équipe football Lions Atlas supporters stade
billets vol vols aéroport retardé annulé billet bagages hôtel voyage été hiver chaleur
électricité eau facture factures abonnement opérateur opérateurs concurrence marché
entreprise entreprises emploi jeunes étudiants école université santé hôpital médecin
pharmacie assurance voiture autoroute train tramway bus taxi
""")

ENGLISH = _words("""
the a an and or of to in for on with is are was were be been it this that not but very so
service customer customers network internet connection fiber offer price plan data recharge
call calls problem issue outage down thanks hello today tomorrow yesterday week month year
city bank account card branch credit transfer payment app mobile phone delivery order parcel
delay refund quality new best worst really never always nothing team brand product products
store shop website sale discount free expensive cheap big small match football fans stadium
tickets flight flights airport delayed cancelled luggage hotel travel summer winter
electricity water bill subscription operator market company jobs students school university
health hospital
""")

ARABIC = _words("""
في من على إلى عن مع هذا هذه ذلك التي الذي كان كانت قد لا لم لن كل بعد قبل عند بين الخدمة
خدمة العملاء الزبائن الشبكة الإنترنت الاتصال الألياف العرض الأسعار سعر الباقة تعبئة
المكالمات مشكلة مشاكل انقطاع شكرا مرحبا اليوم غدا أمس الأسبوع الشهر السنة المدينة الحي البنك
الحساب البطاقة الوكالة القرض التحويل الأداء التطبيق الهاتف التوصيل الطلب الطرد التأخير
الجودة الجديد الجديدة أفضل أسوأ دائما أبدا الفريق العلامة المنتج المنتجات المتجر الموقع
البيع المباراة كرة القدم الجماهير الملعب التذاكر الرحلة الرحلات المطار تأخرت ألغيت الأمتعة
الفندق السفر الصيف الشتاء الكهرباء الماء الفاتورة الاشتراك المشغل السوق الشركة الشركات
الشباب الطلبة المدرسة الجامعة الصحة المستشفى الطبيب الصيدلية التأمين السيارة الطريق القطار
الحافلة المغرب المغربية الرباط الدار البيضاء مراكش طنجة فاس أكادير تونس داكار الحكومة
الوزارة
""")

DARIJA_ARABIC = _words("""
ديال هاد هادي هادا واش شنو علاش فين كيفاش بزاف شوية مزيان خايب زوين غالي رخيص دابا غدا
البارح راه ماشي كاين كاينة بغيت بغينا خاصني عندي عندنا مابقاش والو صافي واخا الله يهديكم
الريزو الكونكسيون التيليفون الفاكتورة الكريدي لابليكاسيون الفيبر الروشارج الخدمة الزبون مشكل
طاح
""")

DARIJA_LATIN = _words("""
dyal had hadi hada wach chno 3lach fin kifach bzaf chwiya mzyan khayb zwin ghali rkhis daba
ghda lbareh rah machi kayn kayna bghit bghina khasni 3andi 3andna mab9ach walou safi wakha
lah yhdikom reseau connexion tilifoun facture kridi application fibre recharge khadma zbon
mochkil tah tayh m9tou3 lkhedma bla sbab 3yina mn had chi
""")

BRANDS = _words("""
Orange inwi Maroc-Telecom IAM Ooredoo Djezzy Sonatel Wave MTN Airtel Jumia Glovo Careem
Marjane Attijariwafa BMCE CIH Lesieur Centrale Danone OCP ONCF RAM Royal-Air-Maroc Tunisair
Ooredoo-Tunisie Orange-Money Free Yango Heetch Avito Hmizate Label'Vie
""")

BRANDS_ARABIC = _words("""
اورنج إنوي اتصالات جوميا مرجان التجاري سنطرال دانون المكتب الخطوط لارام
""")

HASHTAGS = _words("""
#maroc #morocco #tunisie #senegal #dakar #casablanca #inwi #orange #boycott #ramadan
#can2025 #lionsdelatlas #الله #المغرب #مقاطعة #تونس #promo #fail #service_client
""")

MENTIONS = _words("""
@orange_maroc @inwi @iam_maroc @ramairlines @jumia_ma @oncf_voyages @glovo_ma
""")

NEWS_SITES = _words("""
hespress.com le360.ma medias24.com lematin.ma kapitalis.com seneweb.com jeuneafrique.com
""")
# Besides the big news sites, the many blogs, forums and local sites a deployment watches.
SITES = NEWS_SITES + [f"site{number}.{tld}" for number in range(300) for tld in ("ma", "tn", "sn")]
LANGUAGES = {"fr": 0.38, "ar": 0.2, "ary": 0.14, "ary-Latn": 0.1, "en": 0.18}
LATIN_ONSETS = _words("b c d f g j k l m n p r s t v z ch sh kh gh tr br pl")
LATIN_VOWELS = _words("a e i o u ou ai é")
LATIN_CODAS = ["", "", "", "n", "r", "s", "l", "m"]
ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
PUNCTUATION = [",", ".", "!", "?", " -", ":", "…"]


class Vocabulary:
    """Words of one language drawn with a Zipf distribution: real words first, then a tail."""

    def __init__(self, rng: random.Random, words: Sequence[str], script: str, tail: int) -> None:
        made_up = _made_up_words(rng, script, tail)
        rng.shuffle(made_up)
        self.words = list(dict.fromkeys(words)) + made_up
        self._cumulative = list(accumulate(1.0 / rank for rank in range(1, len(self.words) + 1)))

    def draw(self, rng: random.Random) -> str:
        point = rng.random() * self._cumulative[-1]
        return self.words[bisect(self._cumulative, point)]

    def rare(self, rng: random.Random) -> str:
        """A word from past the head of the distribution, as queries usually name."""
        return self.words[rng.randrange(1000, len(self.words))]


def _made_up_words(rng: random.Random, script: str, count: int) -> list[str]:
    made: set[str] = set()
    while len(made) < count:
        made.add(_made_up_word(rng, script))
    return sorted(made)


def _made_up_word(rng: random.Random, script: str) -> str:
    if script == "hashtag":
        return "#" + _latin_word(rng)
    if script == "mention":
        return "@" + _latin_word(rng) + rng.choice(["", "_ma", "_officiel", "212"])
    return _latin_word(rng) if script == "latin" else _arabic_word(rng)


def _latin_word(rng: random.Random) -> str:
    return "".join(
        rng.choice(LATIN_ONSETS) + rng.choice(LATIN_VOWELS) + rng.choice(LATIN_CODAS)
        for _ in range(rng.randint(2, 4))
    )


def _arabic_word(rng: random.Random) -> str:
    word = "".join(rng.choices(ARABIC_LETTERS, k=rng.randint(3, 6)))
    return "ال" + word if rng.random() < 0.3 else word


def build_vocabularies(rng: random.Random) -> dict[str, Vocabulary]:
    return {
        "fr": Vocabulary(rng, FRENCH, "latin", 20000),
        "en": Vocabulary(rng, ENGLISH, "latin", 20000),
        "ar": Vocabulary(rng, ARABIC, "arabic", 20000),
        "ary": Vocabulary(rng, DARIJA_ARABIC + ARABIC[:80], "arabic", 15000),
        "ary-Latn": Vocabulary(rng, DARIJA_LATIN + FRENCH[:60], "latin", 15000),
        "hashtags": Vocabulary(rng, HASHTAGS, "hashtag", 3000),
        "mentions": Vocabulary(rng, MENTIONS, "mention", 3000),
        # Brands, people, places and products: what queries are mostly about.
        "latin-names": Vocabulary(rng, BRANDS, "latin", 8000),
        "arabic-names": Vocabulary(rng, BRANDS_ARABIC, "arabic", 4000),
    }


def _names(vocabularies: dict[str, Vocabulary], language: str) -> Vocabulary:
    return vocabularies["arabic-names" if language in ("ar", "ary") else "latin-names"]


def _brand(rng: random.Random, vocabularies: dict[str, Vocabulary], language: str) -> str:
    """A name as documents use them: the famous ones often, the others now and then."""
    return _names(vocabularies, language).draw(rng).title()


def _named(rng: random.Random, vocabularies: dict[str, Vocabulary], language: str) -> str:
    """A name as queries pick them: any of them, each watched by a few queries."""
    names = _names(vocabularies, language).words
    return names[rng.randrange(len(names))]


def _with_proclitic(rng: random.Random, word: str, language: str) -> str:
    if language in ("ar", "ary") and rng.random() < 0.15:
        return rng.choice(["و", "ف", "ب", "ل", "وال", "بال", "لل"]) + word
    return word


def make_document(
    rng: random.Random, vocabularies: dict[str, Vocabulary], index: int, length: int
) -> Document:
    language = rng.choices(list(LANGUAGES), weights=list(LANGUAGES.values()))[0]
    vocabulary = vocabularies[language]
    parts: list[str] = []
    for _ in range(length):
        roll = rng.random()
        if roll < 0.015:
            parts.append(_brand(rng, vocabularies, language))
        elif roll < 0.02:
            parts.append(vocabularies["hashtags"].draw(rng))
        elif roll < 0.023:
            parts.append(vocabularies["mentions"].draw(rng))
        else:
            parts.append(_with_proclitic(rng, vocabulary.draw(rng), language))
        if rng.random() < 0.08:
            parts[-1] += rng.choice(PUNCTUATION)
    title = ""
    if length > 100:
        title = " ".join(vocabulary.draw(rng) for _ in range(rng.randint(5, 10)))
    site = rng.choice(SITES)
    return Document(
        id=f"d{index}",
        text=" ".join(parts),
        title=title,
        url=f"https://www.{site}/article/{index}",
        author=rng.choice(["", "Rédaction", "Salma B.", "@karim", "هيئة التحرير"]),
        lang=language,
    )


def _term(rng: random.Random, vocabularies: dict[str, Vocabulary], language: str) -> str:
    if rng.random() < 0.55:
        return _named(rng, vocabularies, language)
    return vocabularies[language].rare(rng)


def _phrase(rng: random.Random, vocabularies: dict[str, Vocabulary], language: str) -> str:
    vocabulary = vocabularies[language]
    words = [vocabulary.draw(rng) for _ in range(rng.randint(1, 2))]
    return '"' + " ".join([_term(rng, vocabularies, language), *words]) + '"'


def _prefix(rng: random.Random, vocabularies: dict[str, Vocabulary], language: str) -> str:
    word = ""
    while len(word) < 4:
        word = vocabularies[language].rare(rng).replace("'", "").replace("-", "")
    return word[: rng.randint(4, min(len(word), 7))] + "*"


def make_query(rng: random.Random, vocabularies: dict[str, Vocabulary]) -> str:
    language = rng.choices(list(LANGUAGES), weights=list(LANGUAGES.values()))[0]

    def term() -> str:
        return _term(rng, vocabularies, language)

    kinds: list[tuple[float, Callable[[], str]]] = [
        (0.30, term),
        (0.08, lambda: _phrase(rng, vocabularies, language)),
        (0.08, lambda: _prefix(rng, vocabularies, language)),
        (0.05, lambda: rng.choice(vocabularies[rng.choice(["hashtags", "mentions"])].words)),
        (0.14, lambda: f"{term()} {term()}"),
        (0.08, lambda: f"{term()} AND NOT {term()}"),
        (0.10, lambda: f"({term()} OR {term()} OR {term()}) AND {term()}"),
        (0.06, lambda: f"{term()} OR {_phrase(rng, vocabularies, language)}"),
        (0.05, lambda: f"{term()} NEAR/{rng.randint(1, 8)} {term()}"),
        (0.04, lambda: f"{term()} lang:{language}"),
        (0.015, lambda: f"site:{rng.choice(SITES)} {term()}"),
        (0.005, lambda: f"lang:{language} site:{rng.choice(SITES)}"),
    ]
    make = rng.choices([k for _, k in kinds], weights=[w for w, _ in kinds])[0]
    return make()


def timed_matches(
    matcher: CompiledMatcher | NaiveMatcher,
    documents: Sequence[Document],
    budget: float = float("inf"),
) -> tuple[float, list[list[str]]]:
    """Documents per CPU second one at a time, and the matches, stopping after ``budget``
    seconds (the clock is read every 16 documents: reading it costs about a short post's
    matching)."""
    results = []
    started = time.process_time()
    for start in range(0, len(documents), 16):
        results += map(matcher.match, documents[start : start + 16])
        if time.process_time() - started > budget:
            break
    return len(results) / (time.process_time() - started), results


def timed_batches(
    matcher: CompiledMatcher, documents: Sequence[Document]
) -> tuple[float, list[list[str]]]:
    """Documents per CPU second in batches of BATCH, as the listening pipeline matches them."""
    results = []
    started = time.process_time()
    for start in range(0, len(documents), BATCH):
        results += matcher.match_many(documents[start : start + BATCH])
    return len(results) / (time.process_time() - started), results


def timed_build(
    kind: type[CompiledMatcher] | type[NaiveMatcher], queries: list[tuple[str, str]]
) -> tuple[CompiledMatcher | NaiveMatcher, float]:
    started = time.process_time()
    matcher = kind.build(queries)
    return matcher, time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer documents, for a smoke run")
    quick = parser.parse_args().quick
    rng = random.Random(SEED)
    vocabularies = build_vocabularies(rng)
    sizes = {"posts": (25, 4000 if quick else 20000), "articles": (300, 500 if quick else 3000)}
    corpora = {
        name: [make_document(rng, vocabularies, i, length) for i in range(count)]
        for name, (length, count) in sizes.items()
    }
    naive_budget = 2.0 if quick else 8.0
    all_queries = [(f"q{i}", make_query(rng, vocabularies)) for i in range(20000)]
    # As a worker does after its first job: the corpus is data, never garbage, and the
    # collector would otherwise walk its 23,000 documents again and again.
    settle_process()
    print("Documents per CPU second on one core (CPU time, so other load on the machine counts")
    print(f"less), matched in batches of {BATCH:,} as the listening pipeline does. 'first' is a")
    print("cold start; 'steady' a second pass, once the matcher has seen the corpus vocabulary;")
    print("'one' matches one document at a time (match). Naive runs for")
    print(f"{naive_budget:.0f} s per row; 'identical' compares both matchers on the documents the")
    print("naive one got through, and batches with one at a time on all of them.\n")
    print(
        f"{'queries':>7} {'docs':>8} {'first/s':>9} {'steady/s':>9} {'one/s':>9} {'naive/s':>8} "
        f"{'ratio':>6} {'matches/doc':>11} {'identical':>9}"
    )
    for count in (1000, 5000, 20000):
        queries = all_queries[:count]
        # One matcher in memory at a time: the naive one's 20,000 compiled patterns would
        # otherwise share the caches with the compiled one while it is timed.
        compiled, compiled_build = timed_build(CompiledMatcher, queries)
        assert isinstance(compiled, CompiledMatcher)
        rows = []
        for name, documents in corpora.items():
            first_rate, _ = timed_batches(compiled, documents)
            steady_rate, found = timed_batches(compiled, documents)
            one_rate, one_found = timed_matches(compiled, documents)
            rows.append((name, first_rate, steady_rate, one_rate, found, found == one_found))
        del compiled
        naive, naive_build = timed_build(NaiveMatcher, queries)
        for name, first_rate, steady_rate, one_rate, found, same in rows:
            naive_rate, naive_found = timed_matches(naive, corpora[name], naive_budget)
            identical = same and found[: len(naive_found)] == naive_found
            per_doc = sum(map(len, found)) / len(found)
            print(
                f"{count:>7} {name:>8} {first_rate:>9,.0f} {steady_rate:>9,.0f} {one_rate:>9,.0f} "
                f"{naive_rate:>8,.1f} {steady_rate / naive_rate:>5,.0f}x {per_doc:>11.1f} "
                f"{'yes' if identical else 'NO':>9}"
            )
        del naive
        print(f"{'':>7} {'build':>8} {compiled_build:>8.2f}s {'':>9} {'':>9} {naive_build:>7.2f}s")


if __name__ == "__main__":
    main()
