"""The summary report over a desk of its own: volume, backlog, times, SLA compliance and agents."""

from datetime import datetime, timedelta, timezone

from conftest import ADMIN_EMAIL, ADMIN_PASSWORD
from live_client import LiveClient
from playwright.sync_api import expect
from web_pages import open_page
from test_sla import DEFAULTS, HOUR, client, desk, policy  # noqa: F401 (the desk fixture)


def test_the_summary_counts_what_happened(desk, browser):
    admin = client(desk, ADMIN_EMAIL, ADMIN_PASSWORD)
    agent = client(desk, "agent@sla.test", "password-agent")
    customer = client(desk, "customer@sla.test", "password-customer")
    agent_id = agent.get("/api/auth/me").json()["user"]["id"]
    one_second = policy({**{p: (v[0] * HOUR, v[1] * HOUR, v[2] * HOUR) for p, v in DEFAULTS.items()}, "urgent": (1, HOUR, HOUR)})
    assert admin.put("/api/sla-policies", json=one_second).status_code == 200

    def open_ticket(title, priority):
        return customer.post("/api/user/tickets", json={"title": title, "category": "general", "priority": priority, "content": "?"}).json()

    answered, resolved_one = open_ticket("Answered", "low"), open_ticket("Resolved", "high")
    watcher = LiveClient(desk, admin.headers["Authorization"].removeprefix("Bearer "))
    try:
        late = open_ticket("Late", "urgent")
        watcher.wait_for("sla_breached", lambda data: data["ticketId"] == late["id"], timeout=10)
    finally:
        watcher.close()
    for ticket in (answered, resolved_one):
        assert agent.post(f"/api/tickets/{ticket['id']}/messages", json={"content": "On it"}).status_code == 201
    assert agent.patch(f"/api/tickets/{answered['id']}", json={"assigneeId": agent_id}).status_code == 200
    assert agent.patch(f"/api/tickets/{resolved_one['id']}", json={"status": "resolved"}).status_code == 200

    today = datetime.now(timezone.utc).date()
    report = agent.get("/api/reports/summary", params={"from": today.isoformat(), "to": (today + timedelta(days=1)).isoformat()})
    assert report.status_code == 200, report.text
    body = report.json()
    assert body["days"] == [{"date": today.isoformat(), "created": 3, "resolved": 1}]
    assert body["backlog"] == {"byStatus": {"open": 1, "pending": 1},
                               "byPriority": {"low": 1, "medium": 0, "high": 0, "urgent": 1}}
    assert body["firstResponse"]["count"] == 2 and body["firstResponse"]["medianSeconds"] >= 0
    assert body["resolution"]["count"] == 1
    compliance = {line["target"]: line for line in body["slaCompliance"]}
    assert compliance["firstResponse"] == {"target": "firstResponse", "tickets": 3, "breached": 1, "percent": 66.7}
    assert compliance["resolution"]["percent"] == 100
    lines = {line["name"]: line for line in body["agents"]}
    assert lines["Agent"] == {"userId": agent_id, "name": "Agent", "assigned": 1, "resolved": 1, "replies": 2}
    assert lines["Admin"]["replies"] == 0

    week = agent.get("/api/reports/summary").json()
    assert len(week["days"]) in (30, 31) and sum(day["created"] for day in week["days"]) == 3
    assert customer.get("/api/reports/summary").status_code == 403
    for params, field in (({"from": "yesterday"}, "from"), ({"from": "2026-11-02", "to": "2026-11-01"}, "from"),
                          ({"from": "2024-01-01", "to": "2026-01-01"}, "to")):
        refused = agent.get("/api/reports/summary", params=params)
        assert refused.status_code == 400 and refused.json()["error"]["message"].startswith(field), refused.text

    page = open_page(browser, desk, "agent@sla.test", "password-agent", "/admin/reports")
    expect(page.locator(".report-sla tbody tr").first).to_contain_text("66.7%")
    assert page.locator(".chart rect").count() == 2 * 30
    with page.expect_download() as download:
        page.locator("button[name=csv-sla]").click()
    text = open(download.value.path(), encoding="utf-8-sig").read()
    assert text.splitlines()[1] == '"First response","3","1","66.7%"'
    assert page.errors == []

