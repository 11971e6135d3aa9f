"""The Vietnamese spaCy pipeline: tokenizer, sentence splitter, config.

``kg.nlp.pipeline.load_pipeline()`` builds it; the components that read actors,
roles, meetings and statements live in :mod:`kg.extract`.
"""
