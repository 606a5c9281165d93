"""`notelint check … | head`: when the reader closes the pipe, notelint ends quietly (no traceback), also
when the files went through the process pool."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from report_samples import ARTICLE

from notelint.runner import workers as runner


@pytest.mark.parametrize("fmt", ["json-lines", "concise", "github", "sarif", "junit", "full"])
def test_a_closed_pipe_ends_quietly(fmt, tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    # More files than the in-process threshold, so the pool runs, and far more output than a pipe buffer.
    for i in range(runner.MIN_FILES_FOR_POOL + 24):
        shutil.copy(ARTICLE, news / f"article-{i:03d}.txt")
    proc = subprocess.Popen([sys.executable, "-m", "notelint", "check", "--no-cache", "--jobs", "2",
                             "--output-format", fmt, str(news)],
                            cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**{k: v for k, v in os.environ.items() if k != "GITHUB_STEP_SUMMARY"}, "NO_COLOR": "1"})
    first = proc.stdout.readline()  # read one line, then hang up as `head -1` does
    proc.stdout.close()
    stderr = proc.stderr.read().decode()
    proc.wait(timeout=120)
    assert first
    if fmt == "json-lines":
        assert json.loads(first)["code"].startswith("NL")
    assert stderr == "", stderr
    assert proc.returncode in (0, 1)
