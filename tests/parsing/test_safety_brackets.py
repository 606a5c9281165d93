"""Unclosed brackets keep memory bounded by the input (issue 14)."""
from __future__ import annotations

import subprocess
import sys
import textwrap


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
    paragraphs = 3000
    text = "Headline\n\n" + "".join(f"[Editor's note {i}: the council said\n\n" for i in range(paragraphs))
    grown = _peak_mb_linting(text)
    # The text is ~110 KB; its document and findings need a few MB (before: ~80 MB).
    assert grown < 25, f"{grown:.0f} MB for {len(text) // 1024} KB of text"
