"""The rule registry: every rule once, documented, with examples that do what they say."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from convert.config import Config
from convert.fix import fix_bytes
from convert.lint import lint
from convert.parse import parse_text
from convert import rules as rule_package
from convert.rules import load_rules
from convert.rules.base import CATEGORIES, RESERVED, register

RULES = load_rules()
CHECKED = sorted(code for code in RULES if code not in RESERVED)


def found(text: str, code: str) -> list:
    doc = parse_text(text, "example.txt")
    return [p for p in lint(doc, text, Config(select=(code,)), "example.txt") if p.code == code]


def test_codes_are_well_formed_and_unique():
    assert RULES, "no rule registered"
    for code, rule in RULES.items():
        assert re.fullmatch(r"(ST|SP|FN|TM|TY|TR)\d{3}", code), code
        assert rule.code == code
        assert rule.category == CATEGORIES[code[:2]]
    names = [rule.name for rule in RULES.values()]
    assert len(names) == len(set(names)), "two rules share a name"


def test_every_module_of_the_rules_folder_is_loaded():
    folder = Path(rule_package.__file__).parent
    modules = {p.stem for p in folder.glob("*.py") if p.stem not in ("base", "context") and not p.stem.startswith("_")}
    assert set(rule_package.MODULES) == modules and len(rule_package.MODULES) == len(modules)
    assert list(rule_package.MODULES) == sorted(modules)  # rules load in the same order everywhere


def test_a_second_registration_of_a_code_is_refused():
    rule = type(next(iter(RULES.values())))
    with pytest.raises(RuntimeError, match="registered twice"):
        register(rule)


def test_every_category_has_rules():
    assert {RULES[c].category for c in CHECKED} == set(CATEGORIES.values())


def test_reserved_codes_are_documented():
    for code in RESERVED:
        assert code in RULES and RULES[code].doc


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_is_documented(code):
    rule = RULES[code]
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", rule.name), rule.name
    assert rule.severity in ("error", "warning", "info")
    assert rule.summary and "\n" not in rule.summary
    assert len(rule.doc) > len(rule.summary)
    assert rule.bad and rule.good and rule.bad != rule.good


@pytest.mark.parametrize("code", CHECKED)
def test_bad_example_triggers_and_good_does_not(code):
    rule = RULES[code]
    assert found(rule.bad, code), f"{code}: the bad example raises nothing"
    assert not found(rule.good, code), f"{code}: the good example raises {found(rule.good, code)[0].message}"


@pytest.mark.parametrize("code", [c for c in CHECKED if RULES[c].fixed is not None])
def test_fixed_example_is_what_fix_writes_and_is_clean(code):
    rule = RULES[code]
    result = fix_bytes(rule.bad.encode("utf-8"), "example.txt", Config(select=(code,)))
    assert result.fixed.decode("utf-8") == rule.fixed
    assert not found(rule.fixed, code)


@pytest.mark.parametrize("code", [c for c in CHECKED if RULES[c].fixed is not None])
def test_fixable_rules_offer_a_safe_fix(code):
    problems = found(RULES[code].bad, code)
    assert any(p.fix is not None and p.fix.safe for p in problems)
