"""The loaded pipeline: its lexicons are loaded and frozen with it."""

from __future__ import annotations

import gc
import subprocess
import sys


def test_the_lexicons_are_loaded_with_the_pipeline_and_kept_out_of_full_collections():
    # In a fresh interpreter, so that no other test has loaded the lexicons first.
    probe = (
        "import gc\n"
        "from kg.nlp.pipeline import load_pipeline\n"
        "from kg.extract import gazetteer\n"
        "load_pipeline()\n"
        "gaz = gazetteer.get_gazetteer()\n"
        "print(any(o is gaz for o in gc.get_objects()), gc.get_freeze_count() > 0)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    # frozen objects are the ones gc.get_objects() no longer lists
    assert out.stdout.split() == ["False", "True"]


def test_a_document_still_has_its_garbage_collected_after_the_freeze():
    from kg.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    doc = nlp("Ngoại trưởng Ấn Độ hội đàm với người đồng cấp Indonesia tại Jakarta hôm 5/6.")
    assert any(o is doc for o in gc.get_objects())
