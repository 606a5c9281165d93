"""A run never hangs and never grows without bound (issue 14)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from notelint.cli.main import main

EXAMPLE = Path(__file__).parents[2] / "examples" / "republished-wire-story.txt"


def _children(pid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                out.append(int(entry))
    return out


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux") or (os.cpu_count() or 1) < 2,
                    reason="workers are forked on Linux, with two cores or more")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_workers_end_when_the_parent_dies(tmp_path, sig):
    # A parent that started its workers (they wait for the task list, as during a long folder walk) and dies.
    script = textwrap.dedent("""
        import sys, time
        from notelint.linting.config import load_settings
        from notelint.runner.workers import start_workers
        workers = start_workers(3, load_settings(None))
        print("started", flush=True)
        time.sleep(600)
    """)
    parent = subprocess.Popen([sys.executable, "-c", script], cwd=tmp_path, stdout=subprocess.PIPE, text=True)
    try:
        assert parent.stdout.readline() == "started\n"
        workers = _children(parent.pid)
        assert len(workers) >= 1
        parent.send_signal(sig)
        parent.wait(timeout=10)
        deadline = time.monotonic() + 10
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        left = [w for w in workers if _alive(w)]
        for w in left:
            os.kill(w, signal.SIGKILL)
        assert left == []
    finally:
        parent.kill()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_in_a_walked_folder_is_skipped(tmp_path):
    (tmp_path / "story.txt").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    run = subprocess.run([sys.executable, "-m", "notelint", "check", "--no-cache", "--format", "concise", "."],
                         cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert run.returncode == 1
    assert "pipe.txt" not in run.stdout + run.stderr
    assert "story.txt:" in run.stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("command", [["check", "--no-cache"], ["parse"], ["strip"], ["diff"]])
def test_a_named_fifo_is_an_error_not_a_wait(tmp_path, command):
    os.mkfifo(tmp_path / "pipe.txt")
    run = subprocess.run([sys.executable, "-m", "notelint", *command, "pipe.txt"], cwd=tmp_path,
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 2
    assert "pipe.txt: error: not a regular file" in run.stderr


@pytest.mark.parametrize("command", [["check"], ["parse"], ["strip"], ["diff"]])
def test_standard_input_honours_the_size_limit(tmp_path, command):
    run = subprocess.run([sys.executable, "-m", "notelint", *command, "-", "--max-file-size", "1000"], cwd=tmp_path,
                         stdin=open("/dev/zero", "rb"), capture_output=True, text=True, timeout=60)
    assert run.returncode == 2
    assert run.stderr == "-: error: input too large (more than 1,000 bytes; raise the limit with --max-file-size)\n"


def test_an_unreadable_folder_is_reported(tmp_path, monkeypatch, capsys):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "story.txt").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "hidden.txt").write_text("Headline\n\nText.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    real_scandir = os.scandir

    def scandir(path="."):  # as for a folder without read permission (the tests may run as root)
        if os.path.basename(os.fspath(path)) == "locked":
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert main(["check", "--no-cache", "--format", "concise", "."]) == 2
    captured = capsys.readouterr()
    assert "./locked: error: cannot read folder: permission denied" in captured.err
    assert "story.txt:" in captured.out


def test_jobs_are_capped_at_the_cores_with_a_note(tmp_path, monkeypatch, capsys):
    from notelint.runner import workers as runner

    for i in range(3):
        (tmp_path / f"story{i}.txt").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    started = []
    real_workers = runner.Workers

    def counting(context, jobs, *args, **kwargs):
        started.append(jobs)
        return real_workers(context, jobs, *args, **kwargs)

    monkeypatch.setattr(runner, "Workers", counting)
    assert main(["check", "--no-cache", "--jobs", "1000", "."]) == 1
    cores = runner.default_jobs()
    assert all(jobs <= cores for jobs in started)
    assert f"notelint: note: --jobs 1000 lowered to {cores}, the number of cores available" in capsys.readouterr().err


def _peak_mb_linting(text: str) -> float:
    script = textwrap.dedent("""
        import resource, sys
        from notelint.linting.config import load_settings
        from notelint.linting.engine import lint_source
        from notelint.reading.source import plain_source
        settings = load_settings(None)
        lint_source(plain_source("Headline\\n\\n[warm up\\n", "a.txt"), settings)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        findings = lint_source(plain_source(sys.stdin.read(), "a.txt"), settings)
        print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024, len(findings))
    """)
    run = subprocess.run([sys.executable, "-c", script], input=text, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    return float(run.stdout.split()[0])


def test_unclosed_brackets_keep_memory_bounded_by_the_input():
    # Each paragraph opens a bracket it never closes: the grammar backtracks over every one.
    paragraphs = 6000
    text = "Headline\n\n" + "".join(f"[Editor's note {i}: the council said\n\n" for i in range(paragraphs))
    grown = _peak_mb_linting(text)
    # The text is ~230 KB; its document and findings need a few tens of MB at most (before: ~200 MB).
    assert grown < 60, f"{grown:.0f} MB for {len(text) // 1024} KB of text"


def test_nl103_is_not_quadratic_in_one_paragraph(monkeypatch):
    # One long paragraph of quotations, attributions and unlabelled insertions (a transcript-like page).
    # Timing it is too noisy on a shared machine; the work is counted instead: how often a span is asked
    # whether it contains another.
    from notelint.parsing import model
    from notelint.linting.config import load_settings
    from notelint.linting.engine import lint_source
    from notelint.reading.source import plain_source

    calls = [0]
    real_contains = model.Span.contains

    def counting(self, other):
        calls[0] += 1
        return real_contains(self, other)

    monkeypatch.setattr(model.Span, "contains", counting)
    settings = load_settings(None)
    counts = {}
    for n in (200, 800):
        text = "Talks Resume\n\n" + " ".join(
            f"Negotiators met again on day {i}, “we will act,” officials said. [Nobody believes a word of it!]"
            for i in range(n)) + "\n"
        calls[0] = 0
        findings = lint_source(plain_source(text, "a.txt"), settings)
        assert sum(f.code == "NL103" for f in findings) == n
        counts[n] = calls[0]
    # Four times the quotations and insertions: at most about four times the work (sixteen when quadratic).
    assert counts[800] <= 5 * max(counts[200], 1), counts


CATASTROPHIC_PACK = '''
[[rule]]
code = "SLOW01"
name = "catastrophic"
severity = "warning"
summary = "A pattern that backtracks on every paragraph"
message = "never"
scope = ["wire"]
pattern = '(\\w+\\s?)+\\d'
'''


def test_a_user_patterns_time_limit_is_per_file_not_per_paragraph(tmp_path):
    from notelint.linting.config import load_settings
    from notelint.linting.engine import lint_source
    from notelint.reading.source import plain_source

    (tmp_path / "slow").mkdir()
    (tmp_path / "slow" / "slow.toml").write_text(CATASTROPHIC_PACK, encoding="utf-8")
    (tmp_path / "notelint.toml").write_text('extend = ["slow"]\n[options.NL900]\ntimeout = 0.2\n', encoding="utf-8")
    # Each paragraph costs the pattern well under the limit (~0.02 s); eighty of them cost far more.
    text = "Headline\n\n" + "".join("word " * 70 + "end.\n\n" for _ in range(80))
    settings = load_settings(str(tmp_path / "a.txt"))
    started = time.perf_counter()
    findings = lint_source(plain_source(text, str(tmp_path / "a.txt")), settings)
    elapsed = time.perf_counter() - started
    assert [f.code for f in findings if f.code in ("NL900", "SLOW01")] == ["NL900"]
    assert elapsed < 1.2, f"{elapsed:.2f} s"


def test_a_style_rule_pattern_has_a_time_limit(tmp_path, monkeypatch, capsys):
    from notelint.diffing import align

    monkeypatch.setattr(align, "STYLE_RULE_TIMEOUT", 0.2, raising=False)
    (tmp_path / "house.toml").write_text(
        '[[equivalence]]\nname = "runaway"\npattern = \'(\\w+\\s?)+\\d\'\ncanonical = "x"\n', encoding="utf-8")
    body = "".join("word " * 70 + "end.\n\n" for _ in range(80))
    (tmp_path / "wire.txt").write_text("Headline\n\n" + body, encoding="utf-8")
    (tmp_path / "site.txt").write_text("Headline\n\n" + body + "A closing line.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    started = time.perf_counter()
    code = main(["diff", "wire.txt", "site.txt", "--style-rules", "house.toml", "--format", "json"])
    elapsed = time.perf_counter() - started
    assert code in (0, 1)
    assert "notelint: warning: style rule 'runaway' took more than 0.2 s and was skipped" in capsys.readouterr().err
    assert elapsed < 2.5, f"{elapsed:.2f} s"
