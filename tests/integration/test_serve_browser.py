"""The incident page in a real headless Chromium (Debian's package, driven by Playwright): open the
incident, watch the live investigation pause for approval, click approve, see it resolved.

Set AIOPS_UPDATE_SCREENSHOT=1 to refresh docs/serve-incident.png (the README's screenshot)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.unit.server.harness import serve

from .servers import require, require_module

pytestmark = pytest.mark.integration
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
DOCS_PNG = Path(__file__).resolve().parents[2] / "docs" / "serve-incident.png"


def test_approve_in_the_browser(tmp_path):
    chromium = require("chromium")
    require_module("playwright")
    from playwright.sync_api import expect, sync_playwright

    with serve(tmp_path / "state") as srv, srv.client() as api, sync_playwright() as pw:
        incident = api.post("/api/v1/incidents", json={
            "alert": "payment-api 503s, error rate 1% -> 23% in 10 minutes, customers see failed payments",
            "service": "payment-api"}).json()["incident_id"]
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(f"{srv.url}/incidents")
        expect(page.locator(f"a[href='/incidents/{incident}']")).to_be_visible()
        page.click(f"a[href='/incidents/{incident}']")
        expect(page.locator("#approve")).to_be_visible(timeout=90_000)
        expect(page.locator("#status")).to_have_text("awaiting_approval")
        expect(page.locator("#pending-action")).to_have_text("reset_connection_pool")
        expect(page.locator("#steps li[data-kind='agent']").first).to_be_visible()
        assert page.locator("#steps li").count() > 10
        assert page.locator("#steps li[data-kind='approval']").count() == 1
        expect(page.locator(".rootcause")).to_contain_text("connection_pool_exhaustion")
        shot = tmp_path / "incident.png"
        page.screenshot(path=str(shot), full_page=True)
        if os.environ.get("AIOPS_UPDATE_SCREENSHOT"):
            shutil.copyfile(shot, DOCS_PNG)
        page.click("#approve")
        expect(page.locator(".done")).to_be_visible()
        expect(page.locator("#status")).to_have_text("resolved", timeout=90_000)
        expect(page.locator("#recovered")).to_have_text("recovered")
        expect(page.locator("#report")).to_contain_text("connection")
        expect(page.locator("#stream-state")).to_have_text("investigation finished")
        assert page.locator("#steps li[data-kind='result']").count() == 1
        browser.close()
        assert not [e for e in errors if "Content Security Policy" in e], errors
        done = api.get(f"/api/v1/incidents/{incident}").json()
        assert done["status"] == "resolved" and done["actions"][0]["decision"] == "approved"
