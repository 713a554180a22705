"""A real browser against a live server: Playwright driving Debian's chromium.

The system's chromium is used as is (``playwright install`` is never run); .ci/run installs it.
"""
from __future__ import annotations

import shutil

import pytest

CHROMIUM_MISSING = "端到端测试需要 Debian 的 chromium 软件包（apt-get install chromium；.ci/run 会自动安装）"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


@pytest.fixture
def browser(monkeypatch):
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium")
    assert executable is not None, CHROMIUM_MISSING
    # NOTE: Playwright's sync API keeps an asyncio loop running in this thread, and Django refuses
    # ORM calls from a thread with a running loop; the test's own queries are synchronous and safe.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
