"""veille: who said what, about whom, when, and how sure — attributed knowledge from French news."""
from .analyze import analyze, analyze_documents
from .model import SCHEMA_VERSION, Article
from .nlp.pipeline import load_pipeline

__all__ = ["analyze", "analyze_documents", "Article", "load_pipeline", "SCHEMA_VERSION"]
__version__ = "0.1.0"
