"""The reference central platform as a Flask application: create_app(Central(...)) -> Flask.

Routes: the terminal protocol (ingest.py, services.py, applications.py, enrolment.py; written down in
docs/protocol/openapi.json and served at /openapi.json), /health for the kiosk's network monitor, and the
control handle and status page (control.py). With TLS on, every route but /health and /v1/enrol needs a
client certificate. Every error is JSON {"code", "message"} with a stable code.
"""

from __future__ import annotations

from pathlib import Path

from flask import Flask, Response, jsonify
from werkzeug.exceptions import HTTPException

from sync.central import applications, control, enrolment, ingest, services, software
from sync.central.context import Central, require_certificate

OPENAPI = Path(__file__).resolve().parents[2] / "docs" / "protocol" / "openapi.json"


def create_app(ctx: Central, *, openapi: Path = OPENAPI) -> Flask:
    app = Flask("kiosk-central")
    app.config["central"] = ctx
    app.config["MAX_CONTENT_LENGTH"] = ctx.max_blob_bytes + (1 << 20)
    app.before_request(require_certificate)
    for bp in (ingest.bp, services.bp, applications.bp, enrolment.bp, software.bp, control.bp):
        app.register_blueprint(bp)
    with app.app_context():
        for kind in services.BUNDLE_KINDS:
            if ctx.db.read(lambda c, k=kind: c.execute("SELECT 1 FROM bundles WHERE kind = ?", (k,)).fetchone()
                           ) is None:
                services.publish_bundle(ctx, kind, {})

    @app.get("/health")
    def health() -> Response:
        return jsonify(status="ok")

    @app.get("/openapi.json")
    def protocol() -> Response:
        if not openapi.exists():
            return Response('{"code":"openapi.missing","message":"the protocol document is not installed"}',
                            404, mimetype="application/json")
        return Response(openapi.read_bytes(), 200, mimetype="application/json")

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> Response:
        if error.response is not None:  # our own fail(): already JSON with a code
            return error.response
        code = f"http.{(error.name or 'error').lower().replace(' ', '_')}"
        response = jsonify(code=code, message=error.description or error.name)
        response.status_code = error.code or 500
        return response

    return app
