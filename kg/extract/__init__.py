"""Extraction: spaCy components that read actors, roles, dates, meetings and statements."""
