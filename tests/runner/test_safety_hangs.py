"""A run never hangs and never forks without bound: workers end with their parent, FIFOs are
not read, standard input has a size limit, unreadable folders are reported, --jobs is capped (issue 14)."""
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
@pytest.mark.parametrize("command", [["check", "--no-cache"], ["diff"]])
def test_a_named_fifo_is_an_error_not_a_wait(tmp_path, command):
    os.mkfifo(tmp_path / "pipe.txt")
    run = subprocess.run([sys.executable, "-m", "notelint", *command, "pipe.txt"], cwd=tmp_path,
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 2
    assert "pipe.txt: error: not a regular file" in run.stderr


class _Endless:
    """Standard input that never ends, like `< /dev/zero`."""

    def read(self, size: int = -1) -> bytes:
        assert size > 0, "read to the end of an endless stream"
        return b"\0" * size


@pytest.mark.parametrize("command", [["check"], ["parse"], ["strip"], ["diff"]])
def test_standard_input_honours_the_size_limit(monkeypatch, capsys, command):
    monkeypatch.setattr(sys, "stdin", type("Stdin", (), {"buffer": _Endless()})())
    assert main([*command, "-", "--max-file-size", "1000"]) == 2
    assert capsys.readouterr().err == "-: error: input too large (more than 1,000 bytes; raise the limit with --max-file-size)\n"


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
