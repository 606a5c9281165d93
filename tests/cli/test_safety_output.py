"""A run harms nothing and tells the truth about its output: -o never replaces an input, reports are
written atomically, and a closed or full standard output is one line and exit code 2 (issue 14)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from notelint.cli.main import main

ARTICLE = ("Ministers Agree Budget Deal\n\n"
           "LONDON (Reuters) - Ministers agreed a budget on Tuesday, a deal that [shamefully] leaves "
           "pensioners worse off, officials said.\n\n"
           "“We have done what we could,” the finance minister said.\n")
EXAMPLE = Path(__file__).parents[2] / "examples" / "republished-wire-story.txt"


def notelint(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "notelint", *args], capture_output=True, text=True, **kwargs)


@pytest.mark.parametrize("command", [
    ["strip", "a.txt", "-o", "a.txt"],
    ["parse", "a.txt", "-o", "a.txt"],
    ["parse", "a.txt", "--format", "json", "-o", "./a.txt"],
    ["check", "a.txt", "-o", "a.txt"],
    ["check", ".", "-o", "a.txt"],  # found by the walk
    ["diff", "b.txt", "a.txt", "-o", "a.txt"],
    ["diff", "a.txt", "-o", "a.txt"],
    ["check", "b.txt", "--config", "notelint.toml", "-o", "notelint.toml"],
])
def test_output_file_naming_an_input_is_refused(tmp_path, monkeypatch, capsys, command):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "notelint.toml").write_text("fail-on = 'error'\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    assert main([*command, "--no-cache"] if command[0] == "check" else command) == 2
    err = capsys.readouterr().err
    assert "is also an input file" in err and err.count("\n") == 1
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == before


def test_output_through_a_symlink_to_an_input_is_refused(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "report.txt").symlink_to("a.txt")
    assert main(["strip", "a.txt", "-o", "report.txt"]) == 2
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == ARTICLE


def test_output_file_is_replaced_atomically_and_keeps_its_mode(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    report = tmp_path / "report.txt"
    report.write_text("old report\n", encoding="utf-8")
    report.chmod(0o640)
    old_inode = report.stat().st_ino
    assert main(["strip", "a.txt", "-o", "report.txt"]) == 0
    assert "Ministers agreed a budget" in report.read_text(encoding="utf-8")
    assert report.stat().st_ino != old_inode  # a new file renamed over the old one, not truncated in place
    assert report.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "report.txt"]  # no temporary left


def test_a_failed_run_leaves_the_old_output_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    report = tmp_path / "report.txt"
    report.write_text("old report\n", encoding="utf-8")

    def boom(*args, **kwargs):
        raise KeyboardInterrupt

    import notelint.cli.parse as cli_parse

    monkeypatch.setattr(cli_parse, "render_text", boom)
    assert main(["parse", "a.txt", "-o", "report.txt"]) == 130
    assert report.read_text(encoding="utf-8") == "old report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "report.txt"]


@pytest.mark.parametrize("command", [["check", "a.txt", "--no-cache"], ["strip", "a.txt"], ["rules"]])
def test_closed_standard_output_is_one_line_and_exit_2(tmp_path, command):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "notelint", *command], cwd=tmp_path, stdin=subprocess.DEVNULL,
        stderr=subprocess.PIPE, text=True, preexec_fn=lambda: os.close(1))
    assert run.returncode == 2
    assert run.stderr == "<stdout>: error: cannot write output: standard output is closed\n"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("to_file", [False, True])
@pytest.mark.parametrize("command", [["check", "a.txt", "--no-cache"], ["parse", "a.txt"], ["diff", "a.txt"]])
def test_full_disk_is_one_line_and_exit_2(tmp_path, command, to_file):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    if to_file:
        run = notelint(*command, "-o", "/dev/full", cwd=tmp_path)
        where = "/dev/full"
    else:
        with open("/dev/full", "w") as full:
            run = subprocess.run([sys.executable, "-m", "notelint", *command], cwd=tmp_path, stdout=full,
                                 stderr=subprocess.PIPE, text=True)
        where = "<stdout>"
    assert run.returncode == 2
    assert run.stderr == f"{where}: error: cannot write output: No space left on device\n"


@pytest.mark.parametrize("command, code", [(["check", "--no-cache", "articles"], 1), (["diff", "articles/big.txt"], 1),
                                           (["strip", "articles/big.txt", "missing.txt"], 2)])
def test_a_reader_that_leaves_does_not_change_the_exit_code(tmp_path, command, code):
    articles = tmp_path / "articles"
    articles.mkdir()
    text = EXAMPLE.read_text(encoding="utf-8")
    (articles / "big.txt").write_text(text + "\n".join(text.split("\n")[2:]) * 200, encoding="utf-8")
    for i in range(30):
        (articles / f"story{i:02}.txt").write_text(text, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "notelint", *command], cwd=tmp_path, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    proc.stdout.readline()
    proc.stdout.close()  # `| head -1`
    err = proc.stderr.read()
    assert proc.wait() == code
    assert err in (b"", b"missing.txt: error: no such file\n")
