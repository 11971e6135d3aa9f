"""The build's heap trimming (kg.heap)."""

from __future__ import annotations

import sys

import pytest

from kg import heap


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim")
def test_trim_returns_free_pages_on_glibc():
    blocks = [bytearray(64 * 1024) for _ in range(2000)]  # 128 MB in blocks glibc keeps in its arenas
    del blocks[::2]
    assert heap.trim() is True


def test_trimmer_trims_every_n_articles(monkeypatch):
    calls = []
    monkeypatch.setattr(heap, "trim", lambda: calls.append(1) or True)
    trimmer = heap.HeapTrimmer(every=3)
    ticks = [trimmer.tick() for _ in range(7)]
    assert ticks == [False, False, True, False, False, True, False] and len(calls) == 2
