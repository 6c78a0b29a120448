"""The installed package carries its schemas and data, and the console script is declared."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_ships_schemas_and_word_lists(tmp_path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True, capture_output=True, timeout=240,
    )
    wheel = next(tmp_path.glob("readout-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for schema in sorted((ROOT / "schema").iterdir()):
        if schema.suffix in (".json", ".xsd", ".sch"):
            assert f"convert/schemas/{schema.name}" in names
    for data in sorted((ROOT / "convert" / "data").glob("*.txt")):
        assert f"convert/data/{data.name}" in names
    assert not any(name.startswith("tests/") for name in names)


def test_console_script_and_runtime_dependencies_are_declared() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["scripts"]["readout"] == "convert.cli:run"
    names = {dep.split("[")[0].split(">")[0].split("=")[0].strip() for dep in project["dependencies"]}
    readme = (ROOT / "README.md").read_text()
    for name in names:
        assert f"`{name}`" in readme, f"runtime dependency {name} is not explained in README.md"
