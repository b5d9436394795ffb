"""Starts a demo desk on a temporary database and saves screenshots of every page (English and
Arabic, desktop and phone) to docs/screenshots/. Run it with scripts/screenshots."""

import os
import pathlib
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "blackbox"))
os.environ.setdefault("HELPDESK_BINARY", str(ROOT / ".build" / "debug" / "helpdesk"))

from playwright.sync_api import expect, sync_playwright  # noqa: E402

from helpdesk_server import Server  # noqa: E402
from web_pages import DESKTOP, PHONE, chromium_path, open_page, ticket_item  # noqa: E402
from webhook_receiver import Receiver  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
ACCOUNTS = {
    "admin": ("admin@demo.helpdesk", "demo-admin-pass"),
    "agent": ("agent@demo.helpdesk", "demo-agent-pass"),
    "customer": ("customer@demo.helpdesk", "demo-customer-pass"),
}


def add_conversation(server, receiver):
    """A little more life than the demo seed: a CRM endpoint, then replies both ways on the first ticket."""
    tokens = {}
    for role, (email, password) in ACCOUNTS.items():
        with server.client() as client:
            tokens[role] = client.post("/api/auth/login", json={"email": email, "password": password}).json()["token"]
    customer, agent = server.client(tokens["customer"]), server.client(tokens["agent"])
    server.client(tokens["admin"]).post("/api/webhooks", json={
        "url": receiver.url, "description": "CRM sync", "events": ["ticket.created", "message.created", "ticket.assigned"]})
    ticket = customer.get("/api/user/tickets", params={"q": "printer"}).json()["tickets"][0]
    customer.post(f"/api/tickets/{ticket['id']}/messages", json={"content": "Thanks! It was card ending 4242, on 3 November."})
    agent.post(f"/api/tickets/{ticket['id']}/messages", json={"content": "Found it: the second charge is refunded and should show within 3–5 days."})
    customer.post(f"/api/tickets/{ticket['id']}/messages", json={"content": "Perfect, thank you!"})
    receiver.wait_for(4)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as directory:
        database = f"sqlite:{directory}/helpdesk.sqlite"
        receiver = Receiver(answer=lambda n: 503 if n == 1 else 200)
        environment = {"HELPDESK_PUBLIC_DIR": str(ROOT / "Public"), "HELPDESK_WEBHOOK_ALLOW_PRIVATE": "true",
                       "HELPDESK_WEBHOOK_FIRST_RETRY_MS": "100"}
        server = Server(database, extra_args=["--demo"], env=environment).start()
        try:
            add_conversation(server, receiver)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=chromium_path(), args=["--no-sandbox"])
                for language in ("en", "ar"):
                    for device, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
                        shoot(browser, server, language, device, viewport)
                browser.close()
        finally:
            server.stop()
            receiver.close()


def shoot(browser, server, language, device, viewport):
    def save(page, name):
        page.screenshot(path=str(OUT / f"{name}-{language}-{device}.png"))

    context = browser.new_context(viewport=viewport, base_url=server.url)
    context.add_init_script(f"localStorage.setItem('helpdesk.language', '{language}')")
    page = context.new_page()
    page.goto("/login")
    expect(page.locator("body")).to_have_attribute("data-ready", "true")
    save(page, "login")
    context.close()

    for role, path, name in (("agent", "/admin/tickets", "console"), ("customer", "/user/support", "support")):
        page = open_page(browser, server, *ACCOUNTS[role], path, language=language, viewport=viewport)
        if device == "phone":
            save(page, name + "-list")
        if name == "console":
            expect(page.locator("ticket-sidebar [data-count=total]").first).not_to_be_empty()
        ticket_item(page, "printer invoice").click()
        expect(page.locator("ticket-chat .message").last).to_be_visible()
        save(page, name)
        page.context.close()

    for path, name in (("/admin/reports", "reports"), ("/admin/users", "users"), ("/admin/sla", "sla"), ("/admin/webhooks", "webhooks")):
        page = open_page(browser, server, *ACCOUNTS["admin"], path, language=language, viewport=viewport)
        if name == "webhooks":
            page.locator(".webhooks tbody tr button").first.click()
            expect(page.locator(".delivery-log tbody tr").first).to_be_visible()
        save(page, name)
        page.context.close()


if __name__ == "__main__":
    main()
