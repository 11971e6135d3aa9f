"""Build the spaCy pipeline from ``config.cfg``.

Importing this module registers the tokenizer and every component factory of
the project, so a pipeline saved with ``nlp.to_disk`` loads with
``spacy.load`` afterwards. Factories are found in ``kg/extract/`` and
``kg/nlp/components/``: a module there that declares ``@Language.factory`` is
imported, so a new component only has to be added to ``config.cfg``.
"""

from __future__ import annotations

import gc
import importlib
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

import kg.nlp.extensions  # noqa: F401
import kg.nlp.sentences  # noqa: F401  (registers "kg_sentences")
import kg.nlp.tokenizer  # noqa: F401  (registers "kg.vi_tokenizer.v1")

DEFAULT_CONFIG = Path(__file__).with_name("config.cfg")
_KG_ROOT = Path(__file__).resolve().parents[1]
WARM_UP_TEXT = _KG_ROOT / "lang" / "vi" / "warmup.txt"
_COMPONENT_PACKAGES = ("extract", "nlp/components")


def register_components() -> list[str]:
    """Import every project module that declares a spaCy factory.

    Returns:
        The imported module names.
    """
    names = []
    for package in _COMPONENT_PACKAGES:
        folder = _KG_ROOT / package
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.py")):
            if path.name.startswith("_"):
                continue
            if "@Language.factory" not in path.read_text(encoding="utf-8"):
                continue
            name = "kg." + package.replace("/", ".") + "." + path.stem
            importlib.import_module(name)
            names.append(name)
    return names


register_components()


def load_pipeline(config: Path | None = None) -> Language:
    """The pipeline described by ``config`` (the packaged one by default).

    Cached per config path: building loads the lexicons and the segmentation
    model, which is too slow to repeat per article.
    """
    return _load(Path(config or DEFAULT_CONFIG).resolve())


@lru_cache(maxsize=4)
def _load(path: Path) -> Language:
    cfg = spacy.util.load_config(path)
    nlp = spacy.util.load_model_from_config(cfg, auto_fill=True, validate=True)
    nlp(WARM_UP_TEXT.read_text(encoding="utf-8"))  # loads the lexicons the components read lazily
    _freeze_loaded()
    return nlp


def _freeze_loaded() -> None:
    """Keep what is loaded by now out of the garbage collector's full passes.

    spaCy, its dependencies, the pipeline and its lexicons (loaded by the
    warm-up document) live as long as the process; each full collection
    walked them all (~70 ms, once every ~100 articles: ~4% of the extraction
    time when the lexicons were still collected). Garbage is collected first
    so that none of it is frozen.

    Process-wide: frozen objects are invisible to ``gc.get_referrers`` and
    ``gc.get_objects`` (Hypothesis warns about that in the test run).
    """
    gc.collect()
    gc.freeze()
