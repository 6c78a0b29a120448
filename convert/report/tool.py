"""What the machine-readable formats say about readout itself and about where problems are.

SARIF, rdjson and JUnit each describe the tool, list the rules that ran and
turn a fix's offsets into positions; that is done once, here.
"""

from __future__ import annotations

NAME = "readout"

# Which Project-URL of the package metadata names the tool's home, best first.
_URL_LABELS = ("homepage", "documentation", "source", "repository")


def version() -> str:
    from .. import __version__

    return __version__


def information_uri() -> str | None:
    """The tool's home page from the package metadata (``[project.urls]``), or None.

    Read rather than written here: a URL typed into a formatter goes stale or,
    worse, points at another project's page. With none declared, the formats
    leave the field out (it is optional in SARIF and rdjson).
    """
    from importlib import metadata

    try:
        meta = metadata.metadata(NAME)
    except metadata.PackageNotFoundError:
        return None
    urls = {}
    for entry in meta.get_all("Project-URL") or ():
        label, _, url = entry.partition(",")
        urls[label.strip().lower()] = url.strip()
    for label in _URL_LABELS:
        if urls.get(label):
            return urls[label]
    home = meta.get("Home-page")
    return home if home and home != "UNKNOWN" else None


def codes_that_ran(rules, problems, rule_codes=None) -> list[str]:
    """The codes to describe: those ``readout check`` says ran (every registered rule when it
    says nothing), plus any code a problem has, so that every result's rule is listed."""
    codes = set(rules if rule_codes is None else rule_codes)
    codes.update(p.code for p in problems)
    return sorted(codes)


def checked_paths(problems, paths=None) -> list[str]:
    """Every file checked, in order: ``paths`` as given by ``readout check``, else those with problems."""
    if paths is None:
        return sorted({p.path for p in problems})
    return list(dict.fromkeys(paths))


class Positions:
    """1-based (line, column) of offsets into each file's decoded text, for fixes.

    Problems carry their own positions; a fix's edits carry only offsets, and
    turning those into lines needs the text, which ``readout check`` passes in
    (``texts``: path -> decoded text). Indexes are built once per file.
    """

    def __init__(self, texts) -> None:
        self.texts = texts or {}
        self._index: dict[str, object] = {}

    def has(self, path: str) -> bool:
        return path in self.texts

    def position(self, path: str, offset: int) -> tuple[int, int]:
        index = self._index.get(path)
        if index is None:
            from ..lint import LineIndex

            index = self._index[path] = LineIndex(self.texts[path])
        return index.position(offset)

    def utf8_column(self, path: str, line: int, column: int) -> int:
        """The 1-based UTF-8 byte column of a character column (what reviewdog counts)."""
        text = self.texts.get(path)
        if text is None:
            return column
        self.position(path, 0)  # builds the index
        start = self._index[path].starts[line - 1]
        return len(text[start:start + column - 1].encode("utf-8", "surrogatepass")) + 1
