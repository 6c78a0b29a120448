"""``--format junit``: JUnit XML for CI test reports (GitLab, Jenkins, Azure and the like).

One ``<testsuite name="readout">`` inside ``<testsuites>``; one
``<testcase>`` per file checked, named by its path, a file without problems
included as a passing test; one ``<failure>`` per problem (``type`` is the
rule code, ``message`` the ``CODE message`` line, the text
``path:line:col: CODE message (severity)``), except that a file that could
not be read (ST000) is an ``<error>``: the test could not run. Counts follow
the testcases: ``tests`` files, ``failures`` files with a failure,
``errors`` files with an error. No timestamps or host names, so the same
input gives the same bytes.

The XML is built with lxml, never by pasting strings: messages quote the
readout's text. Characters XML 1.0 cannot hold (most control characters)
are written as ``\\xNN`` escapes.

Options from ``readout check``: ``paths`` (every file checked, so that clean
files are listed).
"""

from __future__ import annotations

import re

NAME = "junit"
DESCRIPTION = "JUnit XML: one testcase per file, a failure per problem"

SUITE = "readout"
UNREADABLE = "ST000"

# What XML 1.0 does not allow (its Char production), including unpaired surrogates.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}",
                        text)


def format(problems, rules=None, *, paths=None, **options) -> str:  # noqa: A001 - the interface's name
    from lxml import etree

    from . import tool

    by_path: dict[str, list] = {path: [] for path in tool.checked_paths(problems, paths)}
    for problem in problems:
        by_path.setdefault(problem.path, []).append(problem)
    failures = sum(1 for found in by_path.values() if any(p.code != UNREADABLE for p in found))
    errors = sum(1 for found in by_path.values() if any(p.code == UNREADABLE for p in found))
    counts = {"tests": str(len(by_path)), "failures": str(failures), "errors": str(errors), "skipped": "0"}
    root = etree.Element("testsuites", name=SUITE, **counts)
    suite = etree.SubElement(root, "testsuite", name=SUITE, **counts)
    for path, found in by_path.items():
        case = etree.SubElement(suite, "testcase", name=xml_text(path), classname=SUITE, file=xml_text(path))
        for problem in found:
            kind = "error" if problem.code == UNREADABLE else "failure"
            element = etree.SubElement(case, kind, type=problem.code,
                                       message=xml_text(f"{problem.code} {problem.message}"))
            element.text = xml_text(f"{problem.path}:{problem.line}:{problem.column}: {problem.code} "
                                    f"{problem.message} ({problem.severity})")
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True, pretty_print=True).decode("utf-8")
