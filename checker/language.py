"""French or English? Counted from function words, which every draft has and topics don't change."""

from __future__ import annotations

from collections.abc import Iterable

_FR = """
le la les un une des du de et est sont je j vous nous tu il elle ils elles ce cette ces mon ma mes
ton ta tes votre vos notre nos leur leurs que qu qui quoi dont ou pour par avec sans dans sur sous
chez mais donc car ne pas plus tres bien bonjour merci cordialement salut madame monsieur suis ai
avez etes sommes serait pourriez pourrais souhaite aimerais voudrais au aux si se sa ses lui y
bonsoir cdt d l c s n m t
"""
_EN = """
the an and is are was were i you we he she they it this that these those my your our their his her
its to of in for with without from at by but not no so if would could should can will am have has
had do does did us them hello hi dear thanks thank regards best sincerely please be been being
what which who there here about or
"""
FR_WORDS = frozenset(_FR.split())
EN_WORDS = frozenset(_EN.split())


def detect(letter_runs: Iterable[str]) -> tuple[str, str]:
    """Return (lang, lang_source): "detected" when one language leads, else ("en", "default")."""
    fr = en = 0
    for w in letter_runs:
        if w in FR_WORDS:
            fr += 1
        elif w in EN_WORDS:
            en += 1
    if fr == en:
        return "en", "default"
    return ("fr" if fr > en else "en"), "detected"
