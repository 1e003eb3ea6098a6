"""Local HTTP stubs that answer from the recorded response shapes (tests/fixtures/recorded)."""

from __future__ import annotations

import http.server
import json
import urllib.parse
from pathlib import Path
from typing import Any, ClassVar

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
        self.requests.append(
            {
                "method": self.command,
                "path": parsed.path,
                "params": params,
                "body": body,
                "headers": {k.lower(): v for k, v in self.headers.items()},
            }
        )
        return parsed.path, params

    def log_message(self, *args: Any) -> None:
        pass


class LokiStub(JsonHandler):
    """Serves the recorded payment-api streams, sliced like Loki: [start, end), limit, direction."""

    requests: ClassVar[list[dict[str, Any]]] = []
    selector = '{app="payment-api"}'

    def do_GET(self) -> None:
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
        entries = [
            (int(ts), line, s["stream"])
            for s in payload["data"]["result"]
            for ts, line in s["values"]
            if start <= int(ts) < end
        ]
        entries.sort(key=lambda e: e[0], reverse=params.get("direction", "backward") == "backward")
        entries = entries[:limit]
        streams: dict[str, dict[str, Any]] = {}
        for ts, line, labels in entries:
            key = json.dumps(labels, sort_keys=True)
            streams.setdefault(key, {"stream": labels, "values": []})["values"].append([str(ts), line])
        payload["data"]["result"] = list(streams.values())
        return self.reply(200, payload)


def _status(code: int) -> Any:
    return recorded(f"kubernetes/status_{code}.json")


class KubeStub(JsonHandler):
    """The API paths the Kubernetes backends use, answered from recorded objects (namespace prod)."""

    requests: ClassVar[list[dict[str, Any]]] = []
    token = "k8s-token"
    apps = "/apis/apps/v1/namespaces/prod"
    core = "/api/v1/namespaces/prod"

    def authorised(self) -> bool:
        if self.headers.get("Authorization") == f"Bearer {self.token}":
            return True
        self.reply(
            401,
            {
                "kind": "Status",
                "apiVersion": "v1",
                "status": "Failure",
                "message": "Unauthorized",
                "reason": "Unauthorized",
                "code": 401,
            },
        )
        return False

    def do_GET(self) -> None:
        path, params = self.record()
        if not self.authorised():
            return None
        listing = {
            f"{self.apps}/deployments": "deployments.json",
            f"{self.apps}/statefulsets": "statefulsets.json",
            f"{self.apps}/replicasets": "replicasets.json",
            f"{self.apps}/deployments/payment-api": "deployment_payment-api.json",
            f"{self.apps}/deployments/payment-api/scale": "scale_payment-api.json",
        }
        if path in listing:
            return self.reply(200, recorded(f"kubernetes/{listing[path]}"))
        if path == f"{self.core}/pods":
            pods = recorded("kubernetes/pods_payment-api.json")
            if params.get("labelSelector") != "app=payment-api":
                pods["items"] = []
            if "limit" in params:
                pods["items"] = pods["items"][: int(params["limit"])]
            return self.reply(200, pods)
        if path.startswith(f"{self.core}/pods/") and path.endswith("/log"):
            pod = path.split("/")[-2]
            name = f"log_{pod}.previous.txt" if params.get("previous") == "true" else f"log_{pod}.txt"
            file = RECORDED / "kubernetes" / name
            if not file.exists():
                return self.reply(
                    400,
                    {
                        "kind": "Status",
                        "status": "Failure",
                        "code": 400,
                        "reason": "BadRequest",
                        "message": f'previous terminated container "api" in pod "{pod}" not found',
                    },
                )
            return self.reply(200, file.read_bytes(), "text/plain")
        if path == f"{self.core}/events":
            events = recorded("kubernetes/events.json")
            items, offset = events["items"], int(params.get("continue") or 0)
            limit = int(params.get("limit") or len(items))
            events["items"] = items[offset : offset + limit]
            if offset + limit < len(items):
                events["metadata"]["continue"] = str(offset + limit)
            return self.reply(200, events)
        return self.reply(404, _status(404))

    def do_PATCH(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        path, params = self.record(body)
        self.requests[-1]["content_type"] = self.headers.get("Content-Type")
        if not self.authorised():
            return None
        if path == f"{self.apps}/deployments/user-api":
            return self.reply(403, _status(403))
        if path == f"{self.apps}/deployments/payment-api/scale":
            scale = recorded("kubernetes/scale_payment-api.json")
            scale["spec"]["replicas"] = body["spec"]["replicas"]
            return self.reply(200, scale)
        if path == f"{self.apps}/deployments/payment-api":
            deployment = recorded("kubernetes/deployment_payment-api.json")
            if params.get("dryRun") != "All":
                deployment["metadata"]["generation"] += 1
            return self.reply(200, deployment)
        return self.reply(404, _status(404))
