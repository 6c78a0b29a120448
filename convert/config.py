"""Configuration: ``[tool.readout]`` in ``pyproject.toml``, or a ``readout.toml``.

Found by walking up from the checked path (or the current folder): the first
folder holding a ``readout.toml``, or a ``pyproject.toml`` with a
``[tool.readout]`` table, wins (``readout.toml`` first when a folder has
both). ``--config FILE`` names the file instead.

Strict, because a typo that silently disables nothing is worse than an
error: an unknown key, a value of the wrong type, an unknown rule code or
severity is a :class:`ConfigError` naming the file and, where one is close,
the key or code that was probably meant.

Keys are kebab-case in TOML and attributes here, snake_case (rules read them
with ``ctx.setting("accepted_words")``)::

    [tool.readout]
    select = ["ALL"]                      # codes or prefixes; default: every rule
    ignore = ["TY009"]
    per-file-ignores = {"archive/**" = ["ST003"]}
    severity = {TY008 = "info"}
    fail-level = "warning"                # exit 1 at or above this level
    accepted-words = ["Stoltenberg"]
    preferred-terms = {"Indo-pacific" = "Indo-Pacific"}
    time-style = "..."                    # the house time phrase, for the TM rules
    translation-marker = "[Provisional translation]"
"""

from __future__ import annotations

import fnmatch
import os

from .errors import ConfigError
from .problem import SEVERITIES
from .record import Record

HOUSE_MARKER = "[Provisional translation]"
FAIL_LEVELS = SEVERITIES
CONFIG_NAMES = ("readout.toml", "pyproject.toml")

# TOML key -> (attribute, kind). Kinds are checked by _convert.
KEYS: dict[str, tuple[str, str]] = {
    "select": ("select", "codes"),
    "ignore": ("ignore", "codes"),
    "per-file-ignores": ("per_file_ignores", "glob-codes"),
    "severity": ("severity", "code-levels"),
    "fail-level": ("fail_level", "level"),
    "accepted-words": ("accepted_words", "strings"),
    "preferred-terms": ("preferred_terms", "string-table"),
    "time-style": ("time_style", "string"),
    "translation-marker": ("translation_marker", "string"),
}


class Config(Record):
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # The empty defaults are shared: a Config and its dicts are never changed in place.
    severity: dict[str, str] = {}
    fail_level: str = "warning"
    accepted_words: tuple[str, ...] = ()
    preferred_terms: dict[str, str] = {}
    time_style: str | None = None
    translation_marker: str = HOUSE_MARKER
    source: str | None = None  # the file read, None for the defaults

    @property
    def root(self) -> str | None:
        """The configuration file's folder: per-file-ignores globs are relative to it."""
        return os.path.dirname(os.path.abspath(self.source)) if self.source else None

    def overridden(self, select: tuple[str, ...] | None = None, ignore: tuple[str, ...] = ()) -> Config:
        """This configuration with command-line ``--select`` (replaces) and ``--ignore`` (adds)."""
        return self._replace(select=tuple(select) if select else self.select, ignore=self.ignore + tuple(ignore))

    def ignores_for(self, path: str | None) -> tuple[str, ...]:
        """Codes that per-file-ignores turns off for ``path``."""
        if not self.per_file_ignores or not path:
            return ()
        names = _candidate_names(path, self.root)
        codes: list[str] = []
        for pattern, ignored in self.per_file_ignores:
            if any(_glob_match(name, pattern) for name in names):
                codes.extend(ignored)
        return tuple(codes)


def _candidate_names(path: str, root: str | None) -> tuple[str, ...]:
    """The path as given, relative to the configuration's folder, and its file name."""
    from pathlib import Path, PurePosixPath  # only with per-file-ignores, which few runs have

    given = PurePosixPath(path.replace(os.sep, "/"))
    names = {given.as_posix(), given.name}
    if root:
        try:
            names.add(Path(os.path.abspath(path)).relative_to(root).as_posix())
        except ValueError:
            pass
    return tuple(sorted(names))


def _glob_match(name: str, pattern: str) -> bool:
    # fnmatch's "*" already crosses "/", so "**/" also has to match nothing at all.
    return fnmatch.fnmatchcase(name, pattern) or (
        "**/" in pattern and fnmatch.fnmatchcase(name, pattern.replace("**/", ""))
    )


# --- finding and reading ------------------------------------------------------------------------

def find_config(start: str | os.PathLike | None = None) -> str | None:
    """The configuration file that governs ``start`` (a file or folder), or None."""
    folder = os.path.abspath(start or os.getcwd())
    if not os.path.isdir(folder):
        folder = os.path.dirname(folder)
    while True:
        candidate = os.path.join(folder, "readout.toml")
        if os.path.isfile(candidate):
            return candidate
        candidate = os.path.join(folder, "pyproject.toml")
        if os.path.isfile(candidate) and _has_tool_table(candidate):
            return candidate
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def _has_tool_table(path: str) -> bool:
    # A cheap look before parsing: most pyproject.toml files on the way up are not ours.
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            text = handle.read()
    except OSError:
        return False
    return "tool.readout" in text or "[tool]" in text and "readout" in text


def load_config(explicit: str | None = None, start: str | None = None) -> Config:
    """The configuration for a run: ``explicit`` (``--config``), else the one found from ``start``."""
    if explicit is not None:
        path = explicit
        if not os.path.isfile(path):
            raise ConfigError(f"{explicit}: no such configuration file")
    else:
        path = find_config(start)
        if path is None:
            return Config()
    return read_config(path)


def read_config(path: str | os.PathLike) -> Config:
    import tomllib  # here: a run with no configuration file never pays for it

    path = os.fspath(path)
    try:
        with open(path, encoding="utf-8") as handle:
            data = tomllib.loads(handle.read())
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if os.path.basename(path) == "pyproject.toml":
        table = data.get("tool", {}).get("readout")
        where = f"{path}: [tool.readout]"
        if table is None:
            return Config(source=str(path))
    else:
        table, where = data, str(path)
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: must be a table")
    return from_table(table, where, source=str(path))


def from_table(table: dict, where: str = "configuration", *, source: str | None = None) -> Config:
    """A Config from a TOML table, checked key by key."""
    values: dict = {}
    for key, value in table.items():
        if key not in KEYS:
            raise ConfigError(f"{where}: unknown key {key!r}{_did_you_mean(key, KEYS)}")
        attribute, kind = KEYS[key]
        values[attribute] = _convert(value, kind, f"{where}: {key}")
    return Config(**values, source=source)


def _did_you_mean(word: str, choices) -> str:
    import difflib  # only to suggest what a bad key or code meant

    close = difflib.get_close_matches(word.replace("_", "-"), list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


# --- values -------------------------------------------------------------------------------------

def _strings(value, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: must be a list of strings")
    return tuple(value)


def _convert(value, kind: str, where: str):
    if kind == "codes":
        return tuple(check_codes(_strings(value, where), where))
    if kind == "strings":
        return _strings(value, where)
    if kind == "string":
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(f"{where}: must be a non-empty string")
        return value
    if kind == "level":
        return _level(value, where)
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: must be a table")
    if kind == "glob-codes":
        return tuple((glob, tuple(check_codes(_strings(codes, f"{where}.{glob}"), f"{where}.{glob}")))
                     for glob, codes in sorted(value.items()))
    if kind == "code-levels":
        return {check_codes([code], where, prefixes=False)[0]: _level(level, f"{where}.{code}")
                for code, level in sorted(value.items())}
    # string-table
    if not all(isinstance(v, str) for v in value.values()):
        raise ConfigError(f"{where}: every value must be a string")
    return dict(sorted(value.items()))


def _level(value, where: str) -> str:
    if value not in SEVERITIES:
        raise ConfigError(f"{where}: must be one of {', '.join(SEVERITIES)}, not {value!r}{_did_you_mean(str(value), SEVERITIES)}")
    return value


def check_codes(codes, where: str, *, prefixes: bool = True) -> list[str]:
    """``codes`` unchanged when each is a rule code (or, with ``prefixes``, ALL or a prefix of one).

    Codes are upper-cased, as users type ``ty009`` too.
    """
    from .rules import load_rules

    known = sorted(load_rules())
    result = []
    for code in codes:
        code = code.strip().upper()
        if code in known or (prefixes and (code == "ALL" or (len(code) >= 2 and any(k.startswith(code) for k in known)))):
            result.append(code)
            continue
        what = "rule code or prefix" if prefixes else "rule code"
        raise ConfigError(f"{where}: unknown {what} {code!r}{_did_you_mean(code, known)}")
    return result


# --- showing ------------------------------------------------------------------------------------

def show(config: Config) -> str:
    """The effective configuration as TOML in ``readout.toml`` form (it reads back the same).

    In a ``pyproject.toml`` the same keys go under ``[tool.readout]``.
    """
    origin = config.source or "built-in defaults (no readout.toml or [tool.readout] found)"
    lines = [f"# configuration: {origin}",
             f"select = {_toml_list(config.select)}",
             f"ignore = {_toml_list(config.ignore)}",
             f"fail-level = {_toml_str(config.fail_level)}",
             f"accepted-words = {_toml_list(config.accepted_words)}"]
    if config.time_style:
        lines.append(f"time-style = {_toml_str(config.time_style)}")
    else:
        lines.append("# time-style: not set, the time rules use the house phrase")
    lines.append(f"translation-marker = {_toml_str(config.translation_marker)}")
    lines += ["", "[per-file-ignores]"]
    lines += [f"{_toml_str(glob)} = {_toml_list(codes)}" for glob, codes in config.per_file_ignores]
    for name, table in (("severity", config.severity), ("preferred-terms", config.preferred_terms)):
        lines += ["", f"[{name}]"]
        lines += [f"{_toml_str(k)} = {_toml_str(v)}" for k, v in sorted(table.items())]
    return "\n".join(lines) + "\n"


def _toml_str(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    escaped = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in escaped)
    return f'"{escaped}"'


def _toml_list(values) -> str:
    return "[" + ", ".join(_toml_str(v) for v in values) + "]"
