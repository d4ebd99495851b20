"""veille's spaCy components; importing this package registers their factories."""
from . import claims, entities, events, paragraphs, quotes, times  # noqa: F401
