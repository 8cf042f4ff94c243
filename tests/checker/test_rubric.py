"""Trainer rubrics: extend or replace the default; every mistake is named, never half-applied."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker import Rubric, RubricError, default_rubric, grade, load_rubric

GOOD = (
    "Bonjour Madame Martin, Anna Lopez m’a conseillé de vous écrire. Je suis ingénieure logistique "
    "et je prépare une reconversion vers les achats : j’aimerais comprendre comment votre équipe "
    "choisit ses fournisseurs. Auriez-vous 20 minutes, à votre convenance ? Si ce n’est pas le "
    "moment, je comprendrai. Bien cordialement, Sam Carter"
)


def rules_of(report) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.rule for f in report.findings]


def test_default_rubric_is_cached_and_named() -> None:
    assert default_rubric() is default_rubric()
    assert default_rubric().name == "default"


def test_extend_disable_reweight_and_add_phrases() -> None:
    rubric = load_rubric(
        """
        extends = "default"
        name = "atelier-lyon"
        disable = ["no-shorthand"]
        [criteria.courtesy]
        weight = 20
        [add_patterns.no-urgency]
        fr = ["dans la journée", "C’est pressé (vraiment) !"]
        """,
        source="atelier.toml",
    )
    assert rubric.name == "atelier-lyon"
    assert "no-shorthand" not in [r.id for r in rubric.rules]
    assert rubric.criteria["courtesy"].weight == 20
    seed = "Bonjour, pourriez vous transférer. Cdt"
    assert "no-shorthand" in rules_of(grade(seed, kind="ask"))
    assert "no-shorthand" not in rules_of(grade(seed, kind="ask", rubric=rubric))
    # Added phrases are literal (the parentheses are not a regex group), and folded like drafts.
    r = grade(GOOD + " Répondez DANS LA JOURNÉE, c'est pressé (vraiment) !", rubric=rubric)
    f = next(f for f in r.findings if f.rule == "no-urgency")
    assert [s.text for s in f.spans] == ["DANS LA JOURNÉE", "c'est pressé (vraiment) !"]
    assert r.rubric == "atelier-lyon"
    assert "no-urgency" not in rules_of(grade(GOOD, rubric=rubric))
    # The default is untouched.
    assert "no-urgency" not in rules_of(grade(GOOD + " dans la journée"))


def test_extend_adds_a_rule_with_literal_phrases() -> None:
    rubric = load_rubric(
        """
        extends = "default"
        [[rules]]
        id = "no-linkedin-jargon"
        kind = "absent"
        criterion = "personal"
        severity = "warning"
        message = { en = "Jargon.", fr = "Jargon." }
        suggestion = { en = "Say it plainly.", fr = "Dites-le simplement." }
        phrases = { fr = ["synergie", "win-win"], en = ["synergy", "win-win"] }
        """,
        source="t.toml",
    )
    rule = rubric.rule("no-linkedin-jargon")
    assert rule.guide == rubric.criteria["personal"].guide
    r = grade(GOOD + " Une vraie synergie, du Win-Win.", rubric=rubric)
    f = next(f for f in r.findings if f.rule == "no-linkedin-jargon")
    assert [s.text for s in f.spans] == ["synergie", "Win-Win"]
    assert grade(GOOD, rubric=rubric).score == grade(GOOD).score


def test_replace_stands_alone() -> None:
    rubric = load_rubric(
        """
        replaces = true
        name = "minimal"
        [criteria.objective]
        weight = 1
        decisive = true
        label = { en = "Objective", fr = "Objectif" }
        guide = "guide/motivated-request/#objective"
        [[rules]]
        id = "says-why"
        kind = "present"
        criterion = "objective"
        severity = "error"
        cap = 39
        message = { en = "Say why.", fr = "Dites pourquoi." }
        suggestion = { en = "Add \\"because…\\".", fr = "Ajoutez « parce que… »." }
        phrases = { en = ["because"], fr = ["parce que"] }
        """,
        source="min.toml",
    )
    assert [r.id for r in rubric.rules] == ["says-why"]
    assert grade("I write because I am curious.", rubric=rubric).score == 100
    assert grade("I write.", rubric=rubric).score == 0


ERRORS = [
    ("schema = 1\nname = 'x'\n[criteria", "not valid TOML", None, None),
    (
        'extends = "default"\ndisable = ["no-shorthnd"]',
        "did you mean 'no-shorthand'",
        "no-shorthnd",
        "disable",
    ),
    (
        'extends = "default"\n[add_patterns.no-urgncy]\nfr = ["vite"]',
        "did you mean 'no-urgency'",
        "no-urgncy",
        "add_patterns",
    ),
    (
        'extends = "default"\n[add_patterns.no-urgency]\nde = ["schnell"]',
        "expected one of: fr, en",
        "no-urgency",
        None,
    ),
    (
        'extends = "default"\n[add_patterns.length-too-long]\nfr = ["x"]',
        "has no phrases",
        "length-too-long",
        "add_patterns",
    ),
    (
        'extends = "default"\n[criteria.courtesy]\nweigth = 3',
        "did you mean 'weight'",
        None,
        "criteria.courtesy.weigth",
    ),
    (
        'extends = "default"\n[criteria.courtesy]\nweight = "lots"',
        "integer",
        None,
        "criteria.courtesy.weight",
    ),
    (
        'extends = "default"\n[criteria.new-one]\nweight = 3',
        "needs a label",
        None,
        "criteria.new-one.label",
    ),
    ('extends = "elsewhere"', "cannot extend", None, "extends"),
    ('extends = "default"\nreplaces = true', "both extend and replace", None, "replaces"),
    ('extends = "default"\nname = "x"\nrulez = []', "did you mean 'rules'", None, "rulez"),
    (
        'replaces = true\n[criteria.a]\nweight=1\nlabel={en="a",fr="a"}\nguide="g"',
        "needs a name",
        None,
        "name",
    ),
    (
        'extends = "default"\n[[rules]]\nid = "r"\nkind = "presnt"\ncriterion = "objective"\n'
        'message = {en="m", fr="m"}\nsuggestion = {en="s", fr="s"}\nphrases = {en=["x"], fr=["x"]}',
        "did you mean 'present'",
        "r",
        "kind",
    ),
    (
        'extends = "default"\n[[rules]]\nid = "r"\nkind = "absent"\ncriterion = "objectiv"\n'
        'message = {en="m", fr="m"}\nsuggestion = {en="s", fr="s"}\nphrases = {en=["x"], fr=["x"]}',
        "did you mean 'objective'",
        "r",
        "criterion",
    ),
    (
        'extends = "default"\n[[rules]]\nid = "r"\nkind = "absent"\ncriterion = "objective"\n'
        'message = {en="m"}\nsuggestion = {en="s", fr="s"}\nphrases = {en=["x"], fr=["x"]}',
        "'fr' text is missing",
        "r",
        "message.fr",
    ),
    (
        'extends = "default"\n[[rules]]\nid = "r"\nkind = "absent"\ncriterion = "objective"\n'
        'message = {en="m", fr="m"}\nsuggestion = {en="s", fr="s"}\npatterns = {en=["(oops"], '
        'fr=["x"]}',
        "not a valid regular expression",
        "r",
        "patterns",
    ),
    (
        'extends = "default"\n[[rules]]\nid = "r"\nkind = "absent"\ncriterion = "objective"\n'
        'message = {en="m", fr="m"}\nsuggestion = {en="s", fr="s"}\nphrases = {en=["x"]}',
        "no pattern for language 'fr'",
        "r",
        "patterns.fr",
    ),
    (
        'extends = "default"\n[[rules]]\nid = "greeting"\nkind = "absent"\n'
        'criterion = "objective"\n'
        'message = {en="m", fr="m"}\nsuggestion = {en="s", fr="s"}\nphrases = {en=["x"], fr=["x"]}',
        "already used",
        "greeting",
        "id",
    ),
    ('extends = "default"\n[[rules]]\nid = "Bad Id"', "lower-case-with-dashes", None, "id"),
    (
        'extends = "default"\n[[rules]]\nid = "m"\nkind = "metric"\ncriterion = "length"\n'
        'measure = "words"\nlimits = { letter = [1, 2] }\n'
        'message = {en="m", fr="m"}\nsuggestion = {en="s", fr="s"}',
        "expected one of: request",
        "m",
        "letter",
    ),
    (
        'extends = "default"\n[[rules]]\nid = "r"\nkind = "absent"\ncriterion = "objective"\n'
        'applies_to = ["requests"]\nmessage = {en="m", fr="m"}\nsuggestion = {en="s", fr="s"}\n'
        'phrases = {en=["x"], fr=["x"]}',
        "did you mean 'request'",
        "r",
        "applies_to",
    ),
    (
        'extends = "default"\n[[rules]]\nid = "r"\nkind = "absent"\ncriterion = "objective"\n'
        'phrase_floor = 25\nmessage = {en="m", fr="m"}\nsuggestion = {en="s", fr="s"}\n'
        'phrases = {en=["x"], fr=["x"]}',
        "phrase_floor needs a 'present' rule with roles",
        "r",
        "phrase_floor",
    ),
    (
        'extends = "default"\n[[rules]]\nid = "r"\nkind = "present"\ncriterion = "objective"\n'
        'roles = ["purpose"]\nphrase_floor = 100\nmessage = {en="m", fr="m"}\n'
        'suggestion = {en="s", fr="s"}\nphrases = {en=["x"], fr=["x"]}',
        "phrase_floor",
        "r",
        "phrase_floor",
    ),
]


@pytest.mark.parametrize(("text", "needle", "rule", "key"), ERRORS)
def test_errors_name_file_rule_key_and_fix(
    text: str, needle: str, rule: str | None, key: str | None
) -> None:
    with pytest.raises(RubricError) as info:
        load_rubric(text, source="trainer.toml")
    err = info.value
    message = str(err)
    assert message.startswith("trainer.toml"), message
    assert needle in message, message
    if rule:
        assert err.rule == rule and repr(rule) in message
    if key:
        assert err.key == key and repr(key) in message


def test_rubric_error_is_a_value_error() -> None:
    assert issubclass(RubricError, ValueError)


def test_a_broken_rubric_leaves_nothing_half_applied() -> None:
    before = [r.id for r in default_rubric().rules]
    with pytest.raises(RubricError):
        load_rubric('extends = "default"\ndisable = ["greeting", "nope"]', source="t.toml")
    assert [r.id for r in default_rubric().rules] == before


DOCS = Path(__file__).resolve().parents[2] / "docs" / "reference"


@pytest.mark.parametrize("page", ["rubric.md", "rubric.fr.md"])
def test_documented_trainer_rubric_loads(page: str) -> None:
    """The example in the rubric reference is a working rubric, in both languages."""
    text = (DOCS / page).read_text(encoding="utf-8")
    block = text.split("```toml\n", 1)[1].split("```", 1)[0]
    rubric = load_rubric(block, source=page)
    assert rubric.name == "atelier-lyon" and rubric.criteria["courtesy"].weight == 15
    r = grade("Bonjour, merci de me répondre sans tarder. Une vraie synergie !", rubric=rubric)
    assert {"no-urgency", "no-jargon"} <= set(rules_of(r))


def test_documented_error_message() -> None:
    with pytest.raises(RubricError) as info:
        load_rubric('extends = "default"\ndisable = ["no-shorthnd"]', source="atelier.toml")
    assert str(info.value) == (
        "atelier.toml: rule 'no-shorthnd': key 'disable': cannot disable unknown rule "
        "'no-shorthnd' (did you mean 'no-shorthand'?)"
    )
    # Each page quotes the message as a reader of that language gets it.
    for page, lang in (("rubric.md", "en"), ("rubric.fr.md", "fr")):
        flat = " ".join((DOCS / page).read_text(encoding="utf-8").split())
        assert " ".join(info.value.render(lang).split()) in flat


@pytest.mark.parametrize(
    ("key", "rule", "missing"),
    [
        (
            "when",
            'kind = "absent"\ncriterion = "honesty"\nphrases = {en=["x"], fr=["x"]}\n'
            'when = {fr=["ami"]}',
            "en",
        ),
        (
            "veto",
            'kind = "present"\ncriterion = "consent"\nroles = ["consent"]\n'
            'applies_to = ["intro"]\nveto = {en=["copying"]}',
            "fr",
        ),
    ],
)
def test_a_condition_or_veto_must_exist_in_every_language(
    key: str, rule: str, missing: str
) -> None:
    with pytest.raises(RubricError, match=f"no '{key}' pattern for language '{missing}'"):
        load_rubric(
            'extends = "default"\n[[rules]]\nid = "r"\n'
            'message = {en="m", fr="m"}\nsuggestion = {en="s", fr="s"}\n' + rule,
            source="t.toml",
        )


def test_a_veto_phrase_takes_the_role_reading_of_its_sentence_away() -> None:
    """`veto` on a present rule: a sentence holding one of its phrases and none of the rule's own
    patterns is no evidence, whatever the model reads in it; another sentence still counts."""
    from checker.draft import prepare
    from checker.folding import fold
    from checker.roles import RoleModel, default_model
    from checker.rules import evaluate

    shipped = default_model()
    consent = shipped.roles.index("consent")
    # A stand-in model: every sentence with "introduce" asks for consent, nothing else does.
    model = RoleModel(
        shipped.roles,
        tuple(-20.0 for _ in shipped.roles),
        {"w:introduce": [consent, 40_000]},  # role, weight in thousandths
        shipped.thresholds,
        "test",
    )
    rule = (
        'extends = "default"\n[[rules]]\nid = "asks-first"\nkind = "present"\n'
        'criterion = "consent"\napplies_to = ["intro"]\nroles = ["consent"]\n'
        'message = {en="m", fr="m"}\nsuggestion = {en="s", fr="s"}\n'
        'patterns = {en=["as agreed"], fr=["comme convenu"]}\n'
    )
    plain = load_rubric(rule, source="plain.toml").rule("asks-first")
    vetoed = load_rubric(
        rule + 'veto = {en=["copying"], fr=["en copie"]}\n', source="veto.toml"
    ).rule("asks-first")

    def value(text: str, r: object) -> float | None:
        return evaluate(r, prepare(text, fold(text), "intro", "en", model)).value  # type: ignore[arg-type]

    blind = "Hi Amy, I introduce you to Lisa, copying her here. Best, Mo"
    assert value(blind, plain) == 1.0 and value(blind, vetoed) == 0.0
    asked = "Hi Amy, may I introduce you to Lisa? I am copying her here. Best, Mo"
    assert value(asked, vetoed) == 1.0  # the veto holds for its own sentence only
    agreed = "Hi Amy, as agreed, I introduce you to Lisa, copying her here. Best, Mo"
    assert value(agreed, vetoed) == 1.0


def test_patterns_compile_only_when_a_draft_in_their_language_needs_them() -> None:
    from importlib import resources

    text = resources.files("checker").joinpath("data", "rubric.toml").read_text(encoding="utf-8")
    rubric = load_rubric(text, source="copy.toml")
    patterns = {lang: [] for lang in ("fr", "en")}
    for rule in rubric.rules:
        for table in (rule.matchers, rule.partial_matchers, rule.when_matchers):
            for lang, pattern in table.items():
                if pattern is not None:
                    patterns[lang].append(pattern)
    assert all(p._compiled is None for ps in patterns.values() for p in ps)
    grade(
        "Bonjour Claire, pourriez-vous me présenter à Marc ? Merci, Paul", kind="ask", rubric=rubric
    )
    assert any(p._compiled is not None for p in patterns["fr"])
    assert all(p._compiled is None for p in patterns["en"])


@pytest.mark.parametrize("page", ["rubric.md", "rubric.fr.md"])
def test_documented_role_rule_loads_and_fires(page: str) -> None:
    """The reference's `kind = "role"` example is a working rule, in both languages."""
    doc = (Path(__file__).resolve().parents[2] / "docs" / "reference" / page).read_text("utf-8")
    block = next(b for b in doc.split("```toml")[1:] if 'kind = "role"' in b).split("```")[0]
    rubric = load_rubric('extends = "default"\n' + block, source=page)
    text = "Hi Marc, I need your answer by Friday at the latest, no excuses."
    report = grade(text, rubric=rubric)
    added = next(r for r in rubric.rules if r.kind == "role")
    assert added.id in {f.rule for f in report.findings}


ROLE_RULE = """
[[rules]]
id = "no-pressure-strict"
kind = "role"
roles = ["pressure"]
criterion = "respect"
severity = "warning"
message.en = "This sentence presses the reader."
message.fr = "Cette phrase met la pression au lecteur."
suggestion = { en = "Let them choose.", fr = "Laissez-lui le choix." }
"""
STOCK_CLOSING = (
    "Bonjour Madame Lenoir,\n\nJe prépare une reconversion vers les achats et j’aimerais "
    "comprendre la première année d’un acheteur, en 20 minutes au moment qui vous arrange.\n\n"
    "Dans l’attente de votre réponse, je vous prie d’agréer mes salutations distinguées."
)


def _fires(text: str, rubric: Rubric) -> bool:
    return "no-pressure-strict" in {f.rule for f in grade(text, lang="fr", rubric=rubric).findings}


def test_a_role_rule_does_not_count_a_sentence_holding_one_of_its_veto_patterns() -> None:
    """A trainer's `role` rule with `veto`: the stock formula the model may read as the role is
    not counted; any other sentence doing the role still is (checker/rules/role.py)."""
    plain = load_rubric('extends = "default"\n' + ROLE_RULE, source="plain.toml")
    vetoed = load_rubric(
        'extends = "default"\n'
        + ROLE_RULE
        + "veto.fr = ['\\bdans l’attente de votre réponse\\b']\n"
        + "veto.en = ['\\bi look forward to hearing from you\\b']\n",
        source="vetoed.toml",
    )
    assert _fires(STOCK_CLOSING, plain)  # the precondition: the model reads it as pressure
    assert not _fires(STOCK_CLOSING, vetoed)
    pressing = STOCK_CLOSING + "\n\nRépondez-moi avant vendredi, c’est urgent, j’y compte."
    assert _fires(pressing, vetoed)


def test_a_role_rules_veto_in_one_language_only_is_refused_naming_rule_and_key() -> None:
    with pytest.raises(RubricError) as err:
        load_rubric(
            'extends = "default"\n' + ROLE_RULE + "veto.fr = ['\\bdans l’attente\\b']\n",
            source="half.toml",
        )
    message = str(err.value)
    assert "half.toml" in message and "no-pressure-strict" in message and "veto.en" in message


def test_an_absent_rules_partial_patterns_cost_half_and_never_cap() -> None:
    """Body shorthand ("slt") caps the draft below ready; a clipped sign-off ("Cdt") alone costs
    half of `no-shorthand` and no cap: the founding post's good request ends "Cdt"."""
    signed_off = GOOD.replace("Bien cordialement, Sam Carter", "Cdt, Sam Carter")
    clipped = grade(signed_off, kind="request", lang="fr")
    texted = grade("slt " + signed_off, kind="request", lang="fr")
    assert "no-shorthand" in rules_of(clipped) and "no-shorthand" in rules_of(texted)
    assert clipped.band == "ready" and clipped.cap is None
    assert texted.band == "needs-work" and texted.cap is not None
    assert texted.cap.rule == "no-shorthand"
    assert grade(GOOD, kind="request", lang="fr").score > clipped.score > texted.score


def test_patterns_from_takes_the_named_rules_vetoes_too() -> None:
    """What a named rule refuses as evidence, a rule borrowing its evidence refuses too: a
    trainer's rule taking `intro-consent`'s patterns does not count "(cc'd)" as asking first,
    while the default's `intro-reason-or-consent` takes that veto the same way."""
    borrower = load_rubric(
        'extends = "default"\n[[rules]]\nid = "asks-first"\nkind = "present"\n'
        'criterion = "consent"\napplies_to = ["intro"]\nseverity = "warning"\n'
        'message = { en = "m", fr = "m" }\nsuggestion = { en = "s", fr = "s" }\n'
        'patterns_from = ["intro-consent"]\n',
        source="borrower.toml",
    )
    rule = next(r for r in borrower.rules if r.id == "asks-first")
    consent = next(r for r in borrower.rules if r.id == "intro-consent")
    assert rule.veto["en"] == consent.veto["en"] and rule.own_veto == {}
    asked = "Hi Nora, would you be open to a call with Karl about supplier audits?"
    copied = "Hi Nora, I'd like to introduce you to Karl (cc'd), who is starting supplier audits."
    fired = [
        "asks-first" in rules_of(grade(t, kind="intro", lang="en", rubric=borrower))
        for t in (asked, copied)
    ]
    assert fired == [False, True]
    default = {r.id: r for r in default_rubric().rules}
    assert set(default["intro-consent"].veto["fr"]) <= set(
        default["intro-reason-or-consent"].veto["fr"]
    )


CAREER_SUMMARY = (
    "Dear Ms Whitaker,\n\nI am a chartered accountant with twelve years' experience across audit, "
    "FP&A and finance transformation in healthcare groups. I would welcome the opportunity to "
    "connect.\n\nBest regards,\nGreg"
)


def test_a_sentence_overshadowed_by_who_counts_only_through_a_phrase() -> None:
    """`overshadowed_by`: the model hears a purpose in a career summary, but the sentence more
    surely says who the writer is, so only one of the rule's phrases would count there; without
    the option (a trainer's copy of the rule) the model's reading passes it."""
    shipped = grade(CAREER_SUMMARY, kind="request", lang="en")
    assert "objective-stated" in rules_of(shipped) and shipped.band == "not-ready"
    plain = load_rubric(
        'extends = "default"\ndisable = ["objective-stated"]\n[[rules]]\nid = "objective-plain"\n'
        'kind = "present"\nroles = ["purpose"]\nveto_roles = ["vague"]\ncriterion = "objective"\n'
        'applies_to = ["request"]\nseverity = "error"\ncap = 39\n'
        'message = { en = "m", fr = "m" }\nsuggestion = { en = "s", fr = "s" }\n',
        source="plain.toml",
    )
    assert "objective-plain" not in rules_of(
        grade(CAREER_SUMMARY, kind="request", lang="en", rubric=plain)
    )
    told = CAREER_SUMMARY.replace(
        "I would welcome the opportunity to connect.",
        "I'm moving into hospital procurement and would like to understand how your buyers work.",
    )
    assert "objective-stated" not in rules_of(grade(told, kind="request", lang="en"))


def test_overshadowed_by_needs_a_present_rule_with_roles() -> None:
    with pytest.raises(RubricError) as info:
        load_rubric(
            'extends = "default"\n[[rules]]\nid = "r"\nkind = "absent"\ncriterion = "objective"\n'
            'phrases = {en=["x"], fr=["x"]}\novershadowed_by = ["who"]\n'
            'message = { en = "m", fr = "m" }\nsuggestion = { en = "s", fr = "s" }\n',
            source="atelier.toml",
        )
    err = info.value
    assert (err.source, err.rule, err.key) == ("atelier.toml", "r", "overshadowed_by")
    assert err.fix is not None and err.fix.render("fr") != err.fix.render("en")


def test_a_place_that_folds_like_shorthand_does_not_cap() -> None:
    """Folding lowers "Vancouver, BC" to "bc": a partial pattern of `no-shorthand`, never a cap."""
    draft = (
        "Hi Dana,\n\nI'm a backend engineer at a freight startup in Vancouver, BC, choosing "
        "between a platform team and a product team. You've worked on both at Stripe. Could we "
        "talk for 20 minutes in the next couple of weeks, whenever suits you? If it's a bad time, "
        "no worries at all.\n\nThanks,\nMarcus"
    )
    report = grade(draft, kind="request", lang="en")
    assert report.band == "ready" and report.cap is None
