"""Write the notebooks from this script, so their source is reviewable text.

Run ``python notebooks/make_notebooks.py`` after editing; outputs are never
stored (the test suite executes every notebook from a clean kernel).
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).parent

SETUP = '''import os
from pathlib import Path

# Run from the repository root whether started there or in notebooks/.
if Path.cwd().name == "notebooks":
    os.chdir("..")
BUILD = Path(os.environ.get("KG_NOTEBOOK_BUILD", "build"))'''

BUILD_IF_MISSING = '''from kg.build import build

if not (BUILD / "store").exists():
    build(["sources"], BUILD, progress=False)'''

NOTEBOOKS = {
    "01_build_and_explore.ipynb": [
        new_markdown_cell("# 1. Build the graph from `sources/` and explore it\n\n"
                          "`kg.build.build` is what `kg build` runs: it reads the articles, extracts actors, roles, "
                          "meetings and statements, and writes the RDF graph, the records and the HTML view."),
        new_code_cell(SETUP),
        new_code_cell('''from kg.build import build

summary = build(["sources"], BUILD, progress=False)
print(summary.line())
for what, path in summary.outputs.items():
    print(f"{what:8} {path}")'''),
        new_markdown_cell("## What is in the graph\n\nThe graph is queried with SPARQL; the ontology prefixes (`dip:`, `kgr:`, `rdfs:` ...) are pre-declared."),
        new_code_cell('''import kg

graph = kg.open(BUILD)
graph.to_dataframe("""
SELECT ?type (COUNT(DISTINCT ?x) AS ?count) WHERE {
  ?x a ?type .
  VALUES ?type { dip:Person dip:Country dip:Organization dip:Place dip:Meeting dip:Statement dip:Post dip:Article }
}
GROUP BY ?type ORDER BY DESC(?count)""")'''),
        new_code_cell('''graph.to_dataframe("""
SELECT ?name (COUNT(DISTINCT ?article) AS ?articles) WHERE {
  ?article dip:mentions ?person . ?person a dip:Person ; rdfs:label ?name .
}
GROUP BY ?name ORDER BY DESC(?articles) ?name""")'''),
        new_markdown_cell("## One article's record\n\nThe records in `build/records/` follow the shared SPEC and are read back from the graph."),
        new_code_cell('''import json

record = json.loads(sorted((BUILD / "records").glob("*.json"))[0].read_text(encoding="utf-8"))
print(record["article"], record["date"])
[(e["name"], e["type"]) for e in record["entities"]][:10]'''),
    ],
    "02_competency_questions.ipynb": [
        new_markdown_cell("# 2. Competency questions in SPARQL\n\nEach query of the library (`kg query --list`) answers one question an analyst asks; "
                          "here each runs from Python and comes back as a pandas DataFrame."),
        new_code_cell(SETUP),
        new_code_cell(BUILD_IF_MISSING),
        new_code_cell('''import kg
from kg.query import library

graph = kg.open(BUILD)
for name in library.names():
    print(f"{name:20} {library.description(name)}")'''),
        new_markdown_cell("## Who met whom"),
        new_code_cell('graph.to_dataframe(library.text("who_met_whom"))'),
        new_markdown_cell("## One actor's timeline and one person's statements\n\nParameters are bound as RDF literals, never pasted into the query."),
        new_code_cell('graph.to_dataframe(library.text("actor_timeline"), {"actor": "Vladimir Putin"})'),
        new_code_cell('graph.to_dataframe(library.text("statements_by"), {"speaker": "Dmitry Peskov"})'),
        new_markdown_cell("## Posts, planned versus held meetings, quotes about security"),
        new_code_cell('graph.to_dataframe(library.text("posts"))'),
        new_code_cell('graph.to_dataframe(library.text("planned_vs_held"))'),
        new_code_cell('graph.to_dataframe(library.text("quotes_mentioning"), {"term": "an ninh"})'),
    ],
    "03_network_analysis.ipynb": [
        new_markdown_cell("# 3. Network analysis\n\nActors linked by the meetings they share, with networkx: centrality, communities, "
                          "a timeline of meetings, and the interactive pyvis view inline."),
        new_code_cell(SETUP),
        new_code_cell(BUILD_IF_MISSING),
        new_code_cell('''import networkx as nx

import kg
from kg.query import library

graph = kg.open(BUILD)
pairs = graph.query(library.text("co_occurrence"))
G = nx.Graph()
for row in pairs:
    G.add_edge(row["aLabel"], row["bLabel"], weight=int(row["events"]))
print(G.number_of_nodes(), "actors,", G.number_of_edges(), "links")'''),
        new_markdown_cell("## Who is central"),
        new_code_cell('''import pandas as pd

pd.DataFrame({
    "degree": nx.degree_centrality(G),
    "betweenness": nx.betweenness_centrality(G),
}).sort_values("degree", ascending=False).head(10)'''),
        new_markdown_cell("## Communities (greedy modularity)"),
        new_code_cell('''from networkx.algorithms.community import greedy_modularity_communities

communities = greedy_modularity_communities(G, weight="weight") if G.number_of_edges() else []
[sorted(c) for c in communities]'''),
        new_markdown_cell("## Meeting timeline"),
        new_code_cell('''import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

meetings = graph.to_dataframe("""
SELECT DISTINCT ?meeting ?date ?kind WHERE {
  ?meeting a dip:Meeting , ?k ; dip:date ?date . FILTER (?k != dip:Meeting)
  BIND (STRAFTER(STR(?k), "#") AS ?kind)
}""")
if len(meetings):
    meetings["when"] = pd.to_datetime(meetings["date"], format="ISO8601")  # "2025", "2025-12", "2025-12-29"
    fig, ax = plt.subplots(figsize=(8, 3))
    for i, (kind, group) in enumerate(meetings.groupby("kind")):
        ax.scatter(group["when"], [i] * len(group), label=kind)
    ax.set_yticks(range(meetings["kind"].nunique()), sorted(meetings["kind"].unique()))
    ax.set_title("Meetings by date")
    fig.autofmt_xdate()
meetings.sort_values("date")'''),
        new_markdown_cell("## The interactive view inline"),
        new_code_cell('''from IPython.display import IFrame

IFrame(str(BUILD / "graph.html"), width="100%", height=600)'''),
    ],
}


def main() -> None:
    for name, cells in NOTEBOOKS.items():
        nb = new_notebook(cells=cells, metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
        for i, cell in enumerate(nb.cells):
            cell["id"] = f"cell-{i}"
        nbformat.write(nb, HERE / name)


if __name__ == "__main__":
    main()
