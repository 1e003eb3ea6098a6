"""The FastAPI application: the API under `/api/v1`, the page for people, health and metrics."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware

from aiops.core.errors import AiopsError
from aiops.safety.secret import derive_key, load_or_create_secret
from aiops.server.service import Service

STATIC = Path(__file__).with_name("static")
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "frame-ancestors 'none'; form-action 'self'; base-uri 'none'")


def create_app(service: Service) -> FastAPI:
    """The application over `service` (its workers start and stop with the app's lifespan)."""
    from aiops.server.api import router as api_router
    from aiops.server.web import router as web_router

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        service.start()
        try:
            yield
        finally:
            service.stop()

    app = FastAPI(title="aiops", version="1", lifespan=lifespan, docs_url="/api/v1/docs",
                  openapi_url="/api/v1/openapi.json", redoc_url=None)
    app.state.svc = service
    key = derive_key(load_or_create_secret(service.home.root), "web-session").hex()
    app.add_middleware(SessionMiddleware, secret_key=key, session_cookie="aiops_session", max_age=12 * 3600,
                       same_site="strict", https_only=(service.settings.public_url or "").startswith("https://"))

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response: Response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "DENY")
        return response

    @app.exception_handler(AiopsError)
    async def bad_input(request: Request, exc: AiopsError) -> JSONResponse:  # noqa: ARG001
        """Errors a user can act on (an unknown env, a bad payload) answer 400 with the message."""
        return JSONResponse({"detail": str(exc)}, status_code=400)

    app.include_router(api_router)
    app.include_router(web_router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
