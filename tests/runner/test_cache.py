from __future__ import annotations

import json
import os
import shutil
import time

import pytest
from runner_fakes import FakeSettings, all_calls, clear_calls, flag_insertions

from notelint.runner import cache

from notelint.runner import workers as runner

ARTICLE = ("Militias defy Tehran\n\nBAGHDAD (AP) — The attacks continued [as anyone could have predicted] "
           "on Monday, officials said.\n")


@pytest.fixture
def workspace(tmp_path):
    log = tmp_path / "log"
    log.mkdir()
    news = tmp_path / "news"
    news.mkdir()
    paths = []
    for i in range(5):
        p = news / f"story-{i}.txt"
        p.write_text(ARTICLE.replace("Monday", f"day {i}"), encoding="utf-8")
        # Files written long ago: their stat can be trusted without re-reading.
        old = time.time() - 3600
        os.utime(p, (old, old))
        paths.append(str(p))
    return {"log": str(log), "paths": paths, "cache": str(tmp_path / "cache")}


def run(ws, settings=None, **kwargs):
    settings = settings or FakeSettings(ws["log"])
    kwargs.setdefault("cache_dir", ws["cache"])
    return runner.check_files([(p, settings) for p in ws["paths"]], jobs=1, lint=flag_insertions, **kwargs)


def test_a_second_run_over_unchanged_files_lints_nothing_and_reports_the_same(workspace):
    first = run(workspace)
    assert len(all_calls(workspace["log"])) == 5 and first.from_cache == 0
    clear_calls(workspace["log"])
    second = run(workspace)
    assert all_calls(workspace["log"]) == []
    assert second.from_cache == 5
    assert second.findings == first.findings


def test_a_changed_file_is_linted_again(workspace):
    run(workspace)
    clear_calls(workspace["log"])
    changed = workspace["paths"][2]
    with open(changed, "a", encoding="utf-8") as fh:
        fh.write("\nA new line [with another insertion].\n")
    result = run(workspace)
    assert all_calls(workspace["log"]) == [changed]
    assert [f.text for f in result.findings if f.path == changed] == [
        "[as anyone could have predicted]", "[with another insertion]"]


def test_a_same_size_rewrite_within_the_racy_window_is_caught_by_the_content_digest(workspace):
    path = workspace["paths"][0]
    now = time.time()
    os.utime(path, (now, now))
    run(workspace)
    before = os.stat(path).st_mtime_ns
    with open(path, "r+", encoding="utf-8") as fh:
        text = fh.read()
        fh.seek(0)
        fh.write(text.replace("[as anyone could have predicted]", "(as anyone could have predicted)"))
    os.utime(path, ns=(before, before))  # same size, same mtime: only the content tells
    clear_calls(workspace["log"])
    result = run(workspace)
    assert all_calls(workspace["log"]) == [path]
    assert not [f for f in result.findings if f.path == path]


def test_touching_a_file_without_changing_it_is_still_a_hit(workspace):
    run(workspace)
    clear_calls(workspace["log"])
    os.utime(workspace["paths"][1])
    assert run(workspace).from_cache == 5
    assert all_calls(workspace["log"]) == []


def test_other_settings_do_not_reuse_the_results(workspace):
    run(workspace)
    clear_calls(workspace["log"])
    run(workspace, FakeSettings(workspace["log"], "ignore-NL104"))
    assert len(all_calls(workspace["log"])) == 5
    clear_calls(workspace["log"])
    run(workspace)  # the first settings' bucket is still there
    assert all_calls(workspace["log"]) == []


def test_another_build_of_notelint_does_not_reuse_the_results(workspace, monkeypatch):
    run(workspace)
    clear_calls(workspace["log"])
    monkeypatch.setattr(cache, "build_stamp", lambda: "9.9.9-0000")
    run(workspace)
    assert len(all_calls(workspace["log"])) == 5


def test_input_options_are_part_of_the_key(workspace):
    run(workspace)
    clear_calls(workspace["log"])
    run(workspace, options=runner.LintOptions(input_format="markdown"))
    assert len(all_calls(workspace["log"])) == 5


def test_no_cache_neither_reads_nor_writes(workspace):
    run(workspace, use_cache=False)
    assert not os.path.exists(workspace["cache"])
    run(workspace)
    clear_calls(workspace["log"])
    run(workspace, use_cache=False)
    assert len(all_calls(workspace["log"])) == 5


def test_the_cache_directory_is_tagged_ignored_and_left_without_temporary_files(workspace):
    run(workspace)
    root = workspace["cache"]
    assert open(os.path.join(root, "CACHEDIR.TAG")).read().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert open(os.path.join(root, ".gitignore")).read().splitlines()[-1] == "*"
    (stamp_dir,) = [d for d in os.listdir(root) if os.path.isdir(os.path.join(root, d))]
    assert stamp_dir.startswith(cache.__version__ + "-")
    names = os.listdir(os.path.join(root, stamp_dir))
    assert len(names) == 1 and names[0].endswith(".json") and not names[0].startswith(".tmp-")


def test_a_corrupt_cache_file_is_ignored_and_replaced(workspace):
    run(workspace)
    root = workspace["cache"]
    stamp_dir = next(os.path.join(root, d) for d in os.listdir(root) if os.path.isdir(os.path.join(root, d)))
    bucket = os.path.join(stamp_dir, os.listdir(stamp_dir)[0])
    with open(bucket, "w") as fh:
        fh.write('{"format": 1, "files": {"truncated')
    clear_calls(workspace["log"])
    result = run(workspace)
    assert len(all_calls(workspace["log"])) == 5 and len(result.findings) == 5
    header, body = open(bucket, encoding="utf-8").read().split("\n", 1)
    assert json.loads(header)["format"] == cache._FORMAT and len(json.loads(body)) == 5


def test_read_errors_are_not_cached(workspace):
    missing = workspace["paths"][0] + ".gone"
    settings = FakeSettings(workspace["log"])
    for _ in range(2):
        result = runner.check_files([(missing, settings)], jobs=1, lint=flag_insertions, cache_dir=workspace["cache"])
        assert [e.message for e in result.errors] == ["no such file"]


def test_an_unwritable_cache_directory_warns_once_and_the_check_still_succeeds(workspace, tmp_path, capsys):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache directory should be")
    result = run(workspace, cache_dir=str(blocker / "cache"))
    assert len(result.findings) == 5
    err = capsys.readouterr().err
    assert err.count("notelint: warning: cannot write the cache") == 1


def test_a_new_build_removes_folders_of_builds_unused_for_a_week(workspace, monkeypatch):
    root = workspace["cache"]
    run(workspace)  # the cache directory exists, made and marked by notelint
    shutil.rmtree(os.path.join(root, cache.build_stamp()))
    old_build = os.path.join(root, "0.0.9-0123456789abcdef")
    recent_build = os.path.join(root, "0.1.0-fedcba9876543210")
    not_ours = os.path.join(root, "notes")
    for folder in (old_build, recent_build, not_ours):
        os.makedirs(folder)
    week_ago = time.time() - cache.STALE_BUILD_SECONDS - 60
    os.utime(old_build, (week_ago, week_ago))
    os.utime(not_ours, (week_ago, week_ago))
    run(workspace)
    assert not os.path.exists(old_build)
    assert os.path.isdir(recent_build) and os.path.isdir(not_ours)
    assert os.path.isdir(os.path.join(root, cache.build_stamp()))
