"""A tiny bilingual site that exercises every feature of the plugin, written into a folder."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

DATA = Path(__file__).parent / "data"

GUIDE_EN = """\
# The motivated request

## Objective {#objective}

Say what you want.

## Courtesy {#courtesy}

Be polite.

```connecteur
kind: request
lang: en
compact: true
expect: not-ready
---
Hello Ann, thx.
```
"""

GUIDE_FR = """\
# La demande motivée

## Objectif {#objective}

Dites ce que vous voulez.

## Courtoisie {#courtesy}

Soyez poli.

```connecteur
lang: fr
compact: true
expect: needs-work
---
Bonjour, je souhaiterais un conseil. Cdt
```
"""

CHECKER_EN = """\
# Checker

```connecteur
```

````markdown
```connecteur
kind: nonsense
---
not a widget: inside another code block
```
````
"""

CONFIG = """\
site_name: Tiny
site_url: http://127.0.0.1:8000/
theme:
  name: material
  font: false
plugins:
  - search
  - i18n:
      docs_structure: suffix
      languages:
        - {locale: en, name: English, default: true, build: true}
        - {locale: fr, name: Français, build: true}
  - connecteur:
      rubric: rubric.toml
      pyodide: {pyodide}
markdown_extensions: [attr_list, md_in_html, pymdownx.superfences, toc]
nav:
  - Home: index.md
  - Checker: checker.md
  - Guide: guide/motivated-request.md
  - Rules: rules/index.md
"""


def write_site(root: Path, pyodide: Path, *, rubric: str | None = None) -> Path:
    """Write the tiny site into ``root``; return its mkdocs.yml."""
    docs = root / "docs"
    (docs / "guide").mkdir(parents=True, exist_ok=True)
    pages = {
        "index.md": "# Home\n\n[Check a draft](checker.md)\n",
        "index.fr.md": "# Accueil\n\n[Vérifier un brouillon](checker.md)\n",
        "checker.md": CHECKER_EN,
        "checker.fr.md": "# Vérificateur\n\n```connecteur\n```\n",
        "guide/motivated-request.md": GUIDE_EN,
        "guide/motivated-request.fr.md": GUIDE_FR,
    }
    for name, text in pages.items():
        (docs / name).write_text(text, encoding="utf-8")
    if rubric is None:
        shutil.copy(DATA / "rubric.toml", root / "rubric.toml")
    else:
        (root / "rubric.toml").write_text(textwrap.dedent(rubric), encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(CONFIG.replace("{pyodide}", str(pyodide)), encoding="utf-8")
    return config
