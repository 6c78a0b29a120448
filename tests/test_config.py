"""Configuration: where it is found, what it accepts, and that it is strict."""

from __future__ import annotations

import os
import tomllib

import pytest

from convert.config import Config, find_config, from_table, load_config, read_config, show
from convert.errors import ConfigError


def write(path, text: str):
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_a_file(tmp_path):
    config = load_config(start=str(tmp_path))
    assert config == Config()
    assert config.select == ("ALL",) and config.fail_level == "warning"
    assert config.translation_marker == "[Provisional translation]"


def test_readout_toml_found_walking_up_from_the_checked_path(tmp_path):
    write(tmp_path / "readout.toml", 'ignore = ["TY009"]\n')
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    file = write(deep / "x.txt", "text")
    assert find_config(str(file)) == str(tmp_path / "readout.toml")
    assert load_config(start=str(file)).ignore == ("TY009",)


def test_pyproject_only_with_a_tool_readout_table(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.readout]\nselect = ["ST", "FN"]\n')
    inner = tmp_path / "inner"
    inner.mkdir()
    write(inner / "pyproject.toml", '[project]\nname = "other"\n')  # not ours: the walk goes on up
    assert find_config(str(inner)) == str(tmp_path / "pyproject.toml")
    assert load_config(start=str(inner)).select == ("ST", "FN")


def test_readout_toml_wins_over_pyproject_in_one_folder(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.readout]\nselect = ["FN"]\n')
    write(tmp_path / "readout.toml", 'select = ["ST"]\n')
    assert load_config(start=str(tmp_path)).select == ("ST",)


def test_explicit_file_overrides_discovery(tmp_path):
    write(tmp_path / "readout.toml", 'select = ["ST"]\n')
    other = write(tmp_path / "other.toml", 'select = ["TY"]\n')
    assert load_config(str(other), start=str(tmp_path)).select == ("TY",)
    with pytest.raises(ConfigError, match="no such configuration file"):
        load_config(str(tmp_path / "missing.toml"))


def test_every_key(tmp_path):
    path = write(tmp_path / "readout.toml", """
select = ["ALL"]
ignore = ["ty009", "SP"]
fail-level = "error"
accepted-words = ["Stoltenberg", "Kishida"]
time-style = "12:25 p.m. (local time; June 14, 7:25 p.m. Japan time)"
translation-marker = "[Provisional Translation]"
[per-file-ignores]
"archive/**/*.txt" = ["ST003"]
[severity]
ST003 = "warning"
[preferred-terms]
"Indo-pacific" = "Indo-Pacific"
""")
    config = read_config(path)
    assert config.ignore == ("TY009", "SP")  # codes are upper-cased
    assert config.fail_level == "error"
    assert config.accepted_words == ("Stoltenberg", "Kishida")
    assert config.time_style.startswith("12:25 p.m.")
    assert config.translation_marker == "[Provisional Translation]"
    assert config.severity == {"ST003": "warning"}
    assert config.preferred_terms == {"Indo-pacific": "Indo-Pacific"}
    assert config.per_file_ignores == (("archive/**/*.txt", ("ST003",)),)


@pytest.mark.parametrize("table, message", [
    ({"selct": ["ST"]}, "unknown key 'selct'.*did you mean 'select'"),
    ({"fail_level": "error"}, "unknown key 'fail_level'.*did you mean 'fail-level'"),
    ({"colour": True}, "unknown key 'colour'"),
    ({"select": "ST"}, "select: must be a list of strings"),
    ({"select": ["ST999"]}, "unknown rule code or prefix 'ST999'"),
    ({"ignore": ["TY0099"]}, "unknown rule code or prefix"),
    ({"select": ["XX"]}, "unknown rule code or prefix 'XX'"),
    ({"severity": {"ST003": "fatal"}}, "must be one of error, warning, info"),
    ({"severity": {"ST": "info"}}, "unknown rule code 'ST'"),
    ({"fail-level": "warn"}, "did you mean 'warning'"),
    ({"accepted-words": "Kishida"}, "must be a list of strings"),
    ({"preferred-terms": {"a": 1}}, "every value must be a string"),
    ({"translation-marker": ""}, "must be a non-empty string"),
    ({"per-file-ignores": {"*.txt": "ST003"}}, "must be a list of strings"),
])
def test_strictness(table, message):
    with pytest.raises(ConfigError, match=message):
        from_table(table, "readout.toml")


def test_the_file_is_named_in_errors(tmp_path):
    path = write(tmp_path / "pyproject.toml", "[tool.readout]\nignor = ['TY']\n")
    with pytest.raises(ConfigError, match=r"pyproject.toml: \[tool.readout\]: unknown key 'ignor'"):
        read_config(path)
    bad = write(tmp_path / "readout.toml", "select = [\n")
    with pytest.raises(ConfigError, match="invalid TOML"):
        read_config(bad)


def test_per_file_ignores_match_relative_to_the_configuration(tmp_path, monkeypatch):
    path = write(tmp_path / "readout.toml", '[per-file-ignores]\n"archive/**" = ["ST003"]\n"*-draft.txt" = ["TY"]\n')
    config = read_config(path)
    monkeypatch.chdir(tmp_path)
    assert config.ignores_for("archive/2012/a.txt") == ("ST003",)
    assert config.ignores_for(os.path.join(str(tmp_path), "archive", "a.txt")) == ("ST003",)
    assert config.ignores_for("notes/x-draft.txt") == ("TY",)
    assert config.ignores_for("current/a.txt") == ()


def test_command_line_selection_overrides(tmp_path):
    config = Config(select=("ST",), ignore=("ST003",))
    assert config.overridden(select=("FN",), ignore=("FN004",)).select == ("FN",)
    assert config.overridden(ignore=("FN004",)).ignore == ("ST003", "FN004")
    assert config.overridden().select == ("ST",)


def test_show_prints_toml_that_reads_back(tmp_path):
    path = write(tmp_path / "readout.toml", 'ignore = ["TY009"]\naccepted-words = ["Kishida"]\n'
                 '[severity]\nST003 = "warning"\n[preferred-terms]\n"Indo-pacific" = "Indo-Pacific"\n')
    config = read_config(path)
    shown = show(config)
    assert shown.startswith(f"# configuration: {path}")
    again = from_table(tomllib.loads(shown), "shown")
    assert again.ignore == config.ignore and again.severity == config.severity
    assert again.preferred_terms == config.preferred_terms and again.accepted_words == config.accepted_words


def test_show_of_defaults_says_so():
    assert "built-in defaults" in show(Config())


def test_settings_reach_rules_through_the_context():
    from convert.parse import parse_text
    from convert.rules.context import Context

    text = "Title\nJune 14, 2024\n"
    ctx = Context(parse_text(text), text, Config(translation_marker="(Provisional translation)"))
    assert ctx.setting("translation_marker") == "(Provisional translation)"
    assert Context(parse_text(text), text, None).setting("translation_marker", "x") == "x"
