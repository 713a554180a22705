"""A real browser against a live server: Playwright driving Debian's chromium.

The system's chromium is used as is (``playwright install`` is never run); .ci/run installs it.
"""
from __future__ import annotations

import shutil

import pytest

CHROMIUM_MISSING = "端到端测试需要 Debian 的 chromium 软件包（apt-get install chromium；.ci/run 会自动安装）"
EXPECT_TIMEOUT_MS = 20_000
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


@pytest.fixture
def browser():
    from playwright.sync_api import expect, sync_playwright

    # A loaded CI machine runs the suite in parallel; give each page more than the default 5 s.
    expect.set_options(timeout=EXPECT_TIMEOUT_MS)

    executable = shutil.which("chromium")
    assert executable is not None, CHROMIUM_MISSING
    # NOTE: while Playwright's sync API runs, this thread has an asyncio loop, so Django refuses ORM
    # calls here (SynchronousOnlyOperation), and forcing them (DJANGO_ALLOW_ASYNC_UNSAFE) left a
    # PostgreSQL session open that blocked dropping the test database. Tests using this fixture
    # touch the database only in fixtures set up before it, and check results through the pages.
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
