"""Does a sentence say something? A rough finite-verb test, so that evidence is a clause.

Keyword stuffing ("objectif motivation 20 minutes merci") names what a message should do without
doing it; the tell is the missing verb. The test below is deliberately broad (a subject pronoun, an
auxiliary or modal, a negation, a conjugated ending) because missing a real verb costs more than
accepting a fragment.
"""

from __future__ import annotations

from .lazyre import LazyRegex

_FR_VERB = LazyRegex(
    r"(?<!\w)(?:"
    r"(?:je|j'|tu|il|elle|on|nous|vous|ils|elles)\s*(?:ne\s+|n')?(?:[mtsl]'|me\s|te\s|se\s|vous\s|"
    r"nous\s|lui\s|leur\s|l[ea]\s|les\s|en\s|y\s)?[^\W\d_]+"
    r"|ne\s+[^\W\d_]+|n'[^\W\d_]+"
    r"|(?:m'|t'|s'|me\s|te\s|se\s|lui\s|leur\s)[^\W\d_]{2,}(?:e|es|ent|ait|ais|a|era|erait|ont)"
    r"|(?:est|sont|suis|sommes|etes|ai|as|avons|avez|ont|serait|seraient|sera|seront|fut|etait"
    r"|peut|peux|pouvez|pourriez|pourrais|pourrait|voudrais|voudrait|souhaite|souhaiterais"
    r"|souhaiterai|aimerais|aimerait|cherche|cherchez|prepare|travaille|dirige|vient|viens"
    r"|merite|permet|permettrait|faut|faudrait|reste|connait|connais|veux|veut|sais|sait"
    r"|accepteriez|seriez|auriez|voudriez|aimeriez|sauriez)"
    # "a" + a past participle ("Priya en a choisi un"): folding made "à" into "a", so not before
    # a determiner, and only participles that end as they do ("à Paris" stays a fragment).
    r"|a\s+(?!(?:une|ce|cette|notre|votre|leur|celle|elle|toute|chaque|quelle)(?!\w))"
    r"(?:[^\W\d_]{2,}(?:e|i|u)|(?:[^\W\d_]*(?:pris|mis|dit|fait|crit|uit))|eu|su|vu|lu|pu|du)"
    r"|[^\W\d_]{3,}ez|[^\W\d_]{2,}(?<!ti)ons"
    r"|[^\W\d_]{2,}(?:ais|ait|aient|erai|erais|erait|era|eront|iez)"
    # « Ravie de discuter au salon », « Contente d'échanger » : an infinitive after an adjective;
    # thanks and congratulations (« Merci pour le conseil… ») are clauses too.
    r"|(?:ravie?s?|heureu(?:x|se|ses)|contente?s?)\s+(?:de\s+|d')[^\W\d_]{2,}"
    r"|(?:merci|bravo|felicitations)\s+(?:encore\s+)?(?:pour|de|d')"
    # Devoir and a few other common irregular forms (« Notre conseil doit trancher le 14 »), and an
    # auxiliary after an object pronoun (« Votre article m'a beaucoup servi »).
    r"|doit|dois|devons|devez|doivent|devrait|devrais|fait|font|va|vont|vais|dit|prend|prennent"
    r"|met|voit|vit|tient|part|sort|(?:m'|t'|l'|nous\s|vous\s)(?:a|ont|avait|avaient)"
    r"|(?:d'|pour\s)avoir\s+[^\W\d_]{2,}"
    # « Mon mémoire porte sur… », « Ma question porte sur… »: what a study or a question is about.
    r"|port(?:e|ent|era|eront|ait)(?=\s+sur\s)"
    r")(?!\w)"
)

_EN_VERB = LazyRegex(
    r"(?<!\w)(?:"
    r"(?:i|we|you|he|she|they|it|who)\s+(?:(?:really|also|just|would|could|can|will|am|are|have)"
    r"\s+)?[^\W\d_]{2,}"
    r"|i'm|i've|i'd|i'll|we're|we've|you're|you'd|you'll|it's|that's|there's|let's|he's|she's"
    r"|what's|who's|how's|where's|when's|why's|here's|we'd|we'll|they'd|they'll|they've"
    r"|they're|don't|won't|can't|isn't|aren't|didn't|doesn't|wouldn't|couldn't"
    r"|am|is|are|was|were|be|been|have|has|had|do|does|did|will|would|could|can|should|may"
    r"|might|must|shall|let|hope|wonder|work|lead|run|met|saw|read|want"
    # A third person's present ("Lena runs digital at Northwind"): the usual verbs of who-is-who.
    r"|runs|leads|works|wants|needs|knows|helps|manages|teaches|owns|builds|writes|advises|suits"
    r"|need|know|think|suggest|mentioned|said|told|asked|recommended|introduce"
    r"|[^\W\d_]{3,}ed"
    # Irregular pasts ("…stuck with me") and an infinitive after an adjective ("Good to chat by
    # the shearing stage"): sentences, not keywords.
    r"|stuck|thought|heard|spoke|took|gave|came|made|found|got|sent|went|taught|built|wrote"
    r"|began|became|brought|kept|felt|caught|bought|sat|stood|won|grew|knew|meant|spent|led"
    r"|understood|(?:good|great|nice|lovely|glad|happy|pleased|delighted|thrilled|excited|ok|okay|keen|eager)"
    r"\s+to\s+[^\W\d_]{2,}"
    # "Great chatting at the forum yesterday": a greeting in one phrase, a sentence all the same.
    r"|(?:good|great|nice|lovely)\s+(?:chatting|meeting|talking|speaking|seeing)"
    # "Thanks for the tip on the audit tool at the Cork conference": thanking is a clause.
    r"|(?:thanks|thank\s+you|congratulations|congrats)"
    r"\s+(?:again\s+|(?:to\s+)?(?:you\s+)?both\s+|both\s+of\s+you\s+)?(?:for|on)"
    # "Dana here.", "Fellow Lehigh alum here (ChemE '19)": a self-introduction, "I am" left out.
    r"|here(?=\s*(?:[(.!,:;\u2013\u2014-]|$))"
    # "Any chance of a 20 min call next week?": a request put as a question, its verb left out.
    r"|any\s+chance(?=\s+(?:of|that|you|we|i)\s)"
    # "Connecting here before our first chat.": a note that says what it does, "I am" left out.
    r"|(?:connecting|reaching\s+out|writing|following\s+up)"
    r"(?=\s+(?:here|to|because|as|since|so|before|ahead|after|on|in\s+case)\s)"
    r")(?!\w)"
)


def verb_starts(text: str, lang: str) -> list[int]:
    """Where verb-like words start in the (folded) text: one pass rather than one per sentence."""
    pattern = _FR_VERB if lang == "fr" else _EN_VERB
    return [m.start() for m in pattern.finditer(text)]
