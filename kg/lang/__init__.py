"""Language data for the extractor: lexicons per language under ``kg/lang/<lang>/``.

The Vietnamese lexicons live in ``kg/lang/vi/*.tsv`` (described in
``kg/lang/vi/README.md``) and are read through :func:`kg.lang.lexicons.load`.
"""
