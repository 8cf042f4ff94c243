"""The command line's messages for people, in English and French.

The same scheme as the core's (``checker.texts``): an English ``str.format`` template with its
values, rendered in the reader's language when shown. The command line's own templates have their
French twins here; a value may be a core message (a ``RubricError``), rendered in the same language.
The interface language comes from the user's locale.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from checker import texts as core
from checker.texts import NBSP, render

__all__ = ["FRENCH", "NBSP", "Text", "render", "text", "ui_language"]


@dataclass(frozen=True, slots=True)
class Text(core.Text):
    """A command-line message: its French twin is in this module's ``FRENCH``."""

    def render(self, lang: str = "en") -> str:
        template = FRENCH.get(self.template, self.template) if lang == "fr" else self.template
        values = {k: render(v, lang) for k, v in self.params}
        return template.format(**values)


def text(template: str, /, **params: Any) -> Text:
    """A message to render later: ``text("{what} not found: {path}", what=..., path=...)``."""
    return Text(template, tuple(params.items()))


def ui_language(environ: Mapping[str, str] | None = None) -> str:
    """``fr`` or ``en``, from the locale variables, read as gettext reads them.

    The locale is the first of LC_ALL, LC_MESSAGES, LANG that is set; under the C locale messages
    are English; otherwise LANGUAGE, a priority list like ``fr:en``, comes first.
    """
    env = os.environ if environ is None else environ
    locale = next((env[n] for n in ("LC_ALL", "LC_MESSAGES", "LANG") if env.get(n)), "")
    locale = locale.strip().lower()
    if locale in ("", "c", "posix") or locale.startswith("c."):
        return "en"
    chosen = (env.get("LANGUAGE") or "").split(":")[0].strip().lower() or locale
    return "fr" if chosen.startswith("fr") else "en"


_ = NBSP
FRENCH: dict[str, str] = {
    # the command line (file labels are bare nouns: "draft not found", "brouillon introuvable")
    "{what} not found: {path}": "{what} introuvable" + _ + ": {path}",
    "{what} is a directory, not a file: {path}": (
        "{what}" + _ + ": {path} est un dossier, pas un fichier"
    ),
    "cannot read {what} {path}: {reason}": "lecture impossible ({what} {path})" + _ + ": {reason}",
    "{what} {name} looks binary (it contains NUL bytes); give a text file": (
        "{what} ({name})" + _ + ": semble binaire (contient des octets NUL)" + _ + "; donnez un "
        "fichier texte"
    ),
    "{what} {name} is not UTF-8 text (byte {byte}); save it as UTF-8 and retry": (
        "{what} ({name})" + _ + ": pas un texte UTF-8 (octet {byte})" + _ + "; enregistrez-le en "
        "UTF-8 et recommencez"
    ),
    "file": "fichier",
    "draft": "brouillon",
    "rubric": "grille",
    "input": "entrée",
    "standard input": "entrée standard",
    "kind": "type",
    "lang": "langue",
    "bad rubric: {error}": "grille invalide" + _ + ": {error}",
    "unknown {what} {value!r}: accepted values are {choices}": (
        "{what}" + _ + ": valeur inconnue {value!r}" + _ + "; valeurs acceptées" + _ + ": {choices}"
    ),
    "cannot write {path}: {reason}": "écriture impossible ({path})" + _ + ": {reason}",
    "graded {count} draft(s) into {path}": "{count} brouillon(s) noté(s) dans {path}",
    "{message}; {count} row(s) skipped": "{message}" + _ + "; {count} ligne(s) ignorée(s)",
    "{source}:{line}: {message}": "{source}:{line}: {message}",
    # the command line's help
    "Grade networking request drafts (French/English) against a rubric.": (
        "Noter des brouillons de demande de mise en relation (français ou anglais) selon une "
        "grille."
    ),
    "arguments": "arguments",
    "options": "options",
    "commands": "commandes",
    "show this help and exit": "afficher cette aide et quitter",
    "show the version and exit": "afficher la version et quitter",
    "grade one draft (a file, or - for standard input)": (
        "noter un brouillon (un fichier, ou - pour l’entrée standard)"
    ),
    "request, ask, intro or connect": "request, ask, intro ou connect",
    "fr, en or auto (default: detect)": "fr, en ou auto (par défaut" + _ + ": détection)",
    "a trainer's rubric": "la grille d’un formateur",
    "text (default) or json": "text (par défaut) ou json",
    "grade a class's drafts from CSV or JSON Lines into a CSV": (
        "noter les brouillons d’un groupe, en CSV ou JSON Lines, dans un CSV"
    ),
    "the report": "le rapport",
    "the draft (- or nothing: standard input)": (
        "le brouillon (- ou rien" + _ + ": l’entrée standard)"
    ),
    "the drafts: CSV with columns id,draft,kind,lang, or JSON Lines": (
        "les brouillons" + _ + ": un CSV aux colonnes id,draft,kind,lang, ou du JSON Lines"
    ),
    "the folder to create": "le dossier à créer",
    "kind for rows without one": "type des lignes qui n’en ont pas",
    "language for rows without one (default: detect)": (
        "langue des lignes qui n’en ont pas (par défaut" + _ + ": détection)"
    ),
    "language of the column names (fr or en)": "langue des noms de colonnes (fr ou en)",
    "start the CSV with a UTF-8 BOM (Excel)": "commencer le CSV par un BOM UTF-8 (Excel)",
    "list the rubric in force": "lister la grille en vigueur",
    "fr or en": "fr ou en",
    "scaffold a workshop site in DIR": "créer le squelette d’un site d’atelier dans DIR",
    "write into a non-empty DIR": "écrire dans un DIR qui n’est pas vide",
    # argparse's own errors (cli.argparse_error)
    "{prog}: error: {message}": "{prog}" + _ + ": erreur" + _ + ": {message}",
    "the following arguments are required: {names}": "arguments obligatoires" + _ + ": {names}",
    "unrecognized arguments: {names}": "arguments inconnus" + _ + ": {names}",
    "argument {name}: expected one argument": "{name}" + _ + ": une valeur est attendue",
    "argument {name}: invalid choice: {value} (choose from {choices})": (
        "{name}" + _ + ": choix invalide, {value} (choisir parmi {choices})"
    ),
    "ambiguous option: {name} could match {matches}": (
        "option ambiguë" + _ + ": {name} peut désigner {matches}"
    ),
    "{message}": "{message}",
    # connecteur batch: one line per bad row
    "not graded": "non noté",
    "not graded: the grading stopped": "non noté" + _ + ": la notation s’est arrêtée",
    "the grading stopped unexpectedly; this draft is not graded": (
        "la notation s’est arrêtée de façon inattendue" + _ + "; ce brouillon n’est pas noté"
    ),
    "grading took more than {seconds} s, so this draft is not graded: a pattern of the rubric "
    "{rubric!r} is probably too slow (see --time-limit)": (
        "la notation a pris plus de {seconds}"
        + _
        + "s, ce brouillon n’est donc pas noté"
        + _
        + ": "
        "un motif de la grille {rubric!r} est sans doute trop lent (voir --time-limit)"
    ),
    "--time-limit must be a number of seconds above 0": (
        "--time-limit doit être un nombre de secondes supérieur à 0"
    ),
    "the longest one draft may take to grade (default: 5)": (
        "la durée maximale de notation d’un brouillon, en secondes (par défaut" + _ + ": 5)"
    ),
    "unknown kind {kind!r} (accepted: {choices})": (
        "type inconnu" + _ + ": {kind!r} (acceptés" + _ + ": {choices})"
    ),
    "unknown lang {lang!r} (accepted: {choices})": (
        "langue inconnue" + _ + ": {lang!r} (acceptées" + _ + ": {choices})"
    ),
    "no 'draft' (or 'text') column": "pas de colonne 'draft' (ni 'text')",
    "the draft must be text": "le brouillon doit être du texte",
    "the {field} must be text": "le champ {field} doit être du texte",
    "not valid JSON: {error}": "JSON invalide" + _ + ": {error}",
    "each line must be a JSON object": "chaque ligne doit être un objet JSON",
    "the file is empty (expected a header line: id,draft,kind,lang)": (
        "le fichier est vide (ligne d’en-tête attendue" + _ + ": id,draft,kind,lang)"
    ),
    "the header has no 'draft' (or 'text') column: expected id,draft,kind,lang": (
        "l’en-tête n’a pas de colonne 'draft' (ni 'text')" + _ + ": attendu id,draft,kind,lang"
    ),
    "unreadable CSV row: {error}": "ligne CSV illisible" + _ + ": {error}",
    "more cells than header columns (a comma inside an unquoted draft?)": (
        "plus de cellules que de colonnes d’en-tête (une virgule dans un brouillon sans "
        "guillemets" + _ + "?)"
    ),
    # connecteur new
    "English": "anglais",
    "French": "français",
    "make run: build and serve the site on http://127.0.0.1:8000/   make site: build into site/": (
        "make run"
        + _
        + ": construit et sert le site sur http://127.0.0.1:8000/   make site"
        + _
        + ": construit dans site/"
    ),
    "{path} exists and is not a folder. Choose another path.": (
        "{path} existe et n’est pas un dossier. Choisissez un autre chemin."
    ),
    "{path} is not empty ({count} entries). Choose a new or empty folder, or pass "
    "--force to write the workshop files over it (other files are kept).": (
        "{path} n’est pas vide ({count} éléments). Choisissez un dossier nouveau ou vide, ou "
        "ajoutez --force pour y écrire les fichiers de l’atelier (les autres fichiers sont "
        "conservés)."
    ),
    "requirements.txt installs Connecteur {where} from the package index.": (
        "requirements.txt installe Connecteur {where} depuis l’index des paquets."
    ),
    "requirements.txt installs Connecteur from this folder: {where}": (
        "requirements.txt installe Connecteur depuis ce dossier" + _ + ": {where}"
    ),
    "requirements.txt installs Connecteur from this file: {where}": (
        "requirements.txt installe Connecteur depuis ce fichier" + _ + ": {where}"
    ),
    "requirements.txt installs Connecteur from this repository: {where}": (
        "requirements.txt installe Connecteur depuis ce dépôt" + _ + ": {where}"
    ),
    "Where this Connecteur was installed from is not known, so requirements.txt asks the "
    "package index for connecteur[site]. If you installed Connecteur from a folder, a wheel "
    "or a repository, write that in requirements.txt instead, for example: connecteur[site] @ "
    "file:///path/to/connecteur-x.y.z-py3-none-any.whl": (
        "On ne sait pas d’où ce Connecteur a été installé" + _ + "; requirements.txt demande donc "
        "connecteur[site] à l’index des paquets. Si vous avez installé Connecteur depuis un "
        "dossier, une wheel ou un dépôt, écrivez-le plutôt dans requirements.txt, par "
        "exemple" + _ + ": connecteur[site] @ file:///chemin/vers/connecteur-x.y.z-py3-none-any.whl"
    ),
    "Created a workshop site in {path} ({count} files, in {language}).\n"
    "{origin}\n"
    "Next steps:\n"
    "  cd {path}\n"
    "  make run     (installs requirements.txt into .venv and Pyodide {pyodide} into "
    "node_modules/, then serves http://127.0.0.1:8000/)\n"
    "or by hand:\n"
    "  python3 -m venv .venv && .venv/bin/pip install -r requirements.txt\n"
    "  npm install                  (or set CONNECTEUR_PYODIDE to an unpacked "
    "Pyodide {pyodide})\n"
    "  .venv/bin/mkdocs serve       (then open http://127.0.0.1:8000/)\n"
    "Edit rubric.toml to adapt the rules to your workshop and docs/exercises.md to add "
    "drafts; `.venv/bin/mkdocs build --strict` writes the static site to site/.\n"
    "README.md repeats these commands.": (
        "Site d’atelier créé dans {path} ({count} fichiers, en {language}).\n"
        "{origin}\n"
        "Étapes suivantes" + _ + ":\n"
        "  cd {path}\n"
        "  make run     (installe requirements.txt dans .venv et Pyodide {pyodide} dans "
        "node_modules/, puis sert http://127.0.0.1:8000/)\n"
        "ou à la main" + _ + ":\n"
        "  python3 -m venv .venv && .venv/bin/pip install -r requirements.txt\n"
        "  npm install                  (ou définissez CONNECTEUR_PYODIDE vers un Pyodide "
        "{pyodide} décompressé)\n"
        "  .venv/bin/mkdocs serve       (puis ouvrez http://127.0.0.1:8000/)\n"
        "Modifiez rubric.toml pour adapter les règles à votre atelier et docs/exercises.md pour "
        "ajouter des brouillons" + _ + "; `.venv/bin/mkdocs build --strict` écrit le site statique "
        "dans site/.\n"
        "Le fichier README.md reprend ces commandes."
    ),
}
