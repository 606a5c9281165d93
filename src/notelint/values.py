"""Frozen value classes whose methods are written once, here, instead of generated at import.

A dataclass compiles source text for each of its methods (__init__, __repr__, __eq__, __hash__,
__setattr__, __delattr__) when its module is imported: 4-5 million instructions a class, measured with
callgrind, paid on every start-up. That specialised code pays off for values made by the thousand
(spans, findings); a run's settings and its rule packs' rules, patterns and word lists are made a few
dozen times, so they read their fields from the class instead: an immutable value with the same
constructor, equality, hash, repr and pickling as `@dataclass(frozen=True)`.

A class lists its fields as annotations, in order, with defaults as class attributes, like a dataclass;
`_FACTORIES` names fields whose default is made per instance (a dataclass's default_factory) and
`_UNCOMPARED` the fields left out of equality and hashing (compare=False). A class that sets
`__eq__ = object.__eq__` and `__hash__ = object.__hash__` compares by identity (eq=False).
Below parsing/, so every stage can use it.
"""
from __future__ import annotations

_MISSING = object()


class Frozen:
    """What a frozen dataclass does besides its constructor and comparisons: assignment refused once made
    (constructors set fields with object.__setattr__) and the repr of the fields in `_FIELDS`, in order.
    The base of the values below and of the hot-path values that write their constructor out (Finding,
    Location)."""

    __slots__ = ()
    _FIELDS: tuple[str, ...] = ()

    def __setattr__(self, name: str, value) -> None:
        from dataclasses import FrozenInstanceError

        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        from dataclasses import FrozenInstanceError

        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __repr__(self) -> str:
        d = self.__dict__
        return f"{type(self).__qualname__}({', '.join(f'{name}={d[name]!r}' for name in self._FIELDS)})"


class FrozenValue(Frozen):
    _FIELDS: tuple[str, ...] = ()
    _DEFAULTS: dict = {}
    _FACTORIES: dict = {}
    _UNCOMPARED: tuple[str, ...] = ()
    _COMPARED: tuple[str, ...] = ()

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        fields: list[str] = []
        for klass in reversed(cls.__mro__):  # a subclass's fields follow its bases', as a dataclass's do
            for name in klass.__dict__.get("__annotations__", {}):
                if not name.startswith("_") and name not in fields:
                    fields.append(name)
        cls._FIELDS = tuple(fields)
        cls._DEFAULTS = {name: getattr(cls, name) for name in fields if hasattr(cls, name)}
        cls._COMPARED = tuple(name for name in fields if name not in cls._UNCOMPARED)
        defaulted = False
        for name in fields:
            if name in cls._DEFAULTS or name in cls._FACTORIES:
                defaulted = True
            elif defaulted:
                raise TypeError(f"non-default argument {name!r} follows default argument")

    def __init__(self, *args, **kwargs) -> None:
        fields = self._FIELDS
        if len(args) > len(fields):
            required = sum(1 for name in fields if name not in self._DEFAULTS and name not in self._FACTORIES)
            takes = f"{len(fields) + 1}" if required == len(fields) else f"from {required + 1} to {len(fields) + 1}"
            raise TypeError(f"{type(self).__qualname__}.__init__() takes {takes} positional arguments but "
                            f"{len(args) + 1} were given")
        values = dict(zip(fields, args))
        for name, value in kwargs.items():
            if name not in self._DEFAULTS and name not in self._FACTORIES and name not in fields:
                raise TypeError(f"{type(self).__qualname__}.__init__() got an unexpected keyword argument {name!r}")
            if name in values:
                raise TypeError(f"{type(self).__qualname__}.__init__() got multiple values for argument {name!r}")
            values[name] = value
        missing = []
        for name in fields:
            if name not in values:
                default = self._DEFAULTS.get(name, _MISSING)
                if default is not _MISSING:
                    values[name] = default
                elif name in self._FACTORIES:
                    values[name] = self._FACTORIES[name]()
                else:
                    missing.append(repr(name))
        if missing:  # worded as Python words it for a function's parameters
            names = missing[0] if len(missing) == 1 else (
                f"{missing[0]} and {missing[1]}" if len(missing) == 2 else f"{', '.join(missing[:-1])}, and {missing[-1]}")
            raise TypeError(f"{type(self).__qualname__}.__init__() missing {len(missing)} required positional "
                            f"argument{'s' if len(missing) > 1 else ''}: {names}")
        self.__dict__.update(values)

    def _compared(self) -> tuple:
        d = self.__dict__
        return tuple(d[name] for name in self._COMPARED)

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return self._compared() == other._compared()
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._compared())

    def replace(self, **changes):
        """A copy with some fields changed (dataclasses.replace)."""
        values = {name: self.__dict__[name] for name in self._FIELDS}
        for name in changes:
            if name not in values:
                raise TypeError(f"{type(self).__qualname__}.__init__() got an unexpected keyword argument {name!r}")
        values.update(changes)
        return type(self)(**values)
