"""The SLA policy over the API: who may read and change it, validation, and that new deadlines follow it."""

import time
from datetime import datetime, timedelta, timezone

import pytest

from conftest import ADMIN_EMAIL, ADMIN_PASSWORD
from helpdesk_server import Server, new_database, query_database, run_cli
from live_client import LiveClient
from playwright.sync_api import expect
from web_pages import open_page

HOUR = 3600
DEFAULTS = {"urgent": (1, 1, 4), "high": (4, 4, 12), "medium": (8, 8, 24), "low": (24, 24, 72)}


def parse_time(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def policy(targets, business_hours=None):
    return {
        "targets": {priority: {"firstResponseSeconds": first, "nextResponseSeconds": following, "resolutionSeconds": resolution}
                    for priority, (first, following, resolution) in targets.items()},
        "businessHours": business_hours,
    }


@pytest.fixture()
def desk(tmp_path):
    """A server of its own (the policy is desk-wide), with an admin, an agent and a customer."""
    database = new_database(tmp_path)
    run_cli("user", "add", "--database", database, "--email", ADMIN_EMAIL, "--name", "Admin", "--role", "admin", "--password", ADMIN_PASSWORD)
    for role in ("agent", "customer"):
        run_cli("user", "add", "--database", database, "--email", f"{role}@sla.test", "--name", role.title(), "--role", role,
                "--password", f"password-{role}")
    server = Server(database).start()
    yield server
    server.stop()


def client(server, email, password):
    with server.client() as anonymous:
        token = anonymous.post("/api/auth/login", json={"email": email, "password": password}).json()["token"]
    return server.client(token)


def test_staff_read_the_policy_and_only_admins_change_it(desk):
    admin = client(desk, ADMIN_EMAIL, ADMIN_PASSWORD)
    agent = client(desk, "agent@sla.test", "password-agent")
    customer = client(desk, "customer@sla.test", "password-customer")
    shown = agent.get("/api/sla-policies").json()
    assert {priority: (t["firstResponseSeconds"] / HOUR, t["nextResponseSeconds"] / HOUR, t["resolutionSeconds"] / HOUR)
            for priority, t in shown["targets"].items()} == DEFAULTS
    assert shown.get("businessHours") is None
    assert customer.get("/api/sla-policies").status_code == 403
    assert agent.put("/api/sla-policies", json=shown).status_code == 403

    faster = policy({**{p: (v[0] * HOUR, v[1] * HOUR, v[2] * HOUR) for p, v in DEFAULTS.items()}, "urgent": (600, 900, 7200)},
                    {"timeZone": "Asia/Riyadh", "intervals": [{"day": day, "start": "00:00", "end": "24:00"}
                                                               for day in ("sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday")],
                     "holidays": []})
    saved = admin.put("/api/sla-policies", json=faster)
    assert saved.status_code == 200, saved.text
    assert saved.json()["businessHours"]["timeZone"] == "Asia/Riyadh"
    ticket = customer.post("/api/user/tickets", json={"title": "Down", "category": "general", "priority": "urgent", "content": "All down"}).json()
    created = parse_time(ticket["createdAt"])
    assert parse_time(ticket["firstResponseDue"]) - created == timedelta(seconds=600)
    assert parse_time(ticket["slaDeadline"]) - created == timedelta(seconds=7200)


@pytest.mark.parametrize("change,field", [
    (lambda body: body["targets"].pop("low"), "targets.low"),
    (lambda body: body["targets"]["high"].update(resolutionSeconds=0), "targets.high.resolution"),
    (lambda body: body.update(businessHours={"timeZone": "Mars/Olympus", "intervals": []}), "businessHours.timeZone"),
    (lambda body: body.update(businessHours={"timeZone": "UTC", "intervals": [{"day": "monday", "start": "17:00", "end": "09:00"}]}),
     "businessHours.intervals"),
    (lambda body: body.update(businessHours={"timeZone": "UTC", "intervals": [{"day": "funday", "start": "09:00", "end": "17:00"}]}),
     "businessHours.intervals.day"),
    (lambda body: body.update(businessHours={"timeZone": "UTC", "intervals": [{"day": "monday", "start": "9am", "end": "17:00"}]}),
     "businessHours.intervals"),
    (lambda body: body.update(businessHours={"timeZone": "UTC", "intervals": [{"day": "monday", "start": "09:00", "end": "17:00"}],
                                             "holidays": ["Christmas"]}), "businessHours.holidays"),
])
def test_a_bad_policy_is_refused_and_the_old_one_stays(desk, change, field):
    admin = client(desk, ADMIN_EMAIL, ADMIN_PASSWORD)
    before = admin.get("/api/sla-policies").json()
    body = admin.get("/api/sla-policies").json()
    change(body)
    refused = admin.put("/api/sla-policies", json=body)
    assert refused.status_code == 400
    assert refused.json()["error"]["code"] == "VALIDATION_FAILED"
    assert refused.json()["error"]["message"].startswith(field), refused.json()
    assert admin.get("/api/sla-policies").json() == before


def test_the_policy_survives_a_restart(tmp_path):
    database = new_database(tmp_path)
    run_cli("user", "add", "--database", database, "--email", ADMIN_EMAIL, "--name", "Admin", "--role", "admin", "--password", ADMIN_PASSWORD)
    server = Server(database).start()
    try:
        admin = client(server, ADMIN_EMAIL, ADMIN_PASSWORD)
        body = policy({p: (60, 120, 180) for p in DEFAULTS},
                      {"timeZone": "Europe/Berlin", "intervals": [{"day": "monday", "start": "09:00", "end": "17:30"}], "holidays": ["2026-12-25"]})
        assert admin.put("/api/sla-policies", json=body).status_code == 200
    finally:
        assert server.stop() == 0
    server = Server(database).start()
    try:
        shown = client(server, ADMIN_EMAIL, ADMIN_PASSWORD).get("/api/sla-policies").json()
        assert shown["targets"]["low"] == {"firstResponseSeconds": 60, "nextResponseSeconds": 120, "resolutionSeconds": 180}
        assert shown["businessHours"] == {"timeZone": "Europe/Berlin", "intervals": [{"day": "monday", "start": "09:00", "end": "17:30"}],
                                          "holidays": ["2026-12-25"]}
    finally:
        assert server.stop() == 0


def two_second_first_response(admin):
    """Urgent tickets must be answered within 2 seconds; every other clock stays far away."""
    body = policy({**{p: (v[0] * HOUR, v[1] * HOUR, v[2] * HOUR) for p, v in DEFAULTS.items()}, "urgent": (2, HOUR, HOUR)})
    assert admin.put("/api/sla-policies", json=body).status_code == 200


def open_urgent(customer, title):
    return customer.post("/api/user/tickets", json={"title": title, "category": "general", "priority": "urgent", "content": "Down"}).json()


def sla_activity(http, ticket):
    return [(entry["action"], entry["to"]) for entry in http.get(f"/api/tickets/{ticket['id']}").json()["activityLogs"]
            if entry["action"].startswith("sla_")]


def wait_for_activity(http, ticket, expected, timeout=15):
    deadline = time.monotonic() + timeout
    while (seen := sla_activity(http, ticket)) != expected:
        assert time.monotonic() < deadline, f"activity {seen} never became {expected}"
        time.sleep(0.05)


def test_a_two_second_target_warns_once_and_breaches_once(desk):
    admin = client(desk, ADMIN_EMAIL, ADMIN_PASSWORD)
    two_second_first_response(admin)
    with desk.client() as anonymous:
        token = anonymous.post("/api/auth/login", json={"email": "agent@sla.test", "password": "password-agent"}).json()["token"]
    watcher = LiveClient(desk, token)
    try:
        ticket = open_urgent(client(desk, "customer@sla.test", "password-customer"), "Two seconds")
        breach = watcher.wait_for("sla_breached", lambda data: data["ticketId"] == ticket["id"], timeout=10)
        assert breach["target"] == "firstResponse" and breach["ticketNumber"] == ticket["ticketNumber"]
        alerts = [(name, data["target"]) for name, data in watcher.drain() if name.startswith("sla_") and data["ticketId"] == ticket["id"]]
        assert alerts == [("sla_warning", "firstResponse"), ("sla_breached", "firstResponse")]
        assert sla_activity(admin, ticket) == [("sla_warning", "firstResponse"), ("sla_breached", "firstResponse")]
        stats = admin.get("/api/tickets/stats").json()
        assert stats["slaBreached"] == 1
    finally:
        watcher.close()


def test_after_a_restart_past_the_deadline_the_breach_is_recorded_once(tmp_path):
    database = new_database(tmp_path)
    run_cli("user", "add", "--database", database, "--email", ADMIN_EMAIL, "--name", "Admin", "--role", "admin", "--password", ADMIN_PASSWORD)
    run_cli("user", "add", "--database", database, "--email", "customer@sla.test", "--name", "Customer", "--role", "customer",
            "--password", "password-customer")
    server = Server(database).start()
    admin = client(server, ADMIN_EMAIL, ADMIN_PASSWORD)
    two_second_first_response(admin)
    ticket = open_urgent(client(server, "customer@sla.test", "password-customer"), "Down while we were down")
    assert server.stop() == 0
    assert sla_activity_in_database(database, ticket) == []

    # Nothing runs until the deadline has passed: this waits for time itself, not for an event.
    time.sleep(max(0, (parse_time(ticket["firstResponseDue"]) - datetime.now(timezone.utc)).total_seconds()) + 0.2)
    server = Server(database).start()
    try:
        admin = client(server, ADMIN_EMAIL, ADMIN_PASSWORD)
        wait_for_activity(admin, ticket, [("sla_warning", "firstResponse"), ("sla_breached", "firstResponse")])
    finally:
        assert server.stop() == 0

    server = Server(database).start()
    try:
        admin = client(server, ADMIN_EMAIL, ADMIN_PASSWORD)
        later = open_urgent(client(server, "customer@sla.test", "password-customer"), "After the restart")
        wait_for_activity(admin, later, [("sla_warning", "firstResponse"), ("sla_breached", "firstResponse")])
        assert sla_activity(admin, ticket) == [("sla_warning", "firstResponse"), ("sla_breached", "firstResponse")]
    finally:
        assert server.stop() == 0


def sla_activity_in_database(database, ticket):
    rows = query_database(database, "SELECT kind FROM activities WHERE ticket_id = ? AND kind LIKE 'sla_%' ORDER BY created_at", (ticket["id"],))
    return [kind for (kind,) in rows]


def test_an_admin_sets_targets_and_business_hours_on_the_service_levels_page(browser, desk):
    page = open_page(browser, desk, ADMIN_EMAIL, ADMIN_PASSWORD, "/admin/sla")
    page.locator("input[name='urgent.firstResponseSeconds']").fill("0.5")
    page.locator("input[name=useHours]").check()
    page.locator("select[name=timeZone]").select_option("Asia/Riyadh")
    for day in ("friday", "saturday"):
        page.locator(f"input[name='{day}.open']").set_checked(False)
    page.locator("input[name='sunday.open']").check()
    page.locator("textarea[name=holidays]").fill("2026-12-25\n2027-01-01")
    page.locator("form.sla-form button[type=submit]").click()
    expect(page.locator(".notice")).to_have_text("Saved. New deadlines follow these targets.")

    saved = client(desk, ADMIN_EMAIL, ADMIN_PASSWORD).get("/api/sla-policies").json()
    assert saved["targets"]["urgent"]["firstResponseSeconds"] == 1800
    assert saved["targets"]["low"]["resolutionSeconds"] == 72 * HOUR
    assert saved["businessHours"] == {
        "timeZone": "Asia/Riyadh",
        "intervals": [{"day": day, "start": "09:00", "end": "17:00"} for day in ("sunday", "monday", "tuesday", "wednesday", "thursday")],
        "holidays": ["2026-12-25", "2027-01-01"],
    }
    page.reload()
    expect(page.locator("input[name='urgent.firstResponseSeconds']")).to_have_value("0.5")
    expect(page.locator("select[name=timeZone]")).to_have_value("Asia/Riyadh")
    expect(page.locator("input[name='saturday.open']")).not_to_be_checked()

    page.locator("input[name='high.resolutionSeconds']").fill("9000")
    page.locator("form.sla-form button[type=submit]").click()
    expect(page.locator(".notice.alert")).to_contain_text("targets.high.resolution: must be between 1 second and 366 days")
    assert client(desk, ADMIN_EMAIL, ADMIN_PASSWORD).get("/api/sla-policies").json() == saved
