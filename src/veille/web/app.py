"""The FastAPI application: wires the store, the JSON and HTML routes, one error shape, security headers."""
from __future__ import annotations

import threading
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from . import api, views

STATIC_DIR = Path(__file__).parent / "static"
SECURITY_HEADERS = {
    "Content-Security-Policy": ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
                                "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api")


def error_response(request: Request, status: int, message: str, headers=None):
    """The one error shape: JSON for /api, a friendly HTML page elsewhere."""
    if wants_json(request):
        return JSONResponse({"ok": False, "error": message, "status": status}, status, headers=headers)
    return views.render(request, "error.html", status=status, code=status, message=message)


async def on_http_error(request: Request, exc: HTTPException):
    return error_response(request, exc.status_code, str(exc.detail), getattr(exc, "headers", None))


async def on_validation_error(request: Request, exc: RequestValidationError):
    message = "; ".join(f"{err['loc'][-1]}: {err['msg']}" for err in exc.errors())
    return error_response(request, 400, message or "invalid request")


async def on_crash(request: Request, exc: Exception):
    return error_response(request, 500, "internal error")


def create_app(store, *, close_store: bool = False) -> FastAPI:
    """The web app over `store` (anything honouring veille.store.base.Store); closes it on shutdown if asked."""

    @asynccontextmanager
    async def lifespan(app):
        yield
        if close_store:
            store.close()

    app = FastAPI(title="veille", docs_url=None, redoc_url=None, openapi_url="/api/openapi.json",
                  lifespan=lifespan)
    app.state.store = store
    app.add_exception_handler(HTTPException, on_http_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(Exception, on_crash)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.include_router(api.router)
    app.include_router(views.router)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    return app


class LazyStore:
    """A store opened on first use, so creating the app never touches the disk."""

    def __init__(self, path):
        self.path, self._store, self._lock = path, None, threading.Lock()

    def _open(self):
        with self._lock:
            if self._store is None:
                from ..store import open_store
                self._store = open_store(self.path)
        return self._store

    def __getattr__(self, name):
        return getattr(self._open(), name)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()


def create_app_from_path(path) -> FastAPI:
    """The web app over the SQLite store at `path`, opened lazily and closed on shutdown."""
    return create_app(LazyStore(path), close_store=True)
