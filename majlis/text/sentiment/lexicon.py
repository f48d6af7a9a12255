"""A small hand-written polarity lexicon, written for Majlis (not taken from any corpus).

With under two thousand labelled tweets per language the model never sees most polar words;
a "this word is positive" feature lets what it learns from the words it did see carry over to
those it did not, and lets the licensed-only model say something about Darija.
Entries are folded (see `preprocess.fold`); Latin entries ending in "*" are prefixes.
"""

from __future__ import annotations

from functools import lru_cache

from majlis.text.sentiment.preprocess import fold

_POSITIVE = """
😂 🤣 ❤ ♥ 😍 😊 👏 😘 👌 👍 😁 🔥 😅 💪 🌹 🥰 ✌ 😀 💖 🎉 😄 😉 💕 😃 💜 💚 💗 💓 😎 🤩 🤗 💯 😆
💙 💛 🧡 🌸 🌷 💐 🏆 🥇 ⭐ 🌟 ✅ 🙌 😇 ☺ 😻 💝 💘 🎊 🤍 😋 🥳 👑 🤝 😌 <emo+>
good great excellent* amazing awesome love* loving lovely like liked best better nice happy
happi* beautiful* wonderful* fantastic* perfect* brilliant* glad enjoy* fun funny cool thank*
congrat* win winner* won proud super superb* impress* incredibl* favorite* favourite* excited
glory brave* heroes hero delight* grateful thankful blessed bless* peace* smile* laugh*
exciting beauty* gorgeous cute sweet hope* hopeful success* support* yay wow fabulous* welcome
bon bonne bons bonnes bien super genial* excellen* magnifi* merci* bravo* heureu* joie aime
adore* formidable* parfait* beau belle beaux merveill* felicit* reussi* succes* plaisir* top
sympa* chouette* incroyabl* fier fiere content* ravi* meilleur* gagne* victoire* soutien* espoir*
rigole* mdr lol ptdr hh hhh hhhh haha hahaha
zwin zwina zwine zwin* mzyan mzyana mzyane mezyan* mezian* tbarkallah tbark* barakallah mabrok*
mabrouk* bravo llah3aouan shokran choukran chokran chukran merci 3jbni 3jbatni nadi nadia
wa3r wa3ra rw3a raw3a fr7an fer7an hbil* kanbghik kanbghikom kanmout 3ziz 3zizi 3ziza
جميل جميله رائع رائعه ممتاز ممتازه احسن افضل حب احب احبك نحبك كنبغيك سعيد سعيده سعاده فرح
فرحه مبروك شكرا الحمد الحمدلله تبارك ماشاءالله مشاءالله بارك مبارك نجاح ناجح فوز فاز بطل
ابطال عظيم روعه رائعين جميلين زوين زوينه مزيان مزيانه واعر واعره عزيز حبيبي حبيبتي يحفظك
يخليك بالتوفيق موفق توفيق نشكر هنيئا تحيه تحياتي احترامي
امل تفاؤل فخر فخور انجاز تقدم دعم مذهل لطيف ابتسامه نصر انتصار مميز مميزه خير بركه سلام
تهنئه اهنئ نهنئ احسنت ابداع مبدع متميز افتخر سعداء فرحتنا ازدهار تطور حلو حلوه يسلمو
"""

_NEGATIVE = """
😢 😭 💔 😡 😔 😒 😠 😞 😣 😥 😩 🥺 😤 😓 😪 😱 ☹ 🙁 😖 😫 😿 🤬 👎 😕 😟 😰 😨 🤮 🤢 💩
😑 😐 <emo->
bad worse worst hate* hating terribl* horribl* awful sad sadly sadness angry anger disgust*
disappoint* fail* poor pathetic stupid idiot* sick sorry hurt* cry crying died
scam* fraud* delay* cancel* broken unfair useless waste* rude terrible worst* hell damn
death dead kill* killed killing attack* war wars victim* tragic* tragedy crisis fear afraid
scared annoy* ugly wrong boring broke* lost lose loser* shame* nasty evil corrupt* painful
mauvais* mal pire nul nulle nuls honte* triste* tristesse colere deteste* horribl* terribl*
affreu* degout* decu* decevant* deception* echec* catastroph* drame* dramatiqu* mort morts tue
tues
tuer attentat* guerre* victime* peur inquiet* scandal* menace* danger* grave pollution* crise*
pauvre* malheur* souffr* douleur* injust* corrompu* inacceptabl* ridicule* stupide* con conne
arnaque* escroc* vol voleur* panne* retard* annul* greve* chomage* hausse inondation* accident*
seisme* explosion* menteur* mensonge* insupport* lamentabl* navrant* desastr* deplorabl* fach*
khayb khayba khaybin 7chouma 7chuma hchouma hchuma 3ib mskin* meskin* miskin* m9owd* ghder*
khasr* mouskil* mochkil* mouchkil* 7sbiya hasbiya 7asbiya
خايب خايبه خيبه سيء سيئه اسوا كره كرهت نكره حزين حزينه حزن مؤلم الم وجع بكيت بكاء مات موت
ميت قتل قتلى شهيد شهداء حرب ارهاب ارهابي خوف فشل فاشل كارثه مصيبه ظلم ظالم فساد فاسد كذب كذاب
حرام حشومه حشوما عيب مسكين مسكينه يرحمه رحمه تعازي حسبي حسبنا حسبيا ينعل
لعنه يلعن يخرب خربتو حمار حمق مكلخ غبي تافه زبل مقرف معفن نعل
غضب غاضب مؤسف للاسف خساره خسر هزيمه ضحايا دمار انفجار اعتقال تعذيب عنف جريمه مجزره قصف
خيانه خاين عار فضيحه مرض معاناه فقر بطاله غلاء ازمه خطر تهديد قلق ماساه حادث اغتيال احتلال
ضرب سرقه نصب رشوه تخلف مهزله عنصري عنصريه ظلام سجن قمع تدمير استشهاد مقتل
"""


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    exact: dict[str, str] = {}
    prefixes: dict[str, str] = {}
    for polarity, words in (("pos", _POSITIVE), ("neg", _NEGATIVE)):
        for word in words.split():
            # Folded like the tokens they meet: "سيئة" is looked up as "سييه".
            if word.endswith("*"):
                prefixes[fold(word[:-1])] = polarity
            else:
                exact[fold(word)] = polarity
    return exact, prefixes


# Proclitics that Arabic and Darija glue to a word (و, ف, ب, ك, ل, then ال).
_ARABIC_PROCLITICS = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب")


def polarity(token: str) -> str | None:
    """'pos', 'neg' or None for one folded token."""
    # Tokens recur from text to text: each is looked up once, until the table is full.
    try:
        return _known[token]
    except KeyError:
        pass
    if len(_known) >= _KNOWN_LIMIT:
        _known.clear()
    found = _known[token] = _lookup(token)
    return found


_KNOWN_LIMIT = 1 << 16
_known: dict[str, str | None] = {}


def _lookup(token: str) -> str | None:
    exact, prefixes = _tables()
    if token in exact:
        return exact[token]
    for clitic in _ARABIC_PROCLITICS:
        if token.startswith(clitic) and token[len(clitic) :] in exact:
            return exact[token[len(clitic) :]]
    for end in range(min(len(token), 12), 2, -1):
        if token[:end] in prefixes:
            return prefixes[token[:end]]
    return None
