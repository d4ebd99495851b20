"""The web UI and JSON API: `create_app(store)` for a store object, `create_app_from_path(path)` for a file."""
from .app import create_app, create_app_from_path

__all__ = ["create_app", "create_app_from_path"]
