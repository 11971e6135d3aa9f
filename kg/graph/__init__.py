"""RDF graph: ontology namespaces, mapping and validation."""
