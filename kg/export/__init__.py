"""Exports of the built graph for triple stores, Protégé, Gephi, spreadsheets."""
