"""What the CI reporters (SARIF, GitHub, GitLab, JUnit) share: repository-relative paths and stable fingerprints.

A fingerprint names one finding so that CI services can follow it across commits: it hashes the file,
the rule and the offending text (plus which occurrence of that text it is), never the line number, so
an edit above the finding does not make it look new.
"""
from __future__ import annotations

import hashlib
import os
TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from typing import Iterable, Sequence

from ..linting.findings import Finding


def find_repository_root(start: str | None = None) -> str:
    """The repository root at or above `start` (default: the current directory): the nearest folder holding
    `.git` (a folder, or a file in a worktree). Outside any repository, `start` itself.

    Reporters are given the directory notelint ran in; code scanning and merge-request widgets want paths
    from the repository root, which is the same folder unless notelint ran in a subfolder.
    """
    here = os.path.abspath(start or os.getcwd())
    probe = here
    while True:
        if os.path.exists(os.path.join(probe, ".git")):
            return probe
        parent = os.path.dirname(probe)
        if parent == probe:
            return here
        probe = parent


def relative_path(path: str, root: str) -> str | None:
    """`path` relative to `root` with forward slashes, or None when it lies outside `root` (or is stdin)."""
    if path in ("", "-"):
        return None
    rel = os.path.relpath(os.path.abspath(path), root)
    if rel == os.pardir or rel.startswith(os.pardir + os.sep):
        return None
    return rel.replace(os.sep, "/")


def display_path(path: str, root: str) -> str:
    """The repository-relative path where there is one, else the path as given."""
    return relative_path(path, root) or path.replace(os.sep, "/")


def _normalised(text: str) -> str:
    return " ".join(text.split())


def fingerprints(findings: Sequence[Finding], root: str) -> list[str]:
    """One stable hex fingerprint per finding, in the same order.

    Built from (relative path, code, offending text or message, n) where n counts earlier findings with the
    same triple: two identical findings in one file still get distinct fingerprints (GitLab shows only the
    first of equal ones), and neither depends on the line it sits on.
    """
    seen: dict[tuple[str, str, str], int] = {}
    out = []
    for finding in findings:
        key = (display_path(finding.path, root), finding.code, _normalised(finding.text or finding.message))
        n = seen.get(key, 0)
        seen[key] = n + 1
        digest = hashlib.sha256("\0".join((*key, str(n))).encode("utf-8")).hexdigest()
        out.append(digest[:32])
    return out


def rules_by_code(rules: Iterable) -> dict:
    return {rule.code: rule for rule in rules or ()}
