"""Doc extensions through which the fact components hand over their results.

The extractor sets ``doc._.article_date`` before the components run; the role,
meeting and statement components fill ``doc._.roles``, ``doc._.meetings`` and
``doc._.statements`` with :mod:`kg.extract.model` objects.
"""

from __future__ import annotations

from spacy.tokens import Doc

for _name in ("article_date", "roles", "meetings", "statements"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
