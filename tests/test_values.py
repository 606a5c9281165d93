"""FrozenValue classes behave as the frozen dataclasses they replace: the same constructor (positional and
keyword, defaults, per-instance factories, the same TypeErrors), equality, hash, repr, immutability,
pickling and copying; replace() as dataclasses.replace. Each is checked against a dataclass declared the
same way, on values hypothesis draws."""
from __future__ import annotations

import copy
import dataclasses
import pickle
from dataclasses import dataclass, field

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fuzzing import budget
from notelint.linting.config import Settings
from notelint.linting.rules import Lexicon, Pattern, Rule, load_rules
from notelint.values import FrozenValue


@dataclass(frozen=True)
class DeskNote:
    desk: str
    wire: str | None = None
    tags: tuple[str, ...] = ()
    counts: dict = field(default_factory=dict)
    seen_by: tuple[str, ...] = field(default=(), compare=False)


class DeskNoteValue(FrozenValue):
    desk: str
    wire: str | None = None
    tags: tuple[str, ...] = ()
    counts: dict
    seen_by: tuple[str, ...] = ()
    _FACTORIES = {"counts": dict}
    _UNCOMPARED = ("seen_by",)


desks = st.sampled_from(["Foreign", "Business", "Metro", "Opinion"])
wires = st.none() | st.sampled_from(["Reuters", "AP", "AFP"])
tags = st.lists(st.sampled_from(["war", "rates", "strike", "election"]), max_size=3).map(tuple)
counts = st.dictionaries(st.sampled_from(["NL101", "NL202"]), st.integers(0, 5), max_size=2)
editors = st.lists(st.sampled_from(["ed", "night desk"]), max_size=2).map(tuple)


@st.composite
def calls(draw):
    """Constructor arguments: a prefix given positionally, some of the rest by keyword."""
    values = {"desk": draw(desks), "wire": draw(wires), "tags": draw(tags), "counts": draw(counts),
              "seen_by": draw(editors)}
    names = list(values)
    positional = draw(st.integers(1, len(names)))
    keywords = [n for n in names[positional:] if draw(st.booleans())]
    return tuple(values[n] for n in names[:positional]), {n: values[n] for n in keywords}


def hashed(value):
    try:
        return hash(value)
    except TypeError as exc:
        return str(exc)


def both(call):
    args, kwargs = call
    return DeskNote(*args, **kwargs), DeskNoteValue(*args, **kwargs)


@settings(max_examples=budget(300), deadline=None)
@given(calls(), calls())
def test_a_frozen_value_constructs_compares_hashes_and_prints_as_a_frozen_dataclass(a, b):
    (da, va), (db, vb) = both(a), both(b)
    assert repr(va) == repr(da).replace("DeskNote(", "DeskNoteValue(", 1)
    assert (va == vb) == (da == db)
    assert va != da  # another class: never equal, as dataclasses of two classes are not
    assert hashed(va) == hashed(da) and hashed(vb) == hashed(db)  # the same hash, or unhashable (a dict field)
    for value in (pickle.loads(pickle.dumps(va)), copy.copy(va), copy.deepcopy(va)):
        assert value == va and repr(value) == repr(va)


def test_defaults_factories_and_wrong_calls_as_a_dataclass():
    assert DeskNoteValue("Metro").counts == {} and DeskNoteValue("Metro").counts is not DeskNoteValue("Metro").counts
    assert DeskNoteValue("Metro").tags == () and DeskNoteValue("Metro").wire is None
    for args, kwargs in (((), {}), (("Metro",), {"desk": "Foreign"}), (("Metro",), {"bureau": "Kyiv"}),
                         (("Metro", None, (), {}, (), "extra"), {}), ((), {"wire": "AP"})):
        with pytest.raises(TypeError) as expected:
            DeskNote(*args, **kwargs)
        with pytest.raises(TypeError) as got:
            DeskNoteValue(*args, **kwargs)
        assert str(got.value) == str(expected.value).replace("DeskNote.", "DeskNoteValue.")


def test_every_missing_field_is_named_as_a_dataclass_names_them():
    @dataclass(frozen=True)
    class Dateline:
        place: str
        service: str
        dash: str

    class DatelineValue(FrozenValue):
        place: str
        service: str
        dash: str

    for args in ((), ("BAGHDAD",), ("BAGHDAD", "AP")):
        with pytest.raises(TypeError) as expected:
            Dateline(*args)
        with pytest.raises(TypeError) as got:
            DatelineValue(*args)
        assert str(got.value).split("__init__")[1] == str(expected.value).split("__init__")[1]
    with pytest.raises(TypeError) as expected:
        Dateline("BAGHDAD", "AP", "-", "x")
    with pytest.raises(TypeError) as got:
        DatelineValue("BAGHDAD", "AP", "-", "x")
    assert str(got.value).split("__init__")[1] == str(expected.value).split("__init__")[1]


def test_fields_cannot_be_assigned_or_deleted():
    value = DeskNoteValue("Metro")
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'desk'"):
        value.desk = "Foreign"
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot delete field 'wire'"):
        del value.wire


def test_replace_as_dataclasses_replace():
    note, value = DeskNote("Metro", "AP", ("rates",)), DeskNoteValue("Metro", "AP", ("rates",))
    changed = dataclasses.replace(note, wire="Reuters", seen_by=("ed",))
    assert repr(value.replace(wire="Reuters", seen_by=("ed",))) == repr(changed).replace("DeskNote(", "DeskNoteValue(")
    with pytest.raises(TypeError):
        value.replace(bureau="Kyiv")


def test_a_required_field_after_a_defaulted_one_is_refused_as_a_dataclass_refuses_it():
    with pytest.raises(TypeError, match="non-default argument 'wire' follows default argument"):
        class Broken(FrozenValue):
            desk: str = "Metro"
            wire: str


def test_the_settings_and_rule_pack_values_keep_their_dataclass_behaviour():
    settings_ = Settings("/newsroom", origins=(("select", "default"),))
    assert settings_ == Settings("/newsroom") and hash(settings_) == hash(Settings("/newsroom"))  # origins: not compared
    assert settings_.replace(fail_on="error").fail_on == "error" and settings_.fail_on == "warning"
    assert repr(settings_).startswith("Settings(root='/newsroom', config_path=None, layers=(), ")
    assert pickle.loads(pickle.dumps(settings_)).fingerprint() == settings_.fingerprint()
    rule = load_rules()[0]
    assert rule != copy.copy(rule) and rule == rule  # a rule is compared by identity (eq=False)
    assert Rule("HOUSE01", "house", "info", "s", "m", "e", "b", "g").options == {}
    assert Pattern("x", "m") == Pattern("x", "m", True, 0) and Lexicon("a", "b", ("c",)).path == ""
