"""The pre-commit hooks and the README's CI snippets: they must work as written.

The snippets are taken from README.md itself, so the README cannot drift
from what readout does: the workflow's `readout` commands are run on copies
of the seeds, the pre-commit configuration is checked against the hooks, and
`pre-commit try-repo` runs the hooks on a temporary Git repository.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT, SEEDS
from report_helpers import check, sarif_errors

from convert.cli import build_parser

README = ROOT / "README.md"
HOOKS = ROOT / ".pre-commit-hooks.yaml"
PLACEHOLDER = "<readout-repository-url>"


def ci_section() -> str:
    text = README.read_text(encoding="utf-8")
    match = re.search(r"^## CI integration\n(.*?)(?=^## )", text, re.S | re.M)
    assert match, "README.md has no '## CI integration' section"
    return match.group(1)


def yaml_blocks() -> list[str]:
    return re.findall(r"^```yaml\n(.*?)^```", ci_section(), re.S | re.M)


def workflow() -> str:
    [block] = [b for b in yaml_blocks() if "jobs:" in b]
    return block


def precommit_config() -> str:
    [block] = [b for b in yaml_blocks() if "repos:" in b]
    return block


def run_commands(block: str) -> list[str]:
    """Every `run:` line of the workflow that calls readout (read as text: no YAML parser needed)."""
    return [m.strip() for m in re.findall(r"^\s*(?:-\s+)?run:\s*(readout .*)$", block, re.M)]


def test_the_quick_start_is_two_commands_and_ci_runs_the_second():
    text = README.read_text(encoding="utf-8")
    assert text.split("\n## ")[1].startswith("Quick start\n"), "the README opens with its Quick start"
    block = text.split("## Quick start", 1)[1].split("```")[1]
    lines = block.strip("\n").split("\n")
    assert len(lines) == 2 and not any(line.startswith(("$", ">", "#")) for line in lines)
    install, test = lines
    assert install.startswith("pip install ") and "readout convert seeds/" in install
    assert test.startswith("pip install '.[test") and test.endswith("python -m pytest")
    assert "sed -n 2p" in (README.parent / ".ci" / "run").read_text(encoding="utf-8"), "CI runs the second line"


def test_the_workflow_parses_and_uploads_the_sarif_it_writes():
    yaml = pytest.importorskip("yaml")
    document = yaml.safe_load(workflow())
    [job] = document["jobs"].values()
    steps = job["steps"]
    assert job["permissions"]["security-events"] == "write"
    [upload] = [s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")]
    runs = [s["run"] for s in steps if "run" in s]
    [sarif_run] = [r for r in runs if "--format sarif" in r]
    assert sarif_run.endswith(f"> {upload['with']['sarif_file']}")
    assert upload.get("if") == "always()"  # the upload must happen after the annotating step fails
    assert [r for r in runs if r.startswith("readout ")] == run_commands(workflow())


def test_the_workflow_commands_run(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "readouts").mkdir()
    for seed in SEEDS:
        shutil.copy(seed, tmp_path / "readouts" / seed.name)
    commands = run_commands(workflow())
    assert {c.split()[3] for c in commands if "--format" in c} == {"github", "sarif"}
    for command in commands:
        argv = shlex.split(command)
        target = None
        if ">" in argv:
            at = argv.index(">")
            argv, target = argv[:at], argv[at + 1]
        assert argv[:2] == ["readout", "check"]
        code, out, err = check(capsys, *argv[2:])
        assert code in (0, 1), (command, err)
        if target:
            (tmp_path / target).write_text(out, encoding="utf-8")
        if "--format github" in command:
            assert out and all(line.startswith(("::error ", "::warning ", "::notice ")) for line in out.splitlines())
            assert code == 0  # --fail-level error: the seeds' warnings annotate but do not fail
        if "--format sarif" in command:
            log = json.loads((tmp_path / target).read_text(encoding="utf-8"))
            assert sarif_errors(log) == [] and log["runs"][0]["results"]


def test_the_hooks_manifest():
    yaml = pytest.importorskip("yaml")
    hooks = {h["id"]: h for h in yaml.safe_load(HOOKS.read_text(encoding="utf-8"))}
    assert set(hooks) == {"readout-check", "readout-fix"}
    assert hooks["readout-check"]["entry"] == "readout check"
    assert hooks["readout-fix"]["entry"] == "readout check --fix"
    for hook in hooks.values():
        assert hook["language"] == "python" and "text" in hook["types"]
        files = re.compile(hook["files"])
        assert files.search("readouts/000_a.txt") and not files.search("README.md")
        # The entry is a real readout command: pre-commit appends the file names.
        build_parser().parse_args(shlex.split(hook["entry"])[1:] + ["a.txt"])


def test_the_readme_precommit_config_uses_these_hooks():
    yaml = pytest.importorskip("yaml")
    [repo] = yaml.safe_load(precommit_config())["repos"]
    assert repo["repo"] == PLACEHOLDER and repo["rev"]
    ids = {h["id"] for h in yaml.safe_load(HOOKS.read_text(encoding="utf-8"))}
    for hook in repo["hooks"]:
        assert hook["id"] in ids
        assert re.search(hook["files"], "readouts/2024/000_a.txt") and not re.search(hook["files"], "requirements.txt")


def _precommit_missing() -> bool:
    try:
        import pre_commit  # noqa: F401
    except ImportError:
        return True
    return False


needs_precommit = pytest.mark.skipif(
    _precommit_missing() or shutil.which("git") is None or not (ROOT / ".git").exists(),
    reason="pre-commit is not installed, or git or the repository's history is missing")


def _git(cwd, *argv) -> None:
    subprocess.run(["git", "-c", "user.name=readout tests", "-c", "user.email=tests@readout.invalid",
                    "-c", "commit.gpgsign=false", *argv], cwd=cwd, check=True, capture_output=True)


@needs_precommit
def test_the_readme_precommit_config_validates(tmp_path):
    config = tmp_path / ".pre-commit-config.yaml"
    config.write_text(precommit_config().replace(PLACEHOLDER, str(ROOT)), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "pre_commit", "validate-config", str(config)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    done = subprocess.run([sys.executable, "-m", "pre_commit", "validate-manifest", str(HOOKS)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


@needs_precommit
def test_try_repo_runs_both_hooks(tmp_path):
    """pre-commit installs readout from this repository in its own environment and runs the hooks."""
    repo = tmp_path / "readouts"
    repo.mkdir()
    seed = SEEDS[0]
    shutil.copy(seed, repo / "a.txt")
    (repo / "notes.md").write_text("(not a readout)  double  spaces\n", encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "readouts")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "PRE_COMMIT_COLOR": "never"}
    done = subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "--all-files"],
                          cwd=repo, env=env, capture_output=True, text=True, timeout=300)
    out = done.stdout + done.stderr
    assert done.returncode == 1, out  # the seed has problems: both hooks fail
    assert "- hook id: readout-check" in out and "- hook id: readout-fix" in out
    assert "a.txt:7:100: SP002 'refering'" in out
    assert "notes.md" not in out  # only *.txt files are given to the hooks
    fixed = (repo / "a.txt").read_text(encoding="utf-8")
    assert "referring to their" in fixed and "refering" not in fixed  # readout-fix wrote the safe fixes
    assert fixed != seed.read_text(encoding="utf-8")

