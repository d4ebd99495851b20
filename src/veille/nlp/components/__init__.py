"""veille's spaCy components; importing this package registers their factories."""
from . import entities, paragraphs, quotes  # noqa: F401
