"""Remake docs/check-report.png, the README's picture of the HTML check report of the bundled example.

    python docs/make_screenshot.py      (needs Debian's chromium and chromium-driver, and selenium)
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from notelint.cli.main import main

ROOT = Path(__file__).resolve().parent.parent


def make(target: Path = ROOT / "docs" / "check-report.png") -> None:
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "report.html"
        main(["check", "examples/republished-wire-story.txt", "--output-format", "html", "-o", str(page)])
        options = webdriver.ChromeOptions()
        options.binary_location = shutil.which("chromium")
        for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1000,860", "--hide-scrollbars"):
            options.add_argument(arg)
        driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
        try:
            driver.get(page.as_uri())
            # The article and its findings (the legend and the summary tables are above them).
            driver.execute_script("document.querySelector('.art').scrollIntoView()")
            driver.save_screenshot(str(target))
        finally:
            driver.quit()


if __name__ == "__main__":
    import os

    os.chdir(ROOT)  # the page names the example by its path from the repository root
    make()
    sys.exit(0)
