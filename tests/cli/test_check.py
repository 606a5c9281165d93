"""`notelint check`, `rules`, `rule` and `config` run in-process through cli.main: output and exit codes."""
from __future__ import annotations

import io
import json
import os
import shutil
import sys

import pytest

from notelint.cli.main import main

FIXTURES = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "fixtures")
CORPUS = os.path.join(FIXTURES, "iraqi-militias-republished.txt")
CLEAN = os.path.join(FIXTURES, "wire", "ap-clarifications-and-editors-note.txt")
SPLIT = ("Strikes in Syria\n\nThe administration has responded [it can’t be a “response” when the US started this "
         "war] by twice targeting militia groups.\n")


def run(argv, capsys, stdin: str | None = None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8"))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    """An empty folder with no configuration above it that matters, as the working directory."""
    (tmp_path / "notelint.toml").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_json_output_on_the_corpus_article(workdir, capsys):
    shutil.copy(CORPUS, workdir / "article.txt")
    code, out, err = run(["check", "--output-format", "json", "--no-cache", "article.txt"], capsys)
    assert code == 1 and err == ""
    data = json.loads(out)
    assert {"NL102", "NL104", "NL105", "NL201", "NL202", "NL203", "NL302"} == {f["code"] for f in data}
    first = data[0]
    assert set(first) >= {"code", "name", "severity", "message", "path", "line", "col", "end_line", "end_col",
                          "start", "end"}
    assert (first["code"], first["line"], first["col"], first["start"], first["end"]) == ("NL302", 3, 1, 49, 152)
    assert first["path"] == "article.txt"
    keys = [(f["path"], f["line"], f["col"], f["code"]) for f in data]
    assert keys == sorted(keys)


def test_concise_format_and_summary(workdir, capsys):
    (workdir / "a.txt").write_text(SPLIT, encoding="utf-8")
    code, out, _ = run(["check", "--format", "concise", "--no-cache", "a.txt"], capsys)
    lines = out.splitlines()
    assert code == 1
    assert lines[0] == "a.txt:3:34: NL102 editorial insertion splits a sentence of reporting; move it after the paragraph and label it"
    assert lines[-1] == "Found 3 findings (3 warnings) in 1 file."
    code, out, _ = run(["check", "--format", "concise", "--quiet", "--no-cache", "a.txt"], capsys)
    assert not out.splitlines()[-1].startswith("Found")


def test_full_format_shows_the_line_and_underlines_the_span(workdir, capsys):
    (workdir / "a.txt").write_text(SPLIT, encoding="utf-8")
    code, out, _ = run(["check", "--color", "never", "--no-cache", "--select", "NL201", "a.txt"], capsys)
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == "a.txt:3:49: NL201 [warning] scare quotes around “response” in commentary: nobody is being quoted (scare-quotes)"
    source_line = next(l for l in lines if l.startswith("3 | "))
    underline = lines[lines.index(source_line) + 1]
    start = underline.index("^")
    assert source_line[start:start + underline.count("^")] == "“response”"
    assert "= help: Scare quotes in commentary; see `notelint rule NL201`" in out
    assert "\x1b[" not in out
    code, coloured, _ = run(["check", "--color", "always", "--no-cache", "--select", "NL201", "a.txt"], capsys)
    assert "\x1b[" in coloured


def test_exit_codes_fail_on_and_exit_zero(workdir, capsys):
    (workdir / "a.txt").write_text(SPLIT, encoding="utf-8")
    shutil.copy(CLEAN, workdir / "clean.txt")
    assert run(["check", "--no-cache", "clean.txt"], capsys)[0] == 0
    assert run(["check", "--no-cache", "a.txt"], capsys)[0] == 1
    assert run(["check", "--no-cache", "--fail-on", "error", "a.txt"], capsys)[0] == 0
    assert run(["check", "--no-cache", "--exit-zero", "a.txt"], capsys)[0] == 0
    # Only info findings: passes at the default fail level, fails at --fail-on info.
    info_only = "Talks\n\nNegotiators met again on Monday. “We are closer than ever to a deal.”\n"
    (workdir / "info.txt").write_text(info_only, encoding="utf-8")
    assert run(["check", "--no-cache", "info.txt"], capsys)[0] == 0
    assert run(["check", "--no-cache", "--fail-on", "info", "info.txt"], capsys)[0] == 1


def test_missing_path_bad_config_and_unknown_code_exit_2_with_one_line(workdir, capsys):
    code, out, err = run(["check", "--no-cache", "no-such-file.txt"], capsys)
    assert code == 2 and err.strip() == "no-such-file.txt: error: no such file or directory"
    (workdir / "a.txt").write_text(SPLIT, encoding="utf-8")
    code, _, err = run(["check", "--no-cache", "--select", "NL999", "a.txt"], capsys)
    assert code == 2 and "unknown rule code or prefix 'NL999'" in err and len(err.strip().splitlines()) == 1
    (workdir / "notelint.toml").write_text("colour = true\n", encoding="utf-8")
    code, _, err = run(["check", "--no-cache", "a.txt"], capsys)
    assert code == 2 and err.strip().endswith("unknown key `colour` (known keys: " + err.split("(known keys: ")[1].strip())
    assert "notelint.toml: error:" in err and "Traceback" not in err


def test_binary_file_in_a_folder_is_reported_and_exits_2(workdir, capsys):
    (workdir / "news").mkdir()
    (workdir / "news" / "a.txt").write_text(SPLIT, encoding="utf-8")
    (workdir / "news" / "b.txt").write_bytes(b"\x00\x01binary")
    code, out, err = run(["check", "--no-cache", "--format", "concise", "news"], capsys)
    assert code == 2
    assert "b.txt: error: binary file" in err
    assert "news/a.txt:3:34: NL102" in out  # the readable file is still reported


def test_a_worker_that_died_is_one_line_and_exit_2(workdir, capsys, monkeypatch):
    from notelint.cli import check as cli_check
    from notelint.runner import workers as runner

    def worker_killed(*args, **kwargs):
        raise runner.WorkerDied("a worker process ended unexpectedly (exit code -9); its files were not checked")

    monkeypatch.setattr(cli_check, "collect_findings", worker_killed)
    shutil.copy(CORPUS, workdir / "article.txt")
    code, out, err = run(["check", "--no-cache", "article.txt"], capsys)
    assert (code, out) == (2, "")
    assert err == "notelint: error: a worker process ended unexpectedly (exit code -9); its files were not checked\n"


def test_the_command_gives_mains_output_and_exit_code(workdir, capsys):
    import subprocess

    shutil.copy(CORPUS, workdir / "article.txt")
    argv = ["check", "--no-cache", "--output-format", "concise", "article.txt"]
    code, out, err = run(argv, capsys)
    # `python -m notelint` is cli.console_main, as the installed command is: main, then a quicker exit.
    proc = subprocess.run([sys.executable, "-m", "notelint", *argv], capture_output=True, text=True, cwd=workdir)
    assert (proc.returncode, proc.stdout, proc.stderr) == (code, out, err) and code == 1 and "NL102" in out


def test_a_folder_check_leaves_no_worker_behind_cached_or_failing(workdir, capsys):
    import multiprocessing

    from notelint.runner import workers as runner

    (workdir / "news").mkdir()
    for i in range(runner.MIN_FILES_FOR_POOL + 4):
        shutil.copy(CORPUS if i % 2 else CLEAN, workdir / "news" / f"article-{i:03d}.txt")
    argv = ["check", "--jobs", "2", "--output-format", "concise", "news"]
    first = run(argv, capsys)
    assert first[0] == 1 and multiprocessing.active_children() == []
    assert run(argv, capsys) == first  # all from the cache: the workers started for the folder are dismissed
    assert multiprocessing.active_children() == []
    code, out, err = run(["check", "--jobs", "2", "--output-format", "concise", "news", "missing-folder"], capsys)
    # A missing path is an input error: the run goes on, reports the folder's findings and exits 2.
    assert code == 2 and err == "missing-folder: error: no such file or directory\n"
    assert out.splitlines()[:-1] == first[1].splitlines()[:-1]
    assert multiprocessing.active_children() == []


def test_select_ignore_extend_select_and_statistics(workdir, capsys):
    (workdir / "a.txt").write_text(SPLIT, encoding="utf-8")
    _, out, _ = run(["check", "--no-cache", "--format", "json", "--select", "NL1", "a.txt"], capsys)
    assert {f["code"] for f in json.loads(out)} == {"NL102", "NL104"}
    _, out, _ = run(["check", "--no-cache", "--format", "json", "--ignore", "NL102,NL104", "a.txt"], capsys)
    assert {f["code"] for f in json.loads(out)} == {"NL201"}
    _, out, _ = run(["check", "--no-cache", "--format", "json", "--select", "NL2", "--extend-select", "NL102",
                     "a.txt"], capsys)
    assert {f["code"] for f in json.loads(out)} == {"NL102", "NL201"}
    _, out, _ = run(["check", "--no-cache", "--format", "concise", "--statistics", "a.txt"], capsys)
    assert "     1  NL102   insertion-splits-sentence        warning" in out.splitlines()


def test_stdin_with_a_filename(workdir, capsys, monkeypatch):
    code, out, _ = run(["check", "--format", "json", "--stdin-filename", "story.txt", "-"], capsys,
                       stdin=SPLIT, monkeypatch=monkeypatch)
    data = json.loads(out)
    assert code == 1 and {f["path"] for f in data} == {"story.txt"}
    assert "NL102" in {f["code"] for f in data}


def test_stdin_markdown_by_filename_reads_its_suppression(workdir, capsys, monkeypatch):
    body = SPLIT.split("\n\n", 1)[1]
    text = "# Strikes\n\n<!-- notelint: disable-next=NL102,NL104 -->\n" + body
    code, out, _ = run(["check", "--format", "json", "--stdin-filename", "story.md", "-"], capsys,
                       stdin=text, monkeypatch=monkeypatch)
    assert {f["code"] for f in json.loads(out)} == {"NL201"}


def test_folders_recurse_into_articles_honouring_exclude_and_gitignore(workdir, capsys):
    (workdir / "notelint.toml").write_text('exclude = ["drafts"]\n', encoding="utf-8")
    for rel in ("news/a.txt", "news/b.md", "news/c.html", "news/skip.json", "news/drafts/d.txt",
                "news/generated/e.txt", "news/f.txt"):
        path = workdir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(SPLIT if not rel.endswith(".html") else "<h1>Strikes</h1><p>" + SPLIT.split("\n\n")[1] + "</p>",
                        encoding="utf-8")
    (workdir / "news" / ".gitignore").write_text("generated/\nf.txt\n", encoding="utf-8")
    code, out, _ = run(["check", "--no-cache", "--format", "json", "--select", "NL102", "news"], capsys)
    paths = sorted({f["path"] for f in json.loads(out)})
    assert paths == ["news/a.txt", "news/b.md", "news/c.html"]
    # A file named on the command line is checked even when excluded, unless --force-exclude.
    _, out, _ = run(["check", "--no-cache", "--format", "json", "news/drafts/d.txt"], capsys)
    assert json.loads(out)
    _, out, _ = run(["check", "--no-cache", "--format", "json", "--force-exclude", "news/drafts/d.txt"], capsys)
    assert json.loads(out) == []


def test_output_file(workdir, capsys):
    (workdir / "a.txt").write_text(SPLIT, encoding="utf-8")
    code, out, _ = run(["check", "--no-cache", "--format", "json", "-o", "report.json", "a.txt"], capsys)
    assert code == 1 and out == ""
    assert {f["code"] for f in json.loads((workdir / "report.json").read_text(encoding="utf-8"))} >= {"NL102"}


def test_include_comments_flag(workdir, capsys):
    shutil.copy(CORPUS, workdir / "article.txt")
    _, out, _ = run(["check", "--no-cache", "--format", "json", "article.txt"], capsys)
    _, with_comments, _ = run(["check", "--no-cache", "--format", "json", "--include-comments", "article.txt"], capsys)
    assert max(f["line"] for f in json.loads(out)) == 55
    assert max(f["line"] for f in json.loads(with_comments)) > 57


def test_rules_rule_and_config_commands(workdir, capsys):
    code, out, _ = run(["rules"], capsys)
    assert code == 0
    assert any(line.startswith("NL102   insertion-splits-sentence") for line in out.splitlines())
    code, out, _ = run(["rules", "--format", "json"], capsys)
    assert {r["code"] for r in json.loads(out)} >= {"NL101", "NL403", "NL900"}
    code, out, _ = run(["rule", "NL201"], capsys)
    assert code == 0
    for heading in ("What it flags", "Why it matters", "Example", "Use instead", "max-words = 3"):
        assert heading in out
    code, out, _ = run(["rule", "scare-quotes", "--format", "json"], capsys)
    doc = json.loads(out)
    assert doc["code"] == "NL201" and doc["options"] == {"max-words": 3} and doc["bad_example"]
    code, _, err = run(["rule", "NL999"], capsys)
    assert code == 2 and "unknown rule 'NL999'" in err
    (workdir / "notelint.toml").write_text('select = ["NL1"]\nfail-on = "error"\n', encoding="utf-8")
    code, out, _ = run(["config", "."], capsys)
    assert code == 0
    assert f'fail-on = "error"    # from {workdir / "notelint.toml"}' in out
    assert 'wire-services = []    # from default' in out
    code, out, _ = run(["config", ".", "--format", "json"], capsys)
    data = json.loads(out)
    assert data["enabled"] == ["NL101", "NL102", "NL103", "NL104", "NL105"]
    assert data["origins"]["fail-on"] == str(workdir / "notelint.toml")


def test_full_format_on_stdin_shows_the_text_read_not_the_file_on_disk(workdir, capsys, monkeypatch):
    # Editors pipe an unsaved buffer with the file's name: the excerpt must come from what was linted.
    (workdir / "story.txt").write_text("Old headline\n\nNothing to see here.\n", encoding="utf-8")
    code, out, _ = run(["check", "--color", "never", "--select", "NL102", "--stdin-filename", "story.txt", "-"],
                       capsys, stdin=SPLIT, monkeypatch=monkeypatch)
    assert code == 1
    excerpt = next(line for line in out.splitlines() if line.startswith("3 | "))
    assert "has responded [it can’t be" in excerpt


def test_rules_and_rule_write_to_an_output_file(tmp_path):
    from notelint.cli.main import main

    listing, doc = tmp_path / "rules.txt", tmp_path / "rule.json"
    assert main(["rules", "-o", str(listing)]) == 0
    assert "NL102" in listing.read_text(encoding="utf-8")
    assert main(["rule", "NL102", "--format", "json", "-o", str(doc)]) == 0
    assert '"NL102"' in doc.read_text(encoding="utf-8")


def test_workers_are_not_forked_before_the_walk_when_the_cache_will_answer(tmp_path, monkeypatch):
    """A warm cache answers every file: forking the pool before the walk only took cores from it."""
    from notelint.cli.check import collect_findings
    from notelint.linting.config import SettingsResolver
    from notelint.runner import workers

    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(3):
        (folder / f"story-{i}.txt").write_text(
            f"Port talks resume\n\nROTTERDAM (AP) — Talks resumed on day {i}, union officials said.\n", encoding="utf-8")
    started = []
    real_start = workers.start_workers
    monkeypatch.setattr(workers, "start_workers", lambda jobs, settings: started.append(jobs) or real_start(jobs, settings))
    cache = str(tmp_path / "cache")
    resolver = SettingsResolver({})
    cold = collect_findings([str(folder)], resolver, jobs=2, use_cache=True, cache_dir=cache)
    assert started == [2]  # no results yet: the workers warm up during the walk
    warm = collect_findings([str(folder)], resolver, jobs=2, use_cache=True, cache_dir=cache)
    assert started == [2]
    assert warm.from_cache == 3 and [f.code for f in warm.findings] == [f.code for f in cold.findings]
