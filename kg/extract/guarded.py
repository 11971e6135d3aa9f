"""Pipeline components whose rule may fail on one odd article.

A rule that fails on one article must not cost the build that article's other
facts (or the whole batch), so the failure is logged with the document's size
and the component's attribute is left empty.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from spacy.tokens import Doc

_LOG = logging.getLogger(__name__)


class GuardedComponent:
    """Fills ``doc._.<attribute>`` with ``find(doc)``, or ``[]`` if it raises.

    Example:
        >>> import spacy
        >>> import kg.extract.facts  # declares doc._.roles
        >>> def broken(doc):
        ...     raise ValueError("odd article")
        >>> doc = GuardedComponent("roles", broken)(spacy.blank("xx")("Ông Lavrov phát biểu."))
        >>> doc._.roles
        []
    """

    def __init__(self, attribute: str, find: Callable[[Doc], list]):
        self.attribute, self.find = attribute, find

    def __call__(self, doc: Doc) -> Doc:
        try:
            found = self.find(doc)
        except Exception:  # noqa: BLE001 - see the module docstring
            _LOG.exception("%s extraction failed on a document of %d characters", self.attribute, len(doc.text))
            found = []
        setattr(doc._, self.attribute, found)
        return doc
