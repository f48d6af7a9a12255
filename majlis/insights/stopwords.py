"""Small stopword lists for rising terms: French, English, Modern Standard Arabic, and Moroccan
Darija in Arabic script and in Latin letters (Arabizi). They hold the words that carry no topic
(articles, pronouns, auxiliaries, fillers) plus the debris of links. They go through the same
normalization as the text, so ``été``/``ete`` and ``إلى``/``الى`` are one entry.
"""

from __future__ import annotations

from majlis.text.normalize import normalize

FRENCH = """
a ai aie aient ainsi alors apres au aucun aussi autre aux avaient avais avait avant avec avez
avoir avons bah bien bon c ca car ce ceci cela celle celles celui cependant ces cet cette ceux
chez comme comment d dans de des deja depuis deux devant donc dont du elle elles en encore entre
es est et etaient etais etait ete etes etre eu eux fait faire fois font hier ici il ils j je
jusqu l la le les leur leurs lui m ma mais me meme memes mes moi moins mon n ne ni non nos notre
nous on ont ou par parce pas pendant peu peut plus pour pourquoi puis qu quand que quel quelle
quelles quels qui quoi s sa sans se selon sera ses si sien son sont sous suis sur t ta te tes
toi ton toujours tous tout toute toutes tres trop tu un une vers via voici voila vos votre vous
vraiment y aujourd hui aujourdhui ans an fin tres apres cest ya
"""

ENGLISH = """
a about after again all also am an and any are as at be because been before being between both
but by can could did do does doing done during each even every few for from get got had
has have having he her here hers him his how i if in into is it its just me more most my no nor
not now of off on once only or other our ours out over own same she should so some still such
than that the their theirs them then there these they this those through to too under until up
us very was we were what when where which while who whom why will with would yet you your yours
im dont cant its ive youre thats
"""

ARABIC = """
في من على الى إلى عن مع هذا هذه ذلك تلك هناك هنا التي الذي الذين اللذين اللتين ما ماذا لماذا
كيف متى اين أين كل بعض غير بين حتى ثم او أو ام أم لا لم لن ان إن أن كان كانت يكون تكون قد
لقد هو هي هم هن انا أنا نحن انت أنت انتم أنتم له لها لهم به بها بهم فيه فيها منه منها عليه
عليها اليه إليه عند عندما بعد قبل خلال حول دون ضد لدى الا إلا اذا إذا لكن لان لأن كما وقد
وكان وهو وهي وفي ومن وعلى والى وإلى يوم اليوم امس أمس ايضا أيضا جدا فقط منذ اي أي وذلك
"""

DARIJA_ARABIC = """
ديال ديالي ديالك ديالو ديالها ديالنا ديالكم ديالهم ديال هاد هادي هادا هادو هداك هديك
واش شنو شنوا علاش فين كيفاش إمتى امتى بزاف شوية غير حتى باش بلي راه راها راني راك راكم
واحد وحدة كاين كاينة كاينين ماشي مكاينش ما والو دابا ديما عاد هوما حنا نتا نتي نتوما
اللي لي ف فال شي بحال بلا مع عند عندي عندو عندها عندنا صافي يلاه ياك واخا
"""

DARIJA_LATIN = """
dyal dial dyali diali dyalek dialek dyalo dialo dyalha dyalna dyalkom had hadi hada hadou
hadak hadik wach wech chno chnou chnu 3lach 3lash fin kifach kifash imta bzaf bzzaf chwiya
ghir gher hta bach bli rah raha rani rak rakom wahed wa7ed wahda wa7da kayn kayen kayna
kaynin machi makaynch walo daba dima 3ad houma 7na hna nta nti ntouma li lli f fl bhal bla
m3a 3and 3andi 3ando 3andha safi yallah yak wakha wa w l
"""

WEB = """
http https www com org net ma fr html htm php amp rt via status
"""


def _normalized(*lists: str) -> frozenset[str]:
    return frozenset(normalize(word) for words in lists for word in words.split())


STOPWORDS = _normalized(FRENCH, ENGLISH, ARABIC, DARIJA_ARABIC, DARIJA_LATIN, WEB)
