"""A --style-rules pattern has a time limit (issue 14)."""
from __future__ import annotations

import time

from notelint.cli.main import main


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
