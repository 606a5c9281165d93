"""Pausing Python's cyclic garbage collector around work that makes many objects and no reference cycles."""
from __future__ import annotations

import gc


class paused:
    """`with paused():` the cyclic collector is off inside, and after it as it was before (on, or off
    already in a caller that paused it). A class rather than contextlib.contextmanager: it is entered
    once for every parsed file, and costs a quarter as much."""

    __slots__ = ("was_enabled",)

    def __enter__(self) -> None:
        self.was_enabled = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc_info) -> None:
        if self.was_enabled:
            gc.enable()
