"""The linguistic layer: a spaCy pipeline with veille's components, writing Doc extensions."""
