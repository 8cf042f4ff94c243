"""The rule reference pages, written from the rubric data in each language.

One source of truth: a rule's page, the checker's finding and the tests all read the same rule,
so the page can never describe a rule the checker does not apply. Pages are Markdown, so MkDocs
checks their links to the guide like any other link.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from html import escape

from checker import LANGS, Rubric, Rule
from checker.texts import Text, labels
from checker.texts import text as _t
from checker.vocabulary import SEVERITY_TEXTS

from .guide_links import GuideTarget, parse_guide

RULES_DIR = "rules"

_STRINGS: dict[str, Text] = {
    "index_title": _t("Rules"),
    "index_intro": _t(
        "Every finding of the checker comes from one of these rules. Each page says what the rule "
        "checks, what to do about it, why (with the guide section it comes from), and shows "
        "drafts that pass and fail it."
    ),
    "rubric": _t("Rubric in force: **{name}**."),
    "rule": _t("Rule"),
    "checks": _t("What it checks"),
    "severity": _t("Severity"),
    "criterion": _t("Criterion"),
    "weight": _t("{weight} points"),
    "decisive": _t("decisive: missing it keeps a draft out of the “ready” band"),
    "applies_to": _t("Applies to"),
    "langs": _t("Languages"),
    "suggestion": _t("What to do"),
    "why": _t("Why"),
    "why_text": _t("The reasoning behind this rule is in the guide: [{title}]({link})."),
    "why_unlinked": _t("The reasoning behind this rule is in the Connecteur guide: {title}."),
    "examples": _t("Examples"),
    "try": _t("Try it"),
    "try_text": _t("The checker below starts with a draft that fails this rule: fix it."),
    "pass": _t("Drafts that pass"),
    "fail": _t("Drafts that fail"),
    "none": _t("No example yet."),
    "back": _t("[All rules]({link})"),
    "checked_by": _t("Rules that check this page"),
    "checked_by_intro": _t("The checker applies these rules to what this page teaches:"),
    "section": _t("section"),
    "the_guide": _t("the guide"),
    "colon": _t(": "),
    "semicolon": _t("; "),
    "limits": _t("Limits"),
    "evidence_from": _t("Also counts as evidence"),
    "evidence_from_text": _t("the phrases of {rules}"),
    "veto_from": _t("Also refuses as evidence"),
    "veto_from_text": _t("the veto phrases of {rules}"),
    "at_most": _t("at most {n} {measure} for {kind}"),
    "at_least": _t("at least {n} {measure} for {kind}"),
    "words": _t("words"),
    "characters": _t("characters"),
    "insert": _t(
        "The checker's card for this rule can insert this text {where}; fill in the part in "
        "brackets:"
    ),
    "insert_start": _t("at the start of the draft"),
    "insert_after-greeting": _t("after the greeting"),
    "insert_before-closing": _t("before the closing"),
    "insert_end-of-body": _t("at the end of the body"),
}
"""The rule pages' own words, as messages of the catalogue (``checker/locale``)."""
STRINGS: Mapping[str, Mapping[str, str]] = {lang: labels(_STRINGS, lang) for lang in LANGS}


# French typography (no-break spaces, apostrophes) is set on the built page, with the rest of the
# French site: see ``typography``.

# The same words as the widget's cards and checklist (the checker's own, vocabulary.py).
SEVERITY = {lang: labels(dict(SEVERITY_TEXTS), lang) for lang in LANGS}
_KIND: dict[str, Text] = {
    "request": _t("a motivated request"),
    "ask": _t("asking for an introduction"),
    "intro": _t("an introduction (by the connector)"),
    "connect": _t("a connection request"),
}
KIND = {lang: labels(_KIND, lang) for lang in LANGS}
_LANG_NAME: dict[str, Text] = {"en": _t("English"), "fr": _t("French")}
LANG_NAME = {lang: labels(_LANG_NAME, lang) for lang in LANGS}


def rule_src_uri(rule_id: str) -> str:
    """The source path of a rule's page, without language suffix."""
    return f"{RULES_DIR}/{rule_id}.md"


def index_src_uri() -> str:
    """The source path of the rules index, without language suffix."""
    return f"{RULES_DIR}/index.md"


def _pick(value: Mapping[str, str], lang: str) -> str:
    """The text in ``lang``, else in the other language (a trainer may write only one)."""
    return value.get(lang) or next(iter(value.values()), "")


_PLACEHOLDER = re.compile(r"\{(value|min|max)\}")


def rule_message(rule: Rule, lang: str) -> str:
    """A rule's message for a page about the rule, with no ``{value}``/``{min}``/``{max}`` left.

    The checker fills them with the draft's measure and the kind's limit; a page has no draft, so
    it shows what the checker says of a draft just past the limit of the rule's first kind (the
    rule page lists every kind's limit).
    """
    text = _pick(rule.message, lang)
    limits = rule.limits
    if not _PLACEHOLDER.search(text):
        return text
    kind = next((k for k in rule.applies_to if k in limits), next(iter(limits), None))
    low, high = limits.get(kind, (None, None)) if kind else (None, None)
    value = high + 1 if high else (low - 1 if low else 0)
    values = {"value": value, "min": low or 0, "max": high or 0}
    return _PLACEHOLDER.sub(lambda m: str(values[m[1]]), text)


def _limits(rule: Rule, lang: str) -> str | None:
    """ "at most 125 words for a motivated request, …" from a metric rule's data, or None."""
    limits = rule.limits
    if not limits:
        return None
    s = STRINGS[lang]
    measure = s.get(str(rule.measure), str(rule.measure))
    parts = []
    for kind, (low, high) in limits.items():
        label = KIND[lang].get(kind, kind)
        if high:
            parts.append(s["at_most"].format(n=high, measure=measure, kind=label))
        if low:
            parts.append(s["at_least"].format(n=low, measure=measure, kind=label))
    return s["semicolon"].join(parts) or None


def _taken_from(names: tuple[str, ...], text: str, lang: str) -> str:
    """ "the phrases of intro-purpose, intro-benefit", each linked to its page: a rule that takes
    the patterns (`patterns_from`) or the veto phrases (`veto_from`) of others finds or refuses
    what they do, so a trainer reading one page learns of the others."""
    links = ", ".join(f"[`{name}`]({name}.md)" for name in names)
    return STRINGS[lang][text].format(rules=links)


def _cell(text: str) -> str:
    """Text safe in a Markdown table cell."""
    return escape(text, quote=False).replace("|", "\\|").replace("\n", " ")


def _example(text: str, lang: str) -> str:
    """A draft shown as text (never as Markdown or HTML), in its language."""
    body = escape(text, quote=False).replace("\r\n", "\n").replace("\n", "<br>")
    return f'<blockquote class="connecteur-example" lang="{lang}"><p>{body}</p></blockquote>'


def _criterion(rubric: Rubric, rule: Rule, lang: str) -> tuple[str, str]:
    criterion = rubric.criteria.get(rule.criterion)
    if criterion is None:
        return rule.criterion, ""
    s = STRINGS[lang]
    weight = s["weight"].format(weight=criterion.weight)
    if criterion.decisive:
        weight += s["semicolon"] + s["decisive"]
    return _pick(criterion.label, lang), weight


def guide_title(target: GuideTarget, titles: Mapping[str, str], lang: str) -> str:
    """ "Page › Section" from the guide's own headings when known, else "the guide"."""
    page = titles.get(target.src_uri)
    section = titles.get(f"{target.src_uri}#{target.anchor}") if target.anchor else None
    if page and section:
        return f"{page} › {section}"
    return page or section or STRINGS[lang]["the_guide"]


def guide_link(rule: Rule, lang_prefix: str, guide_url: str | None, in_site: bool) -> str | None:
    """Where a rule page's "why" links: the guide page in this site, the published guide, or
    nowhere (a site without the guide, like a trainer's workshop site)."""
    if guide_url:
        return f"{guide_url.rstrip('/')}/{lang_prefix}{rule.guide.lstrip('/')}"
    if in_site:
        return parse_guide(rule.guide).link_from(rule_src_uri(rule.id))
    return None


def render_rule(
    rubric: Rubric, rule: Rule, lang: str, titles: Mapping[str, str], link: str | None
) -> str:
    """The Markdown of one rule's page in ``lang``; ``link`` is where "why" points (or None)."""
    s = STRINGS[lang]
    label, weight = _criterion(rubric, rule, lang)
    target = parse_guide(rule.guide)
    title = guide_title(target, titles, lang)
    if link is None:
        section = f"{target.src_uri.removesuffix('.md')}#{target.anchor}".rstrip("#")
        why = s["why_unlinked"].format(title=f"`{section}`")
    else:
        why = s["why_text"].format(title=title, link=link)
    kinds = ", ".join(KIND[lang].get(k, k) for k in rule.applies_to)
    langs = ", ".join(LANG_NAME[lang].get(code, code) for code in rule.langs)
    lines = [
        f"# {s['rule']} `{rule.id}`",
        "",
        _cell(rule_message(rule, lang)),
        "",
        f"- **{s['severity']}**{s['colon']}{SEVERITY[lang].get(rule.severity, rule.severity)}",
        f"- **{s['criterion']}**{s['colon']}{_cell(label)}"
        + (f" ({_cell(weight)})" if weight else ""),
        f"- **{s['applies_to']}**{s['colon']}{kinds}",
        f"- **{s['langs']}**{s['colon']}{langs}",
        *(
            [f"- **{s['limits']}**{s['colon']}{_cell(limit)}"]
            if (limit := _limits(rule, lang))
            else []
        ),
        *(
            f"- **{s[label]}**{s['colon']}{_taken_from(names, f'{label}_text', lang)}"
            for label, names in (
                ("evidence_from", rule.patterns_from),
                ("veto_from", rule.veto_from),
            )
            if names
        ),
        "",
        f"## {s['suggestion']}",
        "",
        _cell(_pick(rule.suggestion, lang)),
        "",
        *_insert(rule, lang),
        f"## {s['why']}",
        "",
        why,
        "",
        f"## {s['examples']}",
        "",
    ]
    # The reader's language first, then the other: a rule holds in both.
    for example_lang in sorted(rule.examples, key=lambda code: code != lang):
        sets = rule.examples[example_lang]
        lines += [f"### {LANG_NAME[lang].get(example_lang, example_lang).capitalize()}", ""]
        for key in ("pass", "fail"):
            lines += [f"**{s[key]}**", ""]
            examples = list(sets.get(key, ()))
            lines += [_example(text, example_lang) for text in examples] or [s["none"]]
            lines.append("")
    lines += _try_it(rule, lang)
    lines += [s["back"].format(link="index.md"), ""]
    return "\n".join(lines)


def _insert(rule: Rule, lang: str) -> list[str]:
    """The missing element the checker's card inserts, where it goes, in the reader's language."""
    if rule.insert_at is None or not rule.insert:
        return []
    s = STRINGS[lang]
    text_lang = lang if lang in rule.insert else next(iter(rule.insert))
    where = s[f"insert_{rule.insert_at}"]
    return [
        s["insert"].format(where=where),
        "",
        _example(rule.insert[text_lang], text_lang).replace(
            'class="connecteur-example"', 'class="connecteur-example connecteur-insert"'
        ),
        "",
    ]


def _try_it(rule: Rule, lang: str) -> list[str]:
    """A compact checker holding a failing example, in the reader's language when there is one."""
    fails = rule.examples.get(lang, {}).get("fail") or next(
        (t["fail"] for t in rule.examples.values() if t.get("fail")), ()
    )
    draft = next((text for text in fails if "```" not in text), None)
    if not draft or not rule.applies_to:
        return []
    s = STRINGS[lang]
    fence = ["```connecteur", f"kind: {rule.applies_to[0]}", "compact: true", f"rule: {rule.id}"]
    fence += ["---", draft, "```"]
    return [f"## {s['try']}", "", s["try_text"], "", *fence, ""]


def render_index(rubric: Rubric, lang: str) -> str:
    """The Markdown of the rules index in ``lang``: rules grouped by criterion."""
    s = STRINGS[lang]
    lines = [
        f"# {s['index_title']}",
        "",
        s["index_intro"],
        "",
        s["rubric"].format(name=rubric.name),
    ]
    by_criterion: dict[str, list[Rule]] = {}
    for rule in rubric.rules:
        by_criterion.setdefault(rule.criterion, []).append(rule)
    for criterion_id, rules in by_criterion.items():
        criterion = rubric.criteria.get(criterion_id)
        label = _pick(criterion.label, lang) if criterion else criterion_id
        lines += ["", f"## {_cell(label)}", ""]
        lines += [f"| {s['rule']} | {s['checks']} | {s['severity']} |", "|---|---|---|"]
        for rule in rules:
            lines.append(
                f"| [{rule.id}]({rule.id}.md) | {_cell(rule_message(rule, lang))} "
                f"| {SEVERITY[lang].get(rule.severity, rule.severity)} |"
            )
    lines.append("")
    return "\n".join(lines)


def rules_by_guide_page(rules: Iterable[Rule]) -> dict[str, list[Rule]]:
    """Rules grouped by the guide page (source path, no suffix) they point at."""
    out: dict[str, list[Rule]] = {}
    for rule in rules:
        out.setdefault(parse_guide(rule.guide).src_uri, []).append(rule)
    return out


def render_checked_by(rules: Iterable[Rule], page_src: str, lang: str) -> str:
    """The "Rules that check this page" section appended to a guide page."""
    s = STRINGS[lang]
    lines = ["", "", f"## {s['checked_by']}", "", s["checked_by_intro"], ""]
    for rule in rules:
        link = parse_guide(rule_src_uri(rule.id)).link_from(page_src)
        anchor = parse_guide(rule.guide).anchor
        section = f" ([{s['section']}](#{anchor}))" if anchor else ""
        lines.append(f"- [{rule.id}]({link}){s['colon']}{_cell(rule_message(rule, lang))}{section}")
    lines.append("")
    return "\n".join(lines)
