"""The check path's value classes, written out so no start-up imports the dataclasses module, behave as the
dataclasses they replace: the same constructor, equality, ordering, hash, repr, immutability, pickled state
and JSON. Each is checked against the dataclass it was, declared here as it was, on values hypothesis draws."""
from __future__ import annotations

import dataclasses
import json
import pickle
from dataclasses import asdict, dataclass, field

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fuzzing import budget
from notelint.linting.context import Hit
from notelint.linting.findings import Finding
from notelint.linting.suppressions import Suppression
from notelint.parsing.document import ParseOptions
from notelint.parsing.model import Location, Problem
from notelint.parsing.scan import Node
from notelint.reading.source import OffsetMap, Source
from notelint.runner.records import RecordFinding, RecordRef
from notelint.runner.workers import CheckResult, LintOptions


@dataclass(frozen=True, order=True)
class OldFinding:
    path: str
    line: int
    col: int
    code: str
    end_line: int
    end_col: int
    start: int
    end: int
    name: str
    severity: str
    message: str
    text: str = ""


@dataclass(frozen=True)
class OldLocation:
    start: int
    end: int
    line: int
    col: int
    end_line: int
    end_col: int


@dataclass
class OldProblem:
    code: str
    start: int
    end: int
    message: str


@dataclass
class OldHit:
    start: int
    end: int
    message: str


@dataclass
class OldSuppression:
    action: str
    codes: tuple
    start: int
    end: int
    ranges: list = field(default_factory=list)
    used: bool = False


@dataclass(slots=True)
class OldNode:
    kind: str
    start: int
    end: int
    closed: bool = True
    children: list = field(default_factory=list)


@dataclass(frozen=True)
class OldSource:
    path: str | None
    original: str
    text: str = None
    offsets: object = None
    format: str = "text"
    blocks: tuple | None = None
    metadata: dict = field(default_factory=dict)
    line_paragraphs: bool = False

    def __post_init__(self) -> None:
        if self.text is None:
            object.__setattr__(self, "text", self.original)


paths = st.sampled_from(["wire/rates.md", "desk/strike.html", "a.txt"])
small = st.integers(0, 3)
codes = st.sampled_from(["NL101", "NL202", "NL401"])
words = st.sampled_from(["", "said", "the minister's [sic] remark", "“quote”"])
finding_args = st.tuples(paths, small, small, codes, small, small, small, small,
                         st.sampled_from(["loaded-verb", "scare-quote"]), st.sampled_from(["info", "warning"]),
                         words, words)


def renamed(text: str, old: str, new: str) -> str:
    return text.replace(old + "(", new + "(")


def same_comparisons(new_a, new_b, old_a, old_b, ordered: bool = False, hashable: bool = True) -> None:
    assert (new_a == new_b) == (old_a == old_b)
    assert (new_a != new_b) == (old_a != old_b)
    if ordered:
        for op in ("__lt__", "__le__", "__gt__", "__ge__"):
            assert getattr(new_a, op)(new_b) == getattr(old_a, op)(old_b)
    if hashable:
        assert hash(new_a) == hash(old_a)
    else:
        with pytest.raises(TypeError):
            hash(new_a)
        with pytest.raises(TypeError):
            hash(old_a)


def same_state(new, old) -> None:
    """Pickled alike: the same reconstruction state, and a round trip gives an equal value."""
    assert new.__reduce_ex__(2)[2] == old.__reduce_ex__(2)[2]
    assert pickle.loads(pickle.dumps(new)) == new


@settings(max_examples=budget(60), deadline=None)
@given(finding_args, finding_args, st.booleans())
def test_finding_as_its_dataclass(a, b, keyword_text):
    if keyword_text:
        new_a, old_a = Finding(*a[:-1], text=a[-1]), OldFinding(*a[:-1], text=a[-1])
    else:
        new_a, old_a = Finding(*a), OldFinding(*a)
    new_b, old_b = Finding(*b[:-1]), OldFinding(*b[:-1])
    assert renamed(repr(new_a), "Finding", "OldFinding") == repr(old_a)
    same_comparisons(new_a, new_b, old_a, old_b, ordered=True)
    same_comparisons(new_a, Finding(*a), old_a, OldFinding(*a), ordered=True)
    assert [f.fields() for f in sorted([new_a, new_b])] == [asdict(f) for f in sorted([old_a, old_b])]
    same_state(new_a, old_a)
    keys = ("code", "name", "severity", "message", "path", "line", "col", "end_line", "end_col", "start", "end", "text")
    assert json.dumps(new_a.to_json()) == json.dumps({k: asdict(old_a)[k] for k in keys})
    assert new_a.fields() == asdict(old_a)
    assert new_a.replace(message="m") == Finding(**{**asdict(old_a), "message": "m"})
    assert new_a.__eq__(old_a) is NotImplemented


def test_finding_frozen_and_arguments_checked():
    f = Finding("a.txt", 1, 2, "NL101", 1, 5, 1, 4, "loaded-verb", "warning", "said")
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'line'"):
        f.line = 3
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot delete field 'text'"):
        del f.text
    with pytest.raises(TypeError):
        Finding("a.txt", 1, 2)
    with pytest.raises(TypeError, match="unexpected keyword argument 'colour'"):
        f.replace(colour="red")
    assert f.text == ""


def test_record_finding_compares_as_finding_and_keeps_its_record():
    base = ("corpus.csv#7", 1, 2, "NL101", 1, 5, 1, 4, "loaded-verb", "warning", "said", "said")
    ref = RecordRef("corpus.csv", 7, "7", (("desk", "Foreign"),))
    a, b = RecordFinding(*base, record=ref), RecordFinding(*base)
    assert a == b and hash(a) == hash(b)  # the record is not compared, as field(compare=False) had it
    assert repr(a).startswith("RecordFinding(path='corpus.csv#7'") and repr(a).endswith(f"record={ref!r})")
    assert a.replace(message="said [desk: Foreign]").record is ref
    assert a.to_json()["record"] == ref.to_json()
    assert pickle.loads(pickle.dumps(a)).record == ref
    assert a != Finding(*base)  # another class, as dataclasses of two classes compare


@settings(max_examples=budget(60), deadline=None)
@given(st.tuples(*[small] * 6), st.tuples(*[small] * 6))
def test_location_as_its_dataclass(a, b):
    new_a, new_b, old_a, old_b = Location(*a), Location(*b), OldLocation(*a), OldLocation(*b)
    assert renamed(repr(new_a), "Location", "OldLocation") == repr(old_a)
    same_comparisons(new_a, new_b, old_a, old_b)
    same_state(new_a, old_a)
    assert Location(**asdict(old_a)) == new_a
    with pytest.raises(dataclasses.FrozenInstanceError):
        new_a.line = 9


@settings(max_examples=budget(60), deadline=None)
@given(st.tuples(codes, small, small, words), st.tuples(codes, small, small, words))
def test_problem_as_its_dataclass(a, b):
    new_a, new_b, old_a, old_b = Problem(*a), Problem(*b), OldProblem(*a), OldProblem(*b)
    assert renamed(repr(new_a), "Problem", "OldProblem") == repr(old_a)
    same_comparisons(new_a, new_b, old_a, old_b, hashable=False)
    same_state(new_a, old_a)
    new_a.message, old_a.message = "changed", "changed"
    assert renamed(repr(new_a), "Problem", "OldProblem") == repr(old_a)


@settings(max_examples=budget(60), deadline=None)
@given(st.tuples(small, small, words), st.tuples(small, small, words))
def test_hit_as_its_dataclass(a, b):
    new_a, new_b, old_a, old_b = Hit(*a), Hit(*b), OldHit(*a), OldHit(*b)
    assert renamed(repr(new_a), "Hit", "OldHit") == repr(old_a)
    same_comparisons(new_a, new_b, old_a, old_b, hashable=False)


@settings(max_examples=budget(60), deadline=None)
@given(st.sampled_from(["disable", "enable", "disable-next"]), st.lists(codes, max_size=2).map(tuple), small, small,
       st.lists(st.tuples(small, small), max_size=2), st.booleans())
def test_suppression_as_its_dataclass(action, codes_, start, end, ranges, used):
    new, old = Suppression(action, codes_, start, end, list(ranges), used), OldSuppression(action, codes_, start, end, list(ranges), used)
    assert renamed(repr(new), "Suppression", "OldSuppression") == repr(old)
    short_new, short_old = Suppression(action, codes_, start, end), OldSuppression(action, codes_, start, end)
    assert renamed(repr(short_new), "Suppression", "OldSuppression") == repr(short_old)
    same_comparisons(new, short_new, old, short_old, hashable=False)
    assert short_new.ranges is not Suppression(action, codes_, start, end).ranges  # a list of its own


def test_node_as_its_dataclass():
    inner_new, inner_old = Node("bracket", 3, 9, False), OldNode("bracket", 3, 9, False)
    new, old = Node("quote", 0, 12, children=[inner_new]), OldNode("quote", 0, 12, children=[inner_old])
    assert renamed(repr(new), "Node", "OldNode") == repr(old)
    assert new == Node("quote", 0, 12, True, [Node("bracket", 3, 9, False)])
    assert new != Node("quote", 0, 12)
    assert not hasattr(new, "__dict__") and Node.__slots__ == OldNode.__slots__
    assert Node("quote", 0, 1).children is not Node("quote", 0, 1).children
    with pytest.raises(TypeError):
        hash(new)


def test_source_and_options_as_their_dataclasses():
    new, old = Source("a.md", "Rates held.\n"), OldSource("a.md", "Rates held.\n")
    assert renamed(repr(new), "Source", "OldSource") == repr(old)
    assert new.text == "Rates held.\n" and new.metadata == {} and new.metadata is not Source("a", "").metadata
    assert new == Source(path="a.md", original="Rates held.\n", text="Rates held.\n")
    assert new.line_col(3) == (1, 4)
    titled = Source("c.md", "x", metadata={"title": "Rates held"})
    assert titled == Source("c.md", "x", "x", None, "text", None, {"title": "Rates held"})
    assert renamed(repr(titled), "Source", "OldSource") == repr(OldSource("c.md", "x", metadata={"title": "Rates held"}))
    with pytest.raises(TypeError):
        Source("c.md")
    with pytest.raises(dataclasses.FrozenInstanceError):
        titled.text = "y"
    same_state(Source("b.md", "x", "y", format="markdown"), OldSource("b.md", "x", "y", format="markdown"))
    offsets = OffsetMap.from_segments([(4, 9, 10, 15), (0, 4, 0, 4)])
    assert offsets.text_starts == (0, 4) and offsets.start(5) == 11
    assert repr(offsets) == "OffsetMap(text_starts=(0, 4), text_ends=(4, 9), orig_starts=(0, 10), orig_ends=(4, 15))"
    assert ParseOptions() == ParseOptions((), ()) and hash(ParseOptions(("Editor's note",))) == hash(ParseOptions(("Editor's note",)))
    assert LintOptions() == LintOptions(None) and pickle.loads(pickle.dumps(LintOptions("html"))) == LintOptions("html")
    assert CheckResult() == CheckResult([], [], 0, 0) and CheckResult().findings is not CheckResult().findings
    assert repr(CheckResult(files=2)) == "CheckResult(findings=[], errors=[], files=2, from_cache=0)"
