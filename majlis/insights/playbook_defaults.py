"""The playbooks a workspace starts with: content for the team to adapt, in French, Arabic and
English. They are data rather than interface strings: once created they belong to the workspace,
which edits them in its own words. Steps and escalation are written in the language of whoever
first opens the playbooks; the three holding statements are always created.
"""

from __future__ import annotations

from typing import TypedDict

from majlis.insights.detection import CRITICAL, HIGH, WATCH


class PlaybookText(TypedDict):
    steps: str
    escalate_to: str
    monitor_next: str


STEPS: dict[str, dict[str, PlaybookText]] = {
    "fr": {
        WATCH: {
            "steps": (
                "Lire les mentions à l'origine de l'alerte et vérifier qu'elles parlent bien "
                "de la marque.\n"
                "Identifier le sujet : panne, prix, service client, rumeur, campagne "
                "d'un concurrent.\n"
                "Prévenir la personne de permanence sur les réseaux.\n"
                "Préparer la déclaration d'attente sans la publier."
            ),
            "escalate_to": "Responsable de la communauté de permanence",
            "monitor_next": (
                "Volume horaire des mentions pendant les trois prochaines heures\n"
                "Part des mentions négatives\n"
                "Médias et comptes influents qui reprennent le sujet"
            ),
        },
        HIGH: {
            "steps": (
                "Prendre l'alerte en charge et se l'attribuer.\n"
                "Confirmer les faits auprès du service concerné (technique, service client, "
                "juridique).\n"
                "Adapter et publier la déclaration d'attente, répondre aux messages les plus "
                "repris.\n"
                "Suspendre les publications programmées qui sembleraient déplacées.\n"
                "Faire un point toutes les heures avec la direction de la communication."
            ),
            "escalate_to": "Direction de la communication\nResponsable du service concerné",
            "monitor_next": (
                "Volume et part négative heure par heure\n"
                "Nouveaux médias, sites et auteurs qui reprennent le sujet\n"
                "Mots qui montent : le sujet se déplace-t-il ?"
            ),
        },
        CRITICAL: {
            "steps": (
                "Réunir la cellule de crise : communication, direction, service concerné, "
                "juridique.\n"
                "Publier la déclaration d'attente dans l'heure, en français, en arabe et "
                "en anglais.\n"
                "Suspendre toutes les publications programmées et les campagnes payantes.\n"
                "Répondre publiquement par un seul message validé ; traiter les cas "
                "individuels en privé.\n"
                "Tenir un journal des décisions et des messages publiés.\n"
                "Faire un point toutes les 30 minutes jusqu'à la décrue."
            ),
            "escalate_to": ("Direction générale\nDirection de la communication\nService juridique"),
            "monitor_next": (
                "Volume par quart d'heure et part négative\n"
                "Reprises par la presse et par les comptes les plus suivis\n"
                "Réactions à la déclaration publiée\n"
                "Retour au niveau habituel avant de clore l'alerte"
            ),
        },
    },
    "en": {
        WATCH: {
            "steps": (
                "Read the mentions behind the alert and check that they are about the brand.\n"
                "Name the topic: outage, prices, customer service, rumour, a competitor's "
                "campaign.\n"
                "Tell the person on duty for social media.\n"
                "Prepare the holding statement without publishing it."
            ),
            "escalate_to": "Community manager on duty",
            "monitor_next": (
                "Hourly volume of mentions for the next three hours\n"
                "Share of negative mentions\n"
                "Media and influential accounts picking up the topic"
            ),
        },
        HIGH: {
            "steps": (
                "Take the alert and assign it to yourself.\n"
                "Confirm the facts with the team concerned (technical, customer service, legal).\n"
                "Adapt and publish the holding statement; answer the most shared messages.\n"
                "Pause scheduled posts that would seem out of place.\n"
                "Report every hour to the head of communication."
            ),
            "escalate_to": "Head of communication\nHead of the team concerned",
            "monitor_next": (
                "Volume and negative share, hour by hour\n"
                "New media, sites and authors picking up the topic\n"
                "Rising terms: is the topic shifting?"
            ),
        },
        CRITICAL: {
            "steps": (
                "Convene the crisis team: communication, management, the team concerned, legal.\n"
                "Publish the holding statement within the hour, in French, Arabic and English.\n"
                "Pause every scheduled post and paid campaign.\n"
                "Answer publicly with one approved message; handle individual cases in private.\n"
                "Keep a log of decisions and published messages.\n"
                "Report every 30 minutes until the wave recedes."
            ),
            "escalate_to": "Chief executive\nHead of communication\nLegal team",
            "monitor_next": (
                "Volume per quarter hour and negative share\n"
                "Pick-up by the press and by the most followed accounts\n"
                "Reactions to the published statement\n"
                "Back to the usual level before closing the alert"
            ),
        },
    },
    "ar": {
        WATCH: {
            "steps": (
                "قراءة الإشارات التي أطلقت التنبيه والتأكد من أنها تتعلق بالعلامة فعلًا.\n"
                "تحديد الموضوع: عطل، أسعار، خدمة الزبناء، إشاعة، حملة لمنافس.\n"
                "إخبار الشخص المكلف بالمداومة على الشبكات الاجتماعية.\n"
                "تحضير بيان الانتظار دون نشره."
            ),
            "escalate_to": "مسير المجتمع المكلف بالمداومة",
            "monitor_next": (
                "عدد الإشارات في كل ساعة خلال الساعات الثلاث القادمة\n"
                "نسبة الإشارات السلبية\n"
                "وسائل الإعلام والحسابات المؤثرة التي تتناول الموضوع"
            ),
        },
        HIGH: {
            "steps": (
                "التكفل بالتنبيه وإسناده إلى نفسك.\n"
                "التأكد من الوقائع مع المصلحة المعنية (التقنية، خدمة الزبناء، القانونية).\n"
                "تكييف بيان الانتظار ونشره، والرد على الرسائل الأكثر تداولًا.\n"
                "تعليق المنشورات المبرمجة التي قد تبدو في غير محلها.\n"
                "تقديم حصيلة كل ساعة لمديرية التواصل."
            ),
            "escalate_to": "مديرية التواصل\nمسؤول المصلحة المعنية",
            "monitor_next": (
                "الحجم ونسبة السلبي ساعة بساعة\n"
                "وسائل الإعلام والمواقع والكتّاب الجدد الذين يتناولون الموضوع\n"
                "الكلمات الصاعدة: هل يتحول الموضوع؟"
            ),
        },
        CRITICAL: {
            "steps": (
                "عقد خلية الأزمة: التواصل، الإدارة، المصلحة المعنية، القانونية.\n"
                "نشر بيان الانتظار خلال ساعة، بالفرنسية والعربية والإنجليزية.\n"
                "تعليق جميع المنشورات المبرمجة والحملات المدفوعة.\n"
                "الرد علنًا برسالة واحدة مصادق عليها، ومعالجة الحالات الفردية في الخاص.\n"
                "تدوين القرارات والرسائل المنشورة في سجل.\n"
                "تقديم حصيلة كل 30 دقيقة إلى أن تتراجع الموجة."
            ),
            "escalate_to": "الإدارة العامة\nمديرية التواصل\nالمصلحة القانونية",
            "monitor_next": (
                "الحجم في كل ربع ساعة ونسبة السلبي\n"
                "تناول الصحافة والحسابات الأكثر متابعة للموضوع\n"
                "ردود الفعل على البيان المنشور\n"
                "العودة إلى المستوى المعتاد قبل إغلاق التنبيه"
            ),
        },
    },
}

HOLDING: dict[str, dict[str, str]] = {
    WATCH: {
        "fr": (
            "Merci de nous l'avoir signalé. Nous vérifions et revenons vers vous rapidement. "
            "Pouvez-vous nous écrire en message privé pour que nous suivions votre cas ? "
            "— {brand}"
        ),
        "ar": (
            "شكرًا على تنبيهنا. نحن بصدد التحقق وسنعود إليكم في أقرب وقت. "
            "هل يمكنكم مراسلتنا في رسالة خاصة حتى نتابع حالتكم؟ — {brand}"
        ),
        "en": (
            "Thank you for letting us know. We are looking into it and will get back to you "
            "shortly. Could you send us a private message so we can follow up on your case? "
            "— {brand}"
        ),
    },
    HIGH: {
        "fr": (
            "Nous avons connaissance des difficultés signalées par plusieurs d'entre vous. "
            "Nos équipes sont mobilisées pour en identifier la cause et nous reviendrons vers "
            "vous très vite avec plus d'informations. Merci de votre patience. — {brand}"
        ),
        "ar": (
            "نحن على علم بالصعوبات التي أشار إليها عدد منكم. فرقنا معبأة لتحديد سببها، "
            "وسنعود إليكم قريبًا بمزيد من المعلومات. شكرًا على صبركم. — {brand}"
        ),
        "en": (
            "We are aware of the issues several of you have reported. Our teams are working to "
            "identify the cause and we will update you shortly. Thank you for your patience. "
            "— {brand}"
        ),
    },
    CRITICAL: {
        "fr": (
            "{brand} a connaissance de la situation signalée aujourd'hui. Notre priorité est "
            "[le rétablissement du service / la sécurité] de nos clients. Une équipe dédiée est "
            "mobilisée et nous publierons un point de situation à [heure]. Nous vous présentons "
            "nos excuses pour la gêne occasionnée."
        ),
        "ar": (
            "تعلم {brand} بالوضع الذي تم الإبلاغ عنه اليوم. أولويتنا هي [استعادة الخدمة / سلامة] "
            "عملائنا. فريق مخصص يعمل على ذلك، وسننشر مستجدات الوضع على الساعة [الساعة]. "
            "نعتذر عن الإزعاج الذي سببه ذلك."
        ),
        "en": (
            "{brand} is aware of the situation reported today. Our priority is [restoring "
            "service to / the safety of] our customers. A dedicated team is working on it and we "
            "will publish an update at [time]. We apologise for the inconvenience."
        ),
    },
}


def texts_for(severity: str, language: str, brand: str) -> dict[str, str]:
    """The fields of a new playbook: steps in `language` (French when it has none)."""
    steps = STEPS.get(language.split("-")[0], STEPS["fr"])[severity]
    holding = {lang: text.format(brand=brand) for lang, text in HOLDING[severity].items()}
    return {
        "steps": steps["steps"],
        "escalate_to": steps["escalate_to"],
        "monitor_next": steps["monitor_next"],
        "holding_fr": holding["fr"],
        "holding_ar": holding["ar"],
        "holding_en": holding["en"],
    }
