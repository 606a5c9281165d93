"""A clean run's coloured summary is written without rich, byte for byte as rich writes it; a run with
findings to colour still goes through rich."""
from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest

from notelint.reporting import text


class Failed:
    def __init__(self, path: str) -> None:
        self.path = path


CASES = [  # (errors, files, selected, statistics, quiet)
    ((), 1, 20, False, False),
    ((), 3, 20, True, False),
    ((), 1, 20, False, True),
    ((), 0, 20, False, False),
    ((), 2, 0, False, False),
    ((Failed("missing.txt"),), 2, 20, False, False),
]


def written(monkeypatch, fast: bool, case) -> str:
    errors, files, selected, statistics, quiet = case
    if not fast:
        monkeypatch.setattr(text, "_plain_ansi_terminal", lambda: False)
    out = io.StringIO()
    text.write_full([], out, color=True, statistics=statistics, quiet=quiet, errors=errors, files=files,
                    selected=selected)
    monkeypatch.undo()
    return out.getvalue()


@pytest.mark.parametrize("term", ["xterm", "xterm-256color", "screen-16color", "", "linux"])
@pytest.mark.parametrize("case", CASES)
def test_a_clean_runs_summary_is_what_rich_writes(monkeypatch, term, case):
    for name in ("NO_COLOR", "COLORTERM", "FORCE_COLOR", "TTY_COMPATIBLE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", term)
    assert text._plain_ansi_terminal()
    expected = written(monkeypatch, False, case)
    monkeypatch.setenv("TERM", term)
    assert written(monkeypatch, True, case) == expected


@pytest.mark.parametrize("env", [{"TERM": "dumb"}, {"TERM": "UNKNOWN"}, {"TERM": "xterm", "NO_COLOR": "1"}])
def test_terminals_rich_styles_otherwise_are_left_to_rich(monkeypatch, env):
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert not text._plain_ansi_terminal()


def test_a_clean_coloured_check_does_not_import_rich(tmp_path):
    (tmp_path / "notelint.toml").write_text("", encoding="utf-8")
    (tmp_path / "story.txt").write_text("Harbour reopens\n\nLISBON (Reuters) - The harbour reopened on Tuesday, "
                                        "port officials said.\n", encoding="utf-8")
    code = ("import sys; from notelint.cli.main import main\n"
            "code = main(['check', '--no-cache', '--color', 'always', 'story.txt'])\n"
            "print(code, any(m == 'rich' or m.startswith('rich.') for m in sys.modules), file=sys.stderr)")
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")} | {"TERM": "xterm"}
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=60)
    assert proc.stderr.split()[-2:] == ["0", "False"], proc.stderr
    assert proc.stdout == "\x1b[1;32mAll checks passed.\x1b[0m\n"
