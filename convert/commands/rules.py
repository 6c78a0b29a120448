"""`readout rules [CODE]`: list the rules, or document one with a bad and a good example."""

from __future__ import annotations

import sys

EPILOG = """\
severities: error and warning make `readout check` exit 1 (the default failing
level is warning, set with fail-level or --fail-level); info is reported but
passes. Rules marked [*] have a safe fix that `readout check --fix` applies.
"""


def add_parser(sub) -> None:
    import argparse

    parser = sub.add_parser(
        "rules",
        help="list the checks, or document one (readout rules TY004)",
        description="List every rule (code, category, severity, summary), or print one rule's documentation.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("code", nargs="?", metavar="CODE", help="a rule code such as FN003")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    parser.set_defaults(run=run)


def run(args) -> int:
    from ..rules import load_rules

    rules = load_rules()
    if args.code is None:
        out = _list_json(rules) if args.format == "json" else _list_text(rules)
    else:
        rule = _find(rules, args.code)
        out = _doc_json(rule) if args.format == "json" else doc_text(rule)
    sys.stdout.write(out)
    return 0


def _find(rules, code: str):
    from ..errors import ReadoutError

    key = code.strip().upper()
    if key in rules:
        return rules[key]
    by_name = {r.name: r for r in rules.values()}
    if code.strip().lower() in by_name:
        return by_name[code.strip().lower()]
    import difflib

    close = difflib.get_close_matches(key, list(rules), n=1, cutoff=0.5) or \
        difflib.get_close_matches(code.lower(), list(by_name), n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]}?" if close else "; `readout rules` lists them"
    raise ReadoutError(f"unknown rule {code!r}{hint}")


def _list_text(rules) -> str:
    rows = []
    for code in sorted(rules):
        rule = rules[code]
        fix = "[*]" if rule.fixable else "   "
        rows.append(f"{code}  {rule.category:<11}  {rule.severity:<7}  {fix} {rule.name}: {rule.summary}")
    return "\n".join(rows) + "\n" + "\n" + EPILOG


def _indent(text: str) -> str:
    return "\n".join(("    " + line) if line else "" for line in text.rstrip("\n").split("\n"))


def doc_text(rule) -> str:
    lines = [f"{rule.code} {rule.name} ({rule.category}, {rule.severity})", "", rule.doc, "",
             "Bad:", _indent(rule.bad), "", "Good:", _indent(rule.good)]
    if rule.fixed is not None:
        lines += ["", "After `readout check --fix`:", _indent(rule.fixed)]
    lines += ["", f"Fix: {'safe (applied by --fix)' if rule.fixable else 'none applied automatically'}"]
    return "\n".join(lines) + "\n"


def _as_dict(rule) -> dict:
    return {"code": rule.code, "name": rule.name, "category": rule.category, "severity": rule.severity,
            "summary": rule.summary, "fixable": rule.fixable}


def _list_json(rules) -> str:
    import json

    return json.dumps([_as_dict(rules[c]) for c in sorted(rules)], indent=2, ensure_ascii=False) + "\n"


def _doc_json(rule) -> str:
    import json

    data = _as_dict(rule) | {"doc": rule.doc, "bad": rule.bad, "good": rule.good, "fixed": rule.fixed}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
