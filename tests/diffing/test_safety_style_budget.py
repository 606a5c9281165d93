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


class _Clock:
    """perf_counter for align: each reading a step later, so the time a rule spends is the same on any machine."""

    def __init__(self, step: float) -> None:
        self.now, self.step = 0.0, step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


ORIGINAL = ("Talks Resume\n\nBAGHDAD (AP) — “The U.S. is 100 percent committed to the plan,” the envoy said.\n\n"
            "Militia leaders in al-Qaim said they would wait for the vote.\n")
REPUBLISHED = ("Talks Resume\n\nBAGHDAD (AP) — “The US is 100% committed to the plan,” the envoy said.\n\n"
               "Militia leaders in Al-Qaim said they would wait for the vote.\n")


def test_each_diff_of_a_long_run_has_the_whole_style_budget(monkeypatch):
    # One StyleEquivalences serves every diff of a process (find, a corpus run): each diff gets the budget
    # afresh, or after enough diffs a sound rule would be dropped and later results would change.
    from notelint.diffing import align
    from notelint.diffing.hunks import diff_documents
    from notelint.parsing.document import parse_text

    monkeypatch.setattr(align.time, "perf_counter", _Clock(0.001))
    original, republished = parse_text(ORIGINAL, "wire.txt"), parse_text(REPUBLISHED, "site.txt")
    eq = align.StyleEquivalences.load()
    first = diff_documents(original, republished, equivalences=eq)
    one_diff = max(eq._spent)  # the most any rule spent on one diff, in clock steps
    assert one_diff > 0 and [h.rule for h in first.hunks if h.kind == "style"]

    eq = align.StyleEquivalences.load()
    eq.timeout = 2.5 * one_diff  # room for one diff, not for three
    for _ in range(4):
        result = diff_documents(original, republished, equivalences=eq)
        assert eq.timed_out == [] and [(h.kind, h.rule) for h in result.hunks] == [(h.kind, h.rule) for h in first.hunks]

    eq = align.StyleEquivalences.load()
    eq.timeout = 0.5 * one_diff  # within one diff, the budget still holds
    diff_documents(original, republished, equivalences=eq)
    assert eq.timed_out
