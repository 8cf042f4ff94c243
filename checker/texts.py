"""Messages for people, in English and French: the rubric loader's errors.

A message is built once, as an English ``str.format`` template with its values, and rendered in
the reader's language when it is shown: ``str()`` gives English (logs, MkDocs builds); the command
line (``connecteur_cli``, which keeps its own messages) renders it in the language of the user's
locale. The French twin of every template is in ``FRENCH``; a test checks that no template used in
the package lacks one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

NBSP = "\u00a0"  # French puts a non-breaking space before : ; ? !


@dataclass(frozen=True, slots=True)
class Text:
    """An English template, its values, and a rendering in either language."""

    template: str
    params: tuple[tuple[str, Any], ...] = ()

    def render(self, lang: str = "en") -> str:
        template = FRENCH.get(self.template, self.template) if lang == "fr" else self.template
        # A value may itself be bilingual: a Text, or an error that renders (RubricError).
        values = {k: v.render(lang) if hasattr(v, "render") else v for k, v in self.params}
        return template.format(**values)

    def __str__(self) -> str:
        return self.render("en")


def text(template: str, /, **params: Any) -> Text:
    """A message to render later: ``text("unknown key in {where}", where="the rubric")``."""
    return Text(template, tuple(params.items()))


def render(message: object, lang: str) -> str:
    """Render a message that may be plain text (a value, a name) or bilingual (a Text)."""
    return message.render(lang) if hasattr(message, "render") else str(message)


_ = NBSP
FRENCH: dict[str, str] = {
    # RubricError's frame
    "{where}: rule {rule!r}": "{where}" + _ + ": règle {rule!r}",
    "{where}: key {key!r}": "{where}" + _ + ": clé {key!r}",
    "{where}: {problem}": "{where}" + _ + ": {problem}",
    "{message} ({fix})": "{message} ({fix})",
    # patterns and values
    "pattern {pattern!r} is not a valid regular expression: {error}": (
        "le motif {pattern!r} n’est pas une expression régulière valide" + _ + ": {error}"
    ),
    "escape special characters, or list it under 'phrases'": (
        "échappez les caractères spéciaux, ou mettez-le dans 'phrases'"
    ),
    "pattern {pattern!r} could make grading hang: {reason}": (
        "le motif {pattern!r} risque de bloquer la notation" + _ + ": {reason}"
    ),
    "a repeated group holds an optional or repeated part that lets one text be matched in "
    "very many ways": (
        "un groupe répété contient une partie facultative ou répétée qui permet de lire un même "
        "texte d’un très grand nombre de façons"
    ),
    "a repeated group has alternatives that can match the same text": (
        "un groupe répété a des alternatives qui peuvent reconnaître le même texte"
    ),
    "a repetition of more than {limit} rounds can match nothing": (
        "une répétition de plus de {limit} tours porte sur une partie qui peut être vide"
    ),
    "two unbounded repetitions in a row (such as .* or \\w+) can share out the same text": (
        "deux répétitions sans limite à la suite (comme .* ou \\w+) peuvent se partager le même "
        "texte"
    ),
    "groups are nested too deeply": "les groupes sont imbriqués trop profondément",
    "a back-reference inside a repetition": "une référence arrière à l’intérieur d’une répétition",
    "use a literal phrase (key 'phrases'), or a bounded repetition such as [^.!?\\n]{{0,60}}? "
    "between words, with no repetition inside a repeated group": (
        "utilisez une expression littérale (clé 'phrases'), ou une répétition bornée comme "
        "[^.!?\\n]{{0,60}}? entre les mots, sans répétition à l’intérieur d’un groupe répété"
    ),
    "{count} entries is too many (at most {limit})": (
        "{count} entrées, c’est trop (au plus {limit})"
    ),
    "an entry of {count} characters is too long (at most {limit})": (
        "une entrée de {count} caractères est trop longue (au plus {limit})"
    ),
    "keep the most telling entries": "gardez les entrées les plus parlantes",
    "unknown key in {where}": "clé inconnue dans {where}",
    "the rubric": "la grille",
    "the rule": "la règle",
    "criterion {criterion!r}": "le critère {criterion!r}",
    "did you mean {choice!r}?": "vouliez-vous dire {choice!r}" + _ + "?",
    "expected one of: {choices}": "valeurs attendues" + _ + ": {choices}",
    "must be a non-empty string": "doit être un texte non vide",
    "must be an integer from {low} to {high}": "doit être un entier de {low} à {high}",
    "{value!r} is not accepted": "{value!r} n’est pas accepté",
    "must be a non-empty list": "doit être une liste non vide",
    "for example {example}": "par exemple {example}",
    "must be a table with 'en' and 'fr' texts": "doit être une table avec les textes 'en' et 'fr'",
    'write {key} = {{ en = "...", fr = "..." }}': 'écrivez {key} = {{ en = "...", fr = "..." }}',
    "the {lang!r} text is missing": "le texte {lang!r} manque",
    "every text exists in both languages": "chaque texte existe dans les deux langues",
    "must be a table of lists per language": "doit être une table de listes par langue",
    'write {key} = {{ fr = ["..."], en = ["..."] }}': (
        'écrivez {key} = {{ fr = ["..."], en = ["..."] }}'
    ),
    "must be a list of non-empty strings": "doit être une liste de textes non vides",
    "must be a table per language": "doit être une table par langue",
    "write [rules.examples] fr = {{ pass = [...], fail = [...] }}": (
        "écrivez [rules.examples] fr = {{ pass = [...], fail = [...] }}"
    ),
    "must be a table with 'pass' and 'fail' lists": (
        "doit être une table avec les listes 'pass' et 'fail'"
    ),
    # criteria
    "must be a table": "doit être une table",
    "new criterion {criterion!r} needs a {key}": (
        "le nouveau critère {criterion!r} a besoin de la clé {key}"
    ),
    "must be true or false": "doit valoir true ou false",
    "must be a table of criteria": "doit être une table de critères",
    "criterion ids are lower-case-with-dashes": (
        "les identifiants de critère s’écrivent en-minuscules-avec-tirets"
    ),
    "no criteria defined": "aucun critère n’est défini",
    "add [criteria.objective] with weight, label and guide": (
        "ajoutez [criteria.objective] avec weight, label et guide"
    ),
    "criterion {criterion!r} is not defined": "le critère {criterion!r} n’est pas défini",
    # rules
    "rules entry #{number} must be a table": "l’entrée n°{number} de rules doit être une table",
    "rules entry #{number} needs an id in lower-case-with-dashes": (
        "l’entrée n°{number} de rules a besoin d’un id en-minuscules-avec-tirets"
    ),
    'write id = "my-rule"': 'écrivez id = "ma-regle"',
    "is required": "est obligatoire",
    "a metric rule needs limits per kind": (
        "une règle metric a besoin de limites par type de message"
    ),
    "write limits = {{ request = [50, 125] }} (0 for no bound)": (
        "écrivez limits = {{ request = [50, 125] }} (0 pour aucune limite)"
    ),
    "must be [min, max] (0 for no bound)": "doit valoir [min, max] (0 pour aucune limite)",
    "a {kind!r} rule needs roles": "une règle {kind!r} a besoin de rôles (roles)",
    'write roles = ["vague"]': 'écrivez roles = ["vague"]',
    "a {kind!r} rule needs patterns or phrases": (
        "une règle {kind!r} a besoin de patterns ou de phrases"
    ),
    "no pattern for language {lang!r}": "aucun motif pour la langue {lang!r}",
    "add patterns for it, or remove it from langs": (
        "ajoutez-lui des motifs, ou retirez-la de langs"
    ),
    "no {key!r} pattern for language {lang!r}": "aucun motif {key!r} pour la langue {lang!r}",
    "give {key} patterns for every language in langs": (
        "donnez des motifs {key} pour chaque langue de langs"
    ),
    "must be a table of integers": "doit être une table d’entiers",
    # the whole rubric
    "a rubric is TOML text": "une grille est un texte TOML",
    "not valid TOML: {error}": "TOML invalide" + _ + ": {error}",
    "check quotes, brackets and commas on that line": (
        "vérifiez les guillemets, crochets et virgules de cette ligne"
    ),
    "schema {schema!r} is not supported": "le schéma {schema!r} n’est pas pris en charge",
    "write schema = 1": "écrivez schema = 1",
    "a rubric that replaces the default needs a name": (
        "une grille qui remplace celle par défaut a besoin d’un nom"
    ),
    'write name = "my-workshop"': 'écrivez name = "mon-atelier"',
    "must be a list of rule ids": "doit être une liste d’identifiants de règles",
    'write disable = ["no-shorthand"]': 'écrivez disable = ["no-shorthand"]',
    "only a rubric that extends another can disable rules": (
        "seule une grille qui en étend une autre peut désactiver des règles"
    ),
    'add extends = "default", or simply leave the rule out': (
        'ajoutez extends = "default", ou ne mettez simplement pas la règle'
    ),
    "cannot disable unknown rule {rule!r}": "impossible de désactiver la règle inconnue {rule!r}",
    "must be a table keyed by rule id": "doit être une table indexée par identifiant de règle",
    'write [{key}.rule-id] fr = ["..."]': 'écrivez [{key}.id-de-regle] fr = ["..."]',
    "{key} only works in a rubric that extends another": (
        "{key} ne fonctionne que dans une grille qui en étend une autre"
    ),
    'add extends = "default"': 'ajoutez extends = "default"',
    "cannot add phrases to unknown rule {rule!r}": (
        "impossible d’ajouter des phrases à la règle inconnue {rule!r}"
    ),
    "a {kind!r} rule has no phrases": "une règle {kind!r} n’a pas de phrases",
    "add phrases to a present, absent or placeholder rule": (
        "ajoutez des phrases à une règle present, absent ou placeholder"
    ),
    "the rule does not apply to {lang!r}": "la règle ne s’applique pas à {lang!r}",
    "use one of: {choices}": "utilisez l’une de ces valeurs" + _ + ": {choices}",
    "must be an array of tables": "doit être une liste de tables",
    "write [[rules]] blocks": "écrivez des blocs [[rules]]",
    "this id is already used": "cet identifiant est déjà pris",
    "pick another id, or disable the existing rule first": (
        "choisissez un autre identifiant, ou désactivez d’abord la règle existante"
    ),
    "this id is defined twice": "cet identifiant est défini deux fois",
    "give each rule its own id": "donnez à chaque règle son propre identifiant",
    "no rules left to grade with": "il ne reste aucune règle pour noter",
    "keep at least one rule enabled": "gardez au moins une règle active",
    "a rubric cannot both extend and replace": (
        "une grille ne peut pas à la fois étendre et remplacer"
    ),
    'keep extends = "default" or replaces = true, not both': (
        'gardez extends = "default" ou replaces = true, pas les deux'
    ),
    "cannot extend {name!r}": "impossible d’étendre {name!r}",
    'write extends = "default"': 'écrivez extends = "default"',
    # --- coach: insert a missing element (insert, insert_at) ---
    "only a 'present' rule (a missing element) can insert a text": (
        "seule une règle 'present' (un élément manquant) peut insérer un texte"
    ),
    'remove {key}, or make the rule kind = "present"': (
        'retirez {key}, ou faites de la règle une règle kind = "present"'
    ),
    "{other} needs {key}": "{other} a besoin de {key}",
    "give both insert and insert_at, or neither": (
        "donnez insert et insert_at ensemble, ou aucun des deux"
    ),
    "placeholder {placeholder} is not flagged until filled": (
        "le champ {placeholder} ne serait pas signalé tant qu’il n’est pas rempli"
    ),
    "write placeholders of 1 to {n} characters on one line, like [20 minutes]": (
        "écrivez des champs de 1 à {n} caractères sur une ligne, comme [20 minutes]"
    ),
    # --- end coach ---
}
