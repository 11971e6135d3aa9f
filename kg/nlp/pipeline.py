"""Build the spaCy pipeline from ``config.cfg``.

Importing this module registers the tokenizer and every component factory, so
a pipeline saved with ``nlp.to_disk`` loads with ``spacy.load`` afterwards.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

import kg.extract.coref  # noqa: F401  (registers "kg_resolve")
import kg.extract.entities  # noqa: F401  (registers "kg_entities")
import kg.nlp.extensions  # noqa: F401
import kg.nlp.sentences  # noqa: F401  (registers "kg_sentences")
import kg.nlp.tokenizer  # noqa: F401  (registers "kg.vi_tokenizer.v1")

DEFAULT_CONFIG = Path(__file__).with_name("config.cfg")


def load_pipeline(config: Path | None = None) -> Language:
    """The pipeline described by ``config`` (the packaged one by default).

    Cached per config path: building loads the lexicons and the segmentation
    model, which is too slow to repeat per article.
    """
    return _load(Path(config or DEFAULT_CONFIG).resolve())


@lru_cache(maxsize=4)
def _load(path: Path) -> Language:
    cfg = spacy.util.load_config(path)
    return spacy.util.load_model_from_config(cfg, auto_fill=True, validate=True)
