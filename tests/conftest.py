"""Make the shared test helpers importable (tests use importlib import mode)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))


import pytest  # noqa: E402


@pytest.fixture(scope="session")
def bundled_build(tmp_path_factory):
    """The bundled sources built once for every test that only reads the graph."""
    from kg.build import build

    out = tmp_path_factory.mktemp("bundled") / "build"
    build([Path(__file__).resolve().parents[1] / "sources"], out, progress=False, report=lambda message: None)
    return out
