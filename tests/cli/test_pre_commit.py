"""The pre-commit hook, run for real: `pre-commit try-repo` on this repository, in a temporary git repo.

pre-commit builds the hook's environment from this repository's committed HEAD (plus uncommitted changes
to tracked files, through a shadow copy) and installs notelint's dependencies from the package index, so
this test takes a minute and needs that index; it runs whenever pre-commit is installed (the test extra).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

TESTS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPO = os.path.dirname(TESTS)
ARTICLE = os.path.join(TESTS, "fixtures", "iraqi-militias-republished.txt")


def _pre_commit() -> list[str] | None:
    """The pre-commit installed with the test extra (next to this interpreter), else one on PATH."""
    try:
        import pre_commit  # noqa: F401
    except ImportError:
        exe = shutil.which("pre-commit")
        return [exe] if exe else None
    return [sys.executable, "-m", "pre_commit"]


PRE_COMMIT = _pre_commit()
pytestmark = pytest.mark.skipif(PRE_COMMIT is None, reason="pre-commit is not installed (pip install -e '.[test]')")

# Suppression comments an editor would add to keep this article: each silences the findings on the
# paragraph after it (plain-text form, on a line of its own; square brackets would read as insertions).
SUPPRESSIONS = {
    "They've been told directly": "notelint: disable-next=NL302",
    "The attacks are blamed on": "notelint: disable-next=NL102,NL104,NL201",
    "Divisions among factions": "notelint: disable-next=NL104,NL203",
    "Source: Associated Press": "notelint: disable-next=NL105",
}


def git(cwd: str, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env=_clean_env())


def _clean_env() -> dict:
    # When pytest itself runs inside a git hook, GIT_DIR and friends would point pre-commit at the wrong repo.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(GIT_AUTHOR_NAME="Test", GIT_AUTHOR_EMAIL="test@example.com",
               GIT_COMMITTER_NAME="Test", GIT_COMMITTER_EMAIL="test@example.com", NO_COLOR="1")
    return env


def try_repo(workdir: str, *files: str) -> subprocess.CompletedProcess:
    return subprocess.run([*PRE_COMMIT, "try-repo", REPO, "notelint", "--verbose", "--files", *files],
                          cwd=workdir, capture_output=True, text=True, env=_clean_env(), timeout=900)


@pytest.fixture
def article_repo(tmp_path):
    work = tmp_path / "site"
    work.mkdir()
    git(str(work), "init", "-q")
    shutil.copy(ARTICLE, work / "iraqi-militias.txt")
    git(str(work), "add", "iraqi-militias.txt")
    return work


def with_suppressions(text: str) -> str:
    lines = text.split("\n")
    out = []
    for line in lines:
        for starts, directive in SUPPRESSIONS.items():
            if line.startswith(starts):
                out.append(directive)
        out.append(line)
    return "\n".join(out)


def test_hook_refuses_the_article_and_shows_the_findings_then_passes_once_suppressed(article_repo):
    refused = try_repo(str(article_repo), "iraqi-militias.txt")
    output = refused.stdout + refused.stderr
    assert refused.returncode == 1, output[-3000:]
    assert "notelint" in output and "Failed" in output
    for code in ("NL102", "NL104", "NL105", "NL201", "NL203", "NL302"):
        assert code in output, f"{code} not shown:\n{output[-3000:]}"
    assert "iraqi-militias.txt" in output

    text = (article_repo / "iraqi-militias.txt").read_text(encoding="utf-8")
    suppressed = with_suppressions(text)
    assert suppressed.count("notelint: disable-next=") == len(SUPPRESSIONS)
    (article_repo / "iraqi-militias.txt").write_text(suppressed, encoding="utf-8")
    git(str(article_repo), "add", "iraqi-militias.txt")

    # A draft the project excludes in its notelint.toml: pre-commit names it, the hook still skips it.
    (article_repo / "notelint.toml").write_text('extend-exclude = ["drafts"]\n', encoding="utf-8")
    (article_repo / "drafts").mkdir()
    shutil.copy(ARTICLE, article_repo / "drafts" / "unedited.txt")
    git(str(article_repo), "add", "notelint.toml", "drafts/unedited.txt")

    passed = try_repo(str(article_repo), "iraqi-militias.txt", "drafts/unedited.txt")
    output = passed.stdout + passed.stderr
    assert passed.returncode == 0, output[-3000:]
    assert "Passed" in output
    assert "NL1" not in output and "NL3" not in output
