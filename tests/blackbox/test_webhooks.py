"""Webhooks: admins register endpoints; deliveries are queued with the change, signed, sent in order,
retried with backoff, logged, and sent at least once even when the server is killed mid-delivery."""

import time

import pytest
from playwright.sync_api import expect

from conftest import ADMIN_EMAIL, ADMIN_PASSWORD, open_ticket, sign_in
from helpdesk_server import Server, new_database, run_cli
from web_pages import PHONE, has_horizontal_overflow, open_page
from webhook_receiver import Receiver

SECRET = "test-secret-with-enough-length"
FAST_RETRIES = {"HELPDESK_WEBHOOK_ALLOW_PRIVATE": "true", "HELPDESK_WEBHOOK_FIRST_RETRY_MS": "100"}


class Desk:
    """A server of its own (loopback endpoints need allowing) with an admin, an agent and a customer."""

    def __init__(self, tmp_path, env):
        self.database = new_database(tmp_path)
        self.env = env
        run_cli("user", "add", "--database", self.database, "--email", ADMIN_EMAIL, "--name", "Admin", "--role", "admin",
                "--password", ADMIN_PASSWORD)
        for role in ("agent", "customer"):
            run_cli("user", "add", "--database", self.database, "--email", f"{role}@hooks.test", "--name", role.title(),
                    "--role", role, "--password", f"password-{role}")
        self.start()

    def start(self):
        self.server = Server(self.database, env=self.env).start()
        self.admin = sign_in(self.server, ADMIN_EMAIL, ADMIN_PASSWORD)
        self.agent = sign_in(self.server, "agent@hooks.test", "password-agent")
        self.customer = sign_in(self.server, "customer@hooks.test", "password-customer")

    def register(self, url, events=("ticket.created", "ticket.updated", "message.created", "ticket.assigned")):
        response = self.admin.http.post("/api/webhooks", json={"url": url, "secret": SECRET, "events": list(events)})
        assert response.status_code == 201, response.text
        return response.json()

    def deliveries(self, webhook):
        response = self.admin.http.get(f"/api/webhooks/{webhook['id']}/deliveries")
        assert response.status_code == 200, response.text
        return response.json()["deliveries"]

    def settled_deliveries(self, webhook, timeout=15):
        """The log once nothing in it is pending: a delivery is recorded just after its receiver answered,
        and the log is the only place that shows it, so this watches the log."""
        deadline = time.monotonic() + timeout
        while True:
            log = self.deliveries(webhook)
            if all(delivery["status"] != "pending" for delivery in log):
                return log
            assert time.monotonic() < deadline, f"deliveries still pending: {log}"
            time.sleep(0.05)


@pytest.fixture()
def desk(tmp_path):
    desk = Desk(tmp_path, FAST_RETRIES)
    yield desk
    desk.server.stop()


@pytest.fixture()
def receiver():
    receivers = []

    def make(**behaviour):
        receivers.append(Receiver(**behaviour))
        return receivers[-1]

    yield make
    for each in receivers:
        each.close()


def converse(desk):
    """A ticket's life: opened, answered, assigned, prioritised, resolved. Returns the ticket."""
    ticket = open_ticket(desk.customer, title="Webhook me")
    path = f"/api/tickets/{ticket['id']}"
    assert desk.agent.http.post(f"{path}/messages", json={"content": "On it"}).status_code == 201
    assert desk.agent.http.patch(path, json={"assigneeId": desk.agent.id}).status_code == 200
    assert desk.agent.http.patch(path, json={"priority": "urgent", "status": "resolved"}).status_code == 200
    return ticket


# Assigning an open ticket also moves it to pending: that is the first ticket.updated.
EXPECTED = ["ticket.created", "message.created", "ticket.assigned", "ticket.updated", "ticket.updated"]


def test_a_receiver_gets_signed_deliveries_in_order(desk, receiver):
    endpoint = receiver()
    webhook = desk.register(endpoint.url)
    assert webhook["secret"] == SECRET and webhook["events"] == sorted(set(EXPECTED))
    ticket = converse(desk)
    got = endpoint.wait_for(len(EXPECTED))
    assert [d.event for d in got] == EXPECTED
    for delivery in got:
        assert delivery.signature_verifies(SECRET)
        assert not delivery.signature_verifies("some-other-secret-of-length")
        assert delivery.headers["content-type"] == "application/json"
        assert delivery.headers["x-helpdesk-event"] == delivery.event
        assert delivery.headers["x-helpdesk-event-id"] == delivery.json["id"]
        assert delivery.json["data"]["ticket"]["id"] == ticket["id"]
    assert [int(d.headers["x-helpdesk-delivery"]) for d in got] == sorted(int(d.headers["x-helpdesk-delivery"]) for d in got)
    created, message, assigned, pending, updated = (d.json["data"] for d in got)
    assert [(c["action"], c["from"], c["to"]) for c in pending["changes"]] == [("status_changed", "open", "pending")]
    assert created["messages"][0]["content"] == "Smoke everywhere"
    assert message["message"]["content"] == "On it" and message["message"]["sender"] == "agent"
    assert assigned["activity"]["action"] == "assigned" and assigned["ticket"]["assigneeId"] == desk.agent.id
    assert {c["action"] for c in updated["changes"]} == {"priority_changed", "status_changed"}
    assert updated["ticket"]["status"] == "resolved"

    log = desk.settled_deliveries(webhook)
    assert [d["eventType"] for d in reversed(log)] == EXPECTED
    assert all(d["status"] == "delivered" and d["responseStatus"] == 200 and d["attempts"] == 1 for d in log)


def test_a_tampered_body_or_timestamp_does_not_verify(desk, receiver):
    endpoint = receiver()
    desk.register(endpoint.url, events=["ticket.created"])
    open_ticket(desk.customer)
    (delivery,) = endpoint.wait_for(1)
    assert delivery.signature_verifies(SECRET)
    delivery.body = delivery.body.replace(b"Smoke", b"Smoky")
    assert not delivery.signature_verifies(SECRET)
    delivery.body = delivery.body.replace(b"Smoky", b"Smoke")
    delivery.headers["x-helpdesk-timestamp"] = str(int(delivery.headers["x-helpdesk-timestamp"]) + 1)
    assert not delivery.signature_verifies(SECRET)


def test_an_endpoint_failing_three_times_gets_everything_in_order_after_retries(desk, receiver):
    endpoint = receiver(answer=lambda n: 500 if n < 3 else 200)
    webhook = desk.register(endpoint.url)
    converse(desk)
    got = endpoint.wait_for(3 + len(EXPECTED))
    assert [d.event for d in got] == ["ticket.created"] * 4 + EXPECTED[1:]
    assert len({d.json["id"] for d in got[:4]}) == 1
    assert all(d.signature_verifies(SECRET) for d in got)
    first = desk.settled_deliveries(webhook)[-1]
    assert first["eventType"] == "ticket.created"
    assert first["status"] == "delivered" and first["attempts"] == 4 and first["responseStatus"] == 200


def test_a_delivery_cut_off_by_sigkill_is_sent_after_restart(desk, receiver):
    endpoint = receiver(hold=lambda n: n == 0)
    desk.register(endpoint.url)
    converse(desk)
    (held,) = endpoint.wait_for(1)
    assert held.event == "ticket.created"
    desk.server.kill()
    endpoint.release()
    desk.start()
    got = endpoint.wait_for(1 + len(EXPECTED))
    assert [d.event for d in got] == ["ticket.created"] + EXPECTED
    assert got[1].json["id"] == held.json["id"]
    assert got[1].headers["x-helpdesk-delivery"] == held.headers["x-helpdesk-delivery"]
    assert all(d.signature_verifies(SECRET) for d in got)


def test_only_admins_manage_webhooks_and_bad_endpoints_are_refused(server, admin, agent, customer_a):
    """The shared server does not allow private targets, as a default install."""
    body = {"url": "https://hooks.example.invalid/helpdesk", "events": ["ticket.created"]}
    for actor in (agent, customer_a):
        assert actor.http.get("/api/webhooks").status_code == 403
        assert actor.http.post("/api/webhooks", json=body).status_code == 403

    for url, reason in [
        ("ftp://example.com/hooks", "http:// or https://"),
        ("not a url", "absolute URL"),
        ("https://user:pass@example.com/hooks", "user name or password"),
        ("http://127.0.0.1:9/hooks", "private or loopback"),
        ("http://localhost/hooks", "private or loopback"),
        ("http://[::1]/hooks", "private or loopback"),
        ("http://10.1.2.3/hooks", "private or loopback"),
        ("http://169.254.169.254/latest/meta-data", "private or loopback"),
        ("http://[::ffff:192.168.1.1]/hooks", "private or loopback"),
    ]:
        response = admin.http.post("/api/webhooks", json={**body, "url": url})
        assert response.status_code == 400, (url, response.text)
        error = response.json()["error"]
        assert error["code"] == "VALIDATION_FAILED" and reason in error["message"], (url, error)
    for change, field in [({"events": []}, "events"), ({"events": ["ticket.exploded"]}, "events"),
                          ({"secret": "short"}, "secret"), ({"url": None}, "url")]:
        response = admin.http.post("/api/webhooks", json={**body, **change})
        assert response.status_code == 400 and response.json()["error"]["message"].startswith(field), response.text

    created = admin.http.post("/api/webhooks", json=body)
    assert created.status_code == 201, created.text
    webhook = created.json()
    assert len(webhook["secret"]) >= 32 and webhook["isActive"] is True
    listed = admin.http.get("/api/webhooks").json()
    assert "rating.created" in listed["eventTypes"]
    shown = next(w for w in listed["webhooks"] if w["id"] == webhook["id"])
    assert "secret" not in shown
    changed = admin.http.patch(f"/api/webhooks/{webhook['id']}", json={"isActive": False, "description": "CRM sync"})
    assert changed.status_code == 200 and changed.json()["isActive"] is False and "secret" not in changed.json()
    assert admin.http.patch(f"/api/webhooks/{webhook['id']}", json={"url": "http://127.0.0.1/x"}).status_code == 400
    assert admin.http.get(f"/api/webhooks/{webhook['id']}/deliveries?limit=0").status_code == 400
    assert admin.http.delete(f"/api/webhooks/{webhook['id']}").status_code == 204
    assert admin.http.get(f"/api/webhooks/{webhook['id']}").status_code == 404
    assert admin.http.delete(f"/api/webhooks/{webhook['id']}").status_code == 404


def test_a_failed_delivery_can_be_queued_again(tmp_path, receiver):
    desk = Desk(tmp_path, {**FAST_RETRIES, "HELPDESK_WEBHOOK_RETRY_HOURS": "0"})
    try:
        endpoint = receiver(answer=lambda n: 503 if n == 0 else 200)
        webhook = desk.register(endpoint.url, events=["ticket.created"])
        open_ticket(desk.customer, title="first")
        open_ticket(desk.customer, title="second")
        got = endpoint.wait_for(2)
        assert [d.json["data"]["ticket"]["title"] for d in got] == ["first", "second"]
        failed, delivered = reversed(desk.settled_deliveries(webhook))
        assert failed["status"] == "failed" and failed["responseStatus"] == 503 and failed["lastError"] == "answered HTTP 503"
        assert delivered["status"] == "delivered"
        again = desk.admin.http.post(f"/api/webhooks/{webhook['id']}/deliveries/{failed['id']}/redeliver")
        assert again.status_code == 200 and again.json()["status"] == "pending"
        (third,) = endpoint.wait_for(3)[2:]
        assert third.json["data"]["ticket"]["title"] == "first"
        assert desk.admin.http.post(f"/api/webhooks/{webhook['id']}/deliveries/{delivered['id']}/redeliver").status_code == 200
    finally:
        desk.server.stop()


def test_an_admin_manages_endpoints_and_reads_the_log_on_the_webhooks_page(browser, desk, receiver):
    endpoint = receiver(answer=lambda n: 503 if n == 0 else 200)
    page = open_page(browser, desk.server, ADMIN_EMAIL, ADMIN_PASSWORD, "/admin/webhooks")
    expect(page.locator(".webhooks + .empty")).to_be_visible()
    page.locator("input[name=url]").fill(endpoint.url)
    page.locator("input[name=description]").fill("CRM <b>sync</b>")
    for unwanted in ("ticket.updated", "ticket.assigned", "sla.warning", "sla.breached"):
        page.locator(f"input[name=events][value='{unwanted}']").uncheck()
    expect(page.locator("input[name=events][value='rating.created']")).not_to_be_checked()
    page.locator("form.add-webhook button[type=submit]").click()
    expect(page.locator(".notice.success")).to_contain_text("shown only once")
    (webhook,) = desk.admin.http.get("/api/webhooks").json()["webhooks"]
    assert webhook["events"] == ["message.created", "ticket.created"] and webhook["description"] == "CRM <b>sync</b>"
    secret = page.locator(".notice.success").inner_text().split("secret is ")[1].split(" ")[0]
    row = page.locator(f".webhooks tr[data-id='{webhook['id']}']")
    expect(row).to_contain_text("CRM <b>sync</b>")
    expect(row).to_contain_text("Active")

    ticket = open_ticket(desk.customer, title="Seen by the CRM")
    assert desk.agent.http.post(f"/api/tickets/{ticket['id']}/messages", json={"content": "Hello"}).status_code == 201
    got = endpoint.wait_for(3)
    assert [d.event for d in got] == ["ticket.created", "ticket.created", "message.created"]
    assert all(d.signature_verifies(secret) for d in got)
    row.get_by_role("button", name="Deliveries").click()
    log = page.locator(".delivery-log")
    expect(log.locator("tbody tr")).to_have_count(2)
    expect(log.locator("tbody tr").first).to_contain_text("message.created")
    created = log.locator("tbody tr").nth(1)
    expect(created).to_contain_text("Delivered")
    expect(created.locator("td").nth(3)).to_have_text("2")
    expect(created.locator("td").nth(4)).to_have_text("200")

    created.get_by_role("button", name="Send again").click()
    (again,) = endpoint.wait_for(4)[3:]
    assert again.json["id"] == got[0].json["id"]

    row.get_by_role("button", name="Pause").click()
    expect(row).to_contain_text("Paused")
    assert desk.admin.http.get(f"/api/webhooks/{webhook['id']}").json()["isActive"] is False
    row.get_by_role("button", name="Remove").click()
    assert page.dialogs and endpoint.url in page.dialogs[-1]
    expect(row).to_be_visible()
    assert page.errors == []

    arabic = open_page(browser, desk.server, ADMIN_EMAIL, ADMIN_PASSWORD, "/admin/webhooks", language="ar", viewport=PHONE)
    expect(arabic.locator("html")).to_have_attribute("dir", "rtl")
    expect(arabic.locator(f".webhooks tr[data-id='{webhook['id']}']")).to_contain_text("موقوف")
    assert not has_horizontal_overflow(arabic)
    for each in (page, arabic):
        each.context.close()


def test_an_endpoint_that_does_not_answer_in_time_is_tried_again(tmp_path, receiver):
    desk = Desk(tmp_path, {**FAST_RETRIES, "HELPDESK_WEBHOOK_TIMEOUT_SECONDS": "1"})
    try:
        endpoint = receiver(hold=lambda n: n == 0)
        webhook = desk.register(endpoint.url, events=["ticket.created"])
        open_ticket(desk.customer)
        first, second = endpoint.wait_for(2)
        assert first.json["id"] == second.json["id"]
        (delivered,) = desk.settled_deliveries(webhook)
        assert delivered["status"] == "delivered" and delivered["attempts"] == 2
    finally:
        endpoint.release()
        desk.server.stop()


def test_the_address_is_checked_again_on_every_attempt(tmp_path, receiver):
    desk = Desk(tmp_path, FAST_RETRIES)
    endpoint = receiver()
    webhook = desk.register(endpoint.url, events=["ticket.created"])
    desk.server.stop()
    desk.env = {"HELPDESK_WEBHOOK_FIRST_RETRY_MS": "100"}
    desk.start()
    try:
        open_ticket(desk.customer)
        # Nothing reaches the receiver, so the delivery log is what there is to watch.
        deadline = time.monotonic() + 15
        while (delivery := desk.deliveries(webhook)[0])["attempts"] < 2:
            assert time.monotonic() < deadline, f"the delivery was not tried twice: {delivery}"
            time.sleep(0.05)
        assert delivery["status"] == "pending" and delivery.get("responseStatus") is None
        assert delivery["lastError"] == "refused: 127.0.0.1 is a private or loopback address"
        assert endpoint.deliveries == []
    finally:
        desk.server.stop()


def test_a_rating_is_delivered_as_rating_created(desk, receiver):
    endpoint = receiver()
    desk.register(endpoint.url, events=["rating.created"])
    ticket = open_ticket(desk.customer, title="Rated")
    assert desk.agent.http.patch(f"/api/tickets/{ticket['id']}", json={"status": "resolved"}).status_code == 200
    assert desk.customer.http.put(f"/api/tickets/{ticket['id']}/rating", json={"score": 5, "comment": "Great"}).status_code == 200
    (delivery,) = endpoint.wait_for(1)
    assert delivery.event == "rating.created" and delivery.signature_verifies(SECRET)
    rating = delivery.json["data"]["rating"]
    assert (rating["score"], rating["comment"], rating["current"]) == (5, "Great", True)
    assert delivery.json["data"]["ticket"]["status"] == "resolved"
