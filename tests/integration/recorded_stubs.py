"""Local HTTP stubs that answer from the recorded response shapes (tests/fixtures/recorded)."""

from __future__ import annotations

import http.server
import json
import urllib.parse
from pathlib import Path
from typing import Any

RECORDED = Path(__file__).resolve().parents[1] / "fixtures" / "recorded"


def recorded(name: str) -> Any:
    return json.loads((RECORDED / name).read_text(encoding="utf-8"))


class JsonHandler(http.server.BaseHTTPRequestHandler):
    """Base handler: JSON replies, request log on the class."""

    requests: list[dict[str, Any]]

    def reply(self, status: int, body: Any, content_type: str = "application/json") -> None:
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def record(self, body: Any = None) -> tuple[str, dict[str, str]]:
        parsed = urllib.parse.urlparse(self.path)
        params = dict(urllib.parse.parse_qsl(parsed.query))
        self.requests.append({"method": self.command, "path": parsed.path, "params": params, "body": body,
                              "headers": {k.lower(): v for k, v in self.headers.items()}})
        return parsed.path, params

    def log_message(self, *args: Any) -> None:
        pass


class LokiStub(JsonHandler):
    """Serves the recorded payment-api streams, sliced like Loki: [start, end), limit, direction."""

    requests: list[dict[str, Any]] = []
    selector = '{app="payment-api"}'

    def do_GET(self) -> None:  # noqa: N802
        path, params = self.record()
        if path == "/loki/api/v1/labels":
            return self.reply(200, recorded("loki/labels.json"))
        if path != "/loki/api/v1/query_range":
            return self.reply(404, b"404 page not found\n", "text/plain")
        query = params.get("query", "")
        if query.startswith("rate("):
            return self.reply(200, recorded("loki/query_range_matrix.json"))
        if not query.startswith("{"):
            return self.reply(400, (RECORDED / "loki/query_range_400.txt").read_bytes(), "text/plain")
        payload = recorded("loki/query_range_streams.json")
        if not query.startswith(self.selector):
            payload["data"]["result"] = []
            return self.reply(200, payload)
        start, end, limit = int(params["start"]), int(params["end"]), int(params.get("limit", 100))
        entries = [(int(ts), line, s["stream"]) for s in payload["data"]["result"] for ts, line in s["values"]
                   if start <= int(ts) < end]
        entries.sort(key=lambda e: e[0], reverse=params.get("direction", "backward") == "backward")
        entries = entries[:limit]
        streams: dict[str, dict[str, Any]] = {}
        for ts, line, labels in entries:
            key = json.dumps(labels, sort_keys=True)
            streams.setdefault(key, {"stream": labels, "values": []})["values"].append([str(ts), line])
        payload["data"]["result"] = list(streams.values())
        return self.reply(200, payload)
