"""A stand-in for the rule engine in runner and cache tests: flags every bracketed insertion as NL104.

It is module-level (so it can be sent to worker processes) and logs each call's pid and path to the
directory named by its settings, so tests can see which files were linted and by which process.
"""
from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass

from notelint.linting.findings import Finding
from notelint.reading.source import LineIndex, decode

INSERTION = re.compile(r"\[[^\[\]\n]*\]")


@dataclass(frozen=True)
class FakeSettings:
    log_dir: str
    label: str = "default"  # stands for any setting: changing it changes the fingerprint

    def fingerprint(self) -> str:
        return f"fake:{self.label}"


def flag_insertions(path: str, data: bytes, settings: FakeSettings, options) -> list[Finding]:
    text = decode(data, path)
    with open(os.path.join(settings.log_dir, f"calls-{os.getpid()}.log"), "a", encoding="utf-8") as log:
        log.write(path + "\n")
    if settings.label == "ignore-NL104":
        return []
    index = LineIndex(text)
    found = []
    for match in INSERTION.finditer(text):
        line, col = index.line_col(match.start())
        end_line, end_col = index.line_col(match.end())
        found.append(Finding(path, line, col, "NL104", end_line, end_col, match.start(), match.end(),
                             "unlabeled-insertion", "warning", "Editorial insertion has no editor's label",
                             match.group()))
    return found


def calls(log_dir: str) -> dict[int, list[str]]:
    """The paths linted so far, by worker pid."""
    out: dict[int, list[str]] = {}
    for name in os.listdir(log_dir):
        if name.startswith("calls-"):
            with open(os.path.join(log_dir, name), encoding="utf-8") as fh:
                out[int(name[6:-4])] = fh.read().split()
    return out


def all_calls(log_dir: str) -> list[str]:
    return sorted(p for paths in calls(log_dir).values() for p in paths)


def clear_calls(log_dir: str) -> None:
    for name in os.listdir(log_dir):
        if name.startswith("calls-"):
            os.unlink(os.path.join(log_dir, name))


def fail_on_story_7(path: str, data: bytes, settings: FakeSettings, options) -> list[Finding]:
    """A rule with a bug that one article brings out."""
    if path.endswith("story-0007.txt"):
        raise ValueError("a rule failed on story 7")
    return flag_insertions(path, data, settings, options)


def fail_unless_in_process(path: str, data: bytes, settings: FakeSettings, options) -> list[Finding]:
    """A rule with a bug in every process but the one whose pid is the settings' label; that one goes
    slowly, so the others surely take a chunk."""
    if os.getpid() != int(settings.label):
        raise ValueError(f"a rule failed on {os.path.basename(path)}")
    time.sleep(0.005)
    return []


def die_unless_in_process(path: str, data: bytes, settings: FakeSettings, options) -> list[Finding]:
    """As fail_unless_in_process, but the other processes end abruptly, as the out-of-memory killer
    would end them."""
    if os.getpid() != int(settings.label):
        os._exit(9)
    time.sleep(0.005)
    return []
