"""A headless Chromium for the view tests, shared by the session (it takes a second to start)."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from view_support import CHROMIUM, chrome, quit_chrome  # noqa: E402


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("needs Debian's chromium and chromium-driver (scripts/setup-system.sh)")
    driver = chrome()
    yield driver
    quit_chrome(driver)
