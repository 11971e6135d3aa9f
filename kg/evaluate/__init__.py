"""Scoring of extraction records against gold annotations (``kg evaluate``).

The rules live in the shared ``SPEC.md``; :mod:`kg.evaluate.scoring` implements them.
"""

from kg.evaluate.scoring import (
    ACCURACIES,
    CATEGORIES,
    Accuracy,
    ArticleDetail,
    CategoryDetail,
    Counts,
    Pair,
    Report,
    load_records,
    normalize,
    score,
    titles_agree,
    token_f1,
)

__all__ = [
    "ACCURACIES",
    "CATEGORIES",
    "Accuracy",
    "ArticleDetail",
    "CategoryDetail",
    "Counts",
    "Pair",
    "Report",
    "load_records",
    "normalize",
    "score",
    "titles_agree",
    "token_f1",
]
