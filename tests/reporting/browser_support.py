"""Whether the browser tests run: Debian's headless Chromium and its driver, found on PATH.

Without them the tests are skipped on a developer's machine but fail in CI (CI=true), where `.ci/run`
installs them: a CI run never passes without having run them."""
from __future__ import annotations

import os
import shutil
from typing import Callable, Mapping

RUN, SKIP, FAIL = "run", "skip", "fail"


def browser_paths(which: Callable[[str], str | None] = shutil.which) -> tuple[str | None, str | None]:
    return which("chromium") or which("chromium-browser"), which("chromedriver")


def availability(env: Mapping[str, str] = os.environ, which: Callable[[str], str | None] = shutil.which) -> str:
    chromium, driver = browser_paths(which)
    if chromium and driver:
        return RUN
    return FAIL if env.get("CI", "").lower() == "true" else SKIP
