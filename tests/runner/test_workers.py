from __future__ import annotations

import gc
import os
import weakref

import pytest
from runner_fakes import (FakeSettings, all_calls, calls, clear_calls, die_unless_in_process, fail_on_story_7,
                          fail_unless_in_process, flag_insertions)

from notelint.runner import workers as runner

WIRE_PARAGRAPH = ("BAGHDAD (Reuters) - Iraq's prime minister said on Tuesday that talks with the U.S.-led "
                  "coalition would continue, according to two officials who spoke on condition of anonymity.\n\n")


def write_articles(folder, count: int) -> list[str]:
    """Articles where article i carries i % 3 bracketed insertions, each on its own line."""
    folder.mkdir(exist_ok=True)
    paths = []
    for i in range(count):
        body = f"Talks continue, story {i}\n\n" + WIRE_PARAGRAPH
        for k in range(i % 3):
            body += f"The talks went on [and nobody believes them, note {k}] into the night.\n\n"
        path = folder / f"story-{i:04d}.txt"
        path.write_text(body, encoding="utf-8")
        paths.append(str(path))
    return paths


@pytest.fixture
def log_dir(tmp_path):
    folder = tmp_path / "log"
    folder.mkdir()
    return str(folder)


def check(paths, settings, **kwargs):
    kwargs.setdefault("use_cache", False)
    return runner.check_files([(p, settings) for p in paths], lint=flag_insertions, **kwargs)


def test_findings_are_exact_and_in_report_order(tmp_path, log_dir):
    paths = write_articles(tmp_path / "news", 6)
    result = check(list(reversed(paths)), FakeSettings(log_dir), jobs=1)
    assert result.files == 6 and not result.errors
    assert len(result.findings) == 0 + 1 + 2 + 0 + 1 + 2
    assert result.findings == sorted(result.findings)
    first = result.findings[0]
    assert first.path == paths[1]
    assert (first.line, first.col, first.end_line) == (5, 19, 5)
    assert first.text == "[and nobody believes them, note 0]"
    assert first.end_col - first.col == len(first.text)


def test_files_in_any_order_and_a_path_given_twice_still_come_out_in_report_order(tmp_path, log_dir):
    paths = write_articles(tmp_path / "news", 6)
    nested = tmp_path / "news" / "a"  # "news/a/…" sorts before "news/story-…", though a walk gives it last
    nested.mkdir()
    (nested / "story.txt").write_text(open(paths[2], encoding="utf-8").read(), encoding="utf-8")
    given = [paths[5], str(nested / "story.txt"), paths[2], paths[5], paths[1]]
    result = check(given, FakeSettings(log_dir), jobs=1)
    assert result.findings == sorted(result.findings)
    assert [f.path for f in result.findings] == [str(nested / "story.txt")] * 2 + [paths[1]] + [paths[2]] * 2 + [paths[5]] * 4
    assert [(f.line, f.text[-2:]) for f in result.findings[-4:]] == [(5, "0]"), (5, "0]"), (7, "1]"), (7, "1]")]


def test_a_pool_gives_the_same_output_as_one_process(tmp_path, log_dir):
    paths = write_articles(tmp_path / "news", 400)
    settings = FakeSettings(log_dir)
    serial = check(paths, settings, jobs=1)
    pooled = check(list(reversed(paths)), settings, jobs=2)
    assert pooled.findings == serial.findings
    assert len(serial.findings) == sum(i % 3 for i in range(400))


def test_the_pool_uses_few_processes_over_large_chunks(tmp_path, log_dir):
    paths = write_articles(tmp_path / "news", 400)
    check(paths, FakeSettings(log_dir), jobs=2)
    by_pid = calls(log_dir)
    assert 1 <= len(by_pid) <= 2
    assert sum(len(v) for v in by_pid.values()) == 400
    assert all(len(v) >= runner.MIN_CHUNK for v in by_pid.values())
    if FORKS:
        assert os.getpid() in by_pid  # this process is one of the two jobs, not only a collector
    else:
        assert os.getpid() not in by_pid  # a pool's parent only collects


FORKS = runner._pool_context().get_start_method() == "fork"


def test_without_fork_a_pool_of_spawned_workers_gives_the_same_output(tmp_path, log_dir, monkeypatch):
    import multiprocessing

    paths = write_articles(tmp_path / "news", 200)
    settings = FakeSettings(log_dir)
    serial = check(paths, settings, jobs=1)
    clear_calls(log_dir)
    monkeypatch.setattr(runner, "_pool_context", lambda: multiprocessing.get_context("spawn"))  # macOS, Windows
    spawned = check(paths, settings, jobs=2)
    assert spawned.findings == serial.findings and len(serial.findings) == sum(i % 3 for i in range(200))
    assert os.getpid() not in calls(log_dir) and all_calls(log_dir) == sorted(paths)


def test_a_rule_failing_raises_in_the_caller_and_leaves_no_process(tmp_path, log_dir):
    import multiprocessing

    paths = write_articles(tmp_path / "news", 400)
    with pytest.raises(ValueError, match="a rule failed on story 7"):  # in the first chunk: any process
        runner.check_files([(p, FakeSettings(log_dir)) for p in paths], jobs=2, use_cache=False,
                           lint=fail_on_story_7)
    assert multiprocessing.active_children() == []
    paths = write_articles(tmp_path / "news", 100)
    with pytest.raises(ValueError, match=r"a rule failed on story-\d{4}\.txt"):  # in a worker
        runner.check_files([(p, FakeSettings(log_dir, str(os.getpid()))) for p in paths], jobs=2,
                           use_cache=False, lint=fail_unless_in_process)
    assert multiprocessing.active_children() == []


def test_output_printed_before_a_pooled_check_comes_out_once(tmp_path, log_dir):
    import subprocess
    import sys

    paths = write_articles(tmp_path / "news", 200)
    script = (f"from runner_fakes import FakeSettings, flag_insertions\n"
              f"from notelint.runner import workers as runner\n"
              f"print('before the check')\n"  # stdout is a pipe: buffered, not yet written
              f"result = runner.check_files([(p, FakeSettings({log_dir!r})) for p in {paths!r}], jobs=2,\n"
              f"                            use_cache=False, lint=flag_insertions)\n"
              f"print(len(result.findings), 'findings')\n")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([os.path.dirname(__file__), os.environ.get("PYTHONPATH", "")]))
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True).stdout
    assert out == f"before the check\n{sum(i % 3 for i in range(200))} findings\n"
    assert len(calls(log_dir)) == 2  # it did run in two processes


@pytest.mark.skipif(not FORKS, reason="workers are forked only where fork is safe")
def test_a_worker_that_dies_is_reported_not_waited_for(tmp_path, log_dir):
    import multiprocessing

    paths = write_articles(tmp_path / "news", 100)
    settings = FakeSettings(log_dir, str(os.getpid()))  # only this process survives its files
    with pytest.raises(runner.WorkerDied, match=r"worker process ended unexpectedly \(exit code 9\)"):
        runner.check_files([(p, settings) for p in paths], jobs=2, use_cache=False, lint=die_unless_in_process)
    assert multiprocessing.active_children() == []


def test_few_files_are_checked_in_process_without_a_pool(tmp_path, log_dir):
    paths = write_articles(tmp_path / "news", 3)
    check(paths, FakeSettings(log_dir), jobs=8)
    assert list(calls(log_dir)) == [os.getpid()]


def test_chunks_are_large_and_cover_every_file():
    items = list(range(20_000))
    chunks = runner._chunks(items, 2)
    assert [x for c in chunks for x in c] == items
    sizes = [len(c) for c in chunks]
    assert sizes[0] == runner.MAX_CHUNK and sizes == sorted(sizes, reverse=True)  # shrinking as work runs out
    assert all(len(c) >= runner.MIN_CHUNK for c in chunks[:-1])
    assert sum(size == runner.MAX_CHUNK for size in sizes) >= 30  # most files go in large chunks
    assert sizes[-2] == runner.MIN_CHUNK  # and the last ones are small: the workers finish together
    small = runner._chunks(list(range(100)), 2)
    assert [len(c) for c in small] == [32, 32, 32, 4]


def test_unreadable_files_become_one_line_errors_and_the_rest_is_still_checked(tmp_path, log_dir):
    paths = write_articles(tmp_path / "news", 3)
    binary = tmp_path / "news" / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    missing = str(tmp_path / "news" / "gone.txt")
    result = check([paths[0], str(binary), missing, paths[2]], FakeSettings(log_dir), jobs=1)
    assert [str(e) for e in result.errors] == [
        f"{binary}: error: binary file (NUL byte at byte offset 8), not an article",
        f"{missing}: error: no such file",
    ]
    assert {f.path for f in result.findings} == {paths[2]}


def test_files_with_different_settings_are_linted_with_their_own(tmp_path, log_dir):
    paths = write_articles(tmp_path / "news", 200)
    strict, lax = FakeSettings(log_dir, "default"), FakeSettings(log_dir, "ignore-NL104")
    result = runner.check_files([(p, strict if i % 2 else lax) for i, p in enumerate(paths)], jobs=2,
                                use_cache=False, lint=flag_insertions)
    assert all_calls(log_dir) == sorted(paths)
    assert {f.path for f in result.findings} == {p for i, p in enumerate(paths) if i % 2 and i % 3}
    assert len(result.findings) == sum(i % 3 for i in range(200) if i % 2)


def test_jobs_option_rejects_zero():
    import argparse

    from notelint.cli.common import add_runner_options

    parser = argparse.ArgumentParser()
    add_runner_options(parser)
    assert parser.parse_args(["-j", "3"]).jobs == 3
    assert parser.parse_args([]).use_cache is True and parser.parse_args(["--no-cache"]).use_cache is False
    with pytest.raises(SystemExit):
        parser.parse_args(["--jobs", "0"])


class _Cyclic:
    """An object in a reference cycle: only the cyclic collector frees it."""

    alive: weakref.WeakSet = weakref.WeakSet()

    def __init__(self) -> None:
        self.me = self
        _Cyclic.alive.add(self)


def _lint_leaving_a_cycle(path, data, settings, options):
    _Cyclic()
    return []


def test_a_chunk_pauses_the_collector_yet_frees_cycles_as_it_goes(tmp_path):
    paths = write_articles(tmp_path / "news", 3 * runner._COLLECT_EVERY)
    items = list(enumerate(paths))
    for enabled in (True, False):
        (gc.enable if enabled else gc.disable)()
        try:
            rows = runner._lint_chunk(_lint_leaving_a_cycle, None, runner.LintOptions(), items)
            assert gc.isenabled() is enabled  # the caller's collector state is given back
        finally:
            gc.enable()
        assert len(rows) == len(paths)
        # Cycles are collected every _COLLECT_EVERY files: never more than that many wait for it.
        assert len(_Cyclic.alive) <= runner._COLLECT_EVERY
        gc.collect()


# --- Workers started before the files are known ---------------------------------------------------------

FIXTURES = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "fixtures")
REAL_ARTICLES = [os.path.join(FIXTURES, "iraqi-militias-republished.txt")] + [
    os.path.join(FIXTURES, "wire", name) for name in sorted(os.listdir(os.path.join(FIXTURES, "wire")))
    if name.endswith(".txt")]


def copy_real_articles(folder, count: int) -> list[str]:
    folder.mkdir()
    paths = []
    for i in range(count):
        with open(REAL_ARTICLES[i % len(REAL_ARTICLES)], "rb") as fh:
            data = fh.read()
        path = folder / f"article-{i:03d}.txt"
        path.write_bytes(data)
        paths.append(str(path))
    return paths


@pytest.mark.skipif(not FORKS, reason="workers are started early only where they are forked")
def test_workers_started_early_give_the_findings_one_process_gives(tmp_path):
    import multiprocessing

    from notelint.linting.config import load_settings

    paths = copy_real_articles(tmp_path / "news", runner.MIN_FILES_FOR_POOL + 60)
    settings = load_settings(str(tmp_path))
    items = [(p, settings) for p in paths]
    serial = runner.check_files(items, jobs=1, use_cache=False)
    workers = runner.start_workers(2, settings)
    assert len(multiprocessing.active_children()) == 1  # forked now, before check_files knows the files
    early = runner.check_files(items, jobs=2, use_cache=False, workers=workers)
    assert early.findings == serial.findings and len(serial.findings) > runner.MIN_FILES_FOR_POOL
    assert multiprocessing.active_children() == []


@pytest.mark.skipif(not FORKS, reason="workers are started early only where they are forked")
def test_workers_started_early_are_dismissed_when_few_files_need_linting(tmp_path):
    import multiprocessing

    from notelint.linting.config import load_settings

    paths = copy_real_articles(tmp_path / "news", 3)
    settings = load_settings(str(tmp_path))
    workers = runner.start_workers(2, settings)
    result = runner.check_files([(p, settings) for p in paths], jobs=2, use_cache=False, workers=workers)
    assert result.files == 3 and result.findings
    assert multiprocessing.active_children() == []
    assert runner.start_workers(1, settings) is None  # one job: nothing to start


# --- Memory: a file's bytes are the lint's to free --------------------------------------------------------

@pytest.mark.parametrize("use_cache", [False, True])
def test_a_files_bytes_are_handed_to_the_lint_and_not_kept_by_the_runner(tmp_path, log_dir, use_cache):
    # A long article is parsed and linted after its bytes are decoded: if the runner kept a reference
    # (to hash them for the cache afterwards, say), a 20 MB file would hold 20 MB more while it is linted.
    import tracemalloc

    path = tmp_path / "long-story.txt"
    path.write_text("Talks continue into the night\n\n" + WIRE_PARAGRAPH * 4000, encoding="utf-8")
    released = []

    def decode_then_drop(p, data, settings, options):
        size = len(data)
        held = tracemalloc.get_traced_memory()[0]
        del data
        released.append((size, held - tracemalloc.get_traced_memory()[0]))
        return []

    tracemalloc.start()
    try:
        result = runner.check_files([(str(path), FakeSettings(log_dir))], jobs=1, use_cache=use_cache,
                                    cache_dir=str(tmp_path / "cache"), lint=decode_then_drop)
    finally:
        tracemalloc.stop()
    assert not result.errors
    (size, freed), = released
    assert size > 600_000 and freed >= size


def test_the_cache_still_records_the_digest_of_the_bytes_handed_over(tmp_path, log_dir):
    paths = write_articles(tmp_path / "news", 3)
    cache = str(tmp_path / "cache")
    first = check(paths, FakeSettings(log_dir), jobs=1, use_cache=True, cache_dir=cache)
    clear_calls(log_dir)
    for p in paths:  # same content, new mtime: a hit only if the stored digest is the content's
        os.utime(p, ns=(os.stat(p).st_atime_ns, os.stat(p).st_mtime_ns + 5_000_000_000))
    second = check(paths, FakeSettings(log_dir), jobs=1, use_cache=True, cache_dir=cache)
    assert second.from_cache == 3 and all_calls(log_dir) == []
    assert second.findings == first.findings
