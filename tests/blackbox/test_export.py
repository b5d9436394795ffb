"""Exports: staff stream tickets as CSV or JSON Lines (with whole conversations on request) with
flat memory however many there are; whoever may read a ticket downloads its transcript."""

import csv
import io
import json
import os
import subprocess

from conftest import ADMIN_EMAIL, ADMIN_PASSWORD, make_user, open_ticket, sign_in, unique
from helpdesk_server import BINARY, Server, new_database, run_cli

SEED = os.path.join(os.path.dirname(BINARY), "search-seed")


def test_staff_export_filtered_tickets_as_csv_and_customers_may_not(server, admin, agent, customer_a):
    title = unique("=HYPERLINK(\"x\") export, \"quoted\"")
    ticket = open_ticket(customer_a, title=title, priority="urgent")
    response = agent.http.get("/api/exports/tickets", params={"format": "csv", "priority": "urgent"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["content-disposition"].startswith("attachment; filename=\"tickets-")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert rows and all(row["priority"] == "urgent" for row in rows)
    row = next(row for row in rows if row["id"] == ticket["id"])
    assert row["title"] == "'" + title, "a formula is written as text"
    assert (row["ticketNumber"], row["customerEmail"], row["status"]) == (ticket["ticketNumber"], customer_a.user["email"], "open")
    for actor, status in ((customer_a, 403), (None, 401)):
        client = actor.http if actor else server.client()
        assert client.get("/api/exports/tickets").status_code == status
    for params, field in [({"format": "xml"}, "format"), ({"include": "everything"}, "include"), ({"status": "lost"}, "status"),
                          ({"from": "2026-02-01", "to": "2026-01-01"}, "to")]:
        refused = agent.http.get("/api/exports/tickets", params=params)
        assert refused.status_code == 400 and refused.json()["error"]["message"].startswith(field), refused.text


def test_json_lines_with_messages_are_a_complete_record(server, admin, agent, customer_a):
    title = unique("Export record ")
    ticket = open_ticket(customer_a, title=title)
    agent.http.post(f"/api/tickets/{ticket['id']}/messages", json={"content": "Answer with <b>markup</b>\nand two lines"})
    agent.http.patch(f"/api/tickets/{ticket['id']}", json={"status": "resolved"})
    response = agent.http.get("/api/exports/tickets", params={"format": "jsonl", "include": "messages", "status": "resolved"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/x-ndjson")
    records = [json.loads(line) for line in response.text.splitlines()]
    assert all(record["ticket"]["status"] == "resolved" for record in records)
    record = next(record for record in records if record["ticket"]["id"] == ticket["id"])
    assert [m["content"] for m in record["messages"]][:2] == ["Smoke everywhere", "Answer with <b>markup</b>\nand two lines"]
    assert [m["seq"] for m in record["messages"]] == list(range(1, len(record["messages"]) + 1))
    assert [a["action"] for a in record["activity"]][0] == "created" and "status_changed" in [a["action"] for a in record["activity"]]
    created = [json.loads(line)["ticket"]["createdAt"] for line in response.text.splitlines()]
    assert created == sorted(created), "oldest first"
    plain = agent.http.get("/api/exports/tickets", params={"format": "jsonl"}).text.splitlines()
    assert "messages" not in json.loads(plain[0])


def test_transcripts_for_the_customer_and_staff_only(server, admin, agent, customer_a, customer_b):
    ticket = open_ticket(customer_a, title="Transcript <script>alert(1)</script>", content="I wrote <img src=x onerror=alert(1)>")
    agent.http.post(f"/api/tickets/{ticket['id']}/messages", json={"content": "Reply & more"})
    path = f"/api/tickets/{ticket['id']}/transcript"
    text = customer_a.http.get(path)
    assert text.status_code == 200 and text.headers["content-type"].startswith("text/plain")
    assert text.headers["content-disposition"] == f"attachment; filename=\"{ticket['ticketNumber']}-transcript.txt\""
    assert "I wrote <img src=x onerror=alert(1)>" in text.text and "Sami Agent (agent):" in text.text
    html = agent.http.get(path, params={"format": "html"})
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    assert "<script>" not in html.text and "&lt;script&gt;alert(1)&lt;/script&gt;" in html.text
    assert "&lt;img src=x onerror=alert(1)&gt;" in html.text and "Reply &amp; more" in html.text
    assert html.headers["x-content-type-options"] == "nosniff"
    assert customer_b.http.get(path).status_code == 404
    assert agent.http.get(path, params={"format": "pdf"}).status_code == 400


def rss_kilobytes(pid):
    with open(f"/proc/{pid}/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))


def test_ten_thousand_tickets_with_their_messages_stream_in_flat_memory(tmp_path):
    database = new_database(tmp_path, "export")
    subprocess.run([SEED, database, "200000"], check=True, capture_output=True, timeout=300)
    run_cli("user", "add", "--database", database, "--email", ADMIN_EMAIL, "--name", "Admin", "--role", "admin", "--password", ADMIN_PASSWORD)
    server = Server(database).start()
    try:
        admin = sign_in(server, ADMIN_EMAIL, ADMIN_PASSWORD)
        before = rss_kilobytes(server.process.pid)
        peak, lines, size = before, 0, 0
        with admin.http.stream("GET", "/api/exports/tickets", params={"format": "jsonl", "include": "messages"}) as response:
            assert response.status_code == 200
            for line in response.iter_lines():
                lines += 1
                size += len(line)
                if lines % 500 == 0:
                    peak = max(peak, rss_kilobytes(server.process.pid))
        assert lines == 10_000
        assert size > 60_000_000, "the export holds every message"
        grown = (peak - before) / 1024
        assert grown < 40, f"the server grew by {grown:.0f} MB while streaming {size / 1e6:.0f} MB"
    finally:
        server.stop()


def test_the_console_downloads_what_its_filters_show_and_a_customer_their_transcript(browser, server, admin):
    from playwright.sync_api import expect

    from web_pages import open_page, ticket_item

    agent = make_user(server, admin, "agent", "Dee Downloader")
    customer = make_user(server, admin, "customer", "Tom Transcript")
    ticket = open_ticket(customer, title=unique("Download me "))
    email = agent.user["email"]
    console = open_page(browser, server, email, "password-" + email, "/admin/tickets")
    console.locator("ticket-sidebar [data-filter='view=unassigned']").click()
    csv_link = console.locator("ticket-sidebar a[data-export=csv]")
    expect(csv_link).to_have_attribute("href", "/api/exports/tickets?format=csv&assignee=unassigned")
    with console.expect_download() as download:
        csv_link.click()
    rows = list(csv.DictReader(io.StringIO(pathlib_text(download.value.path()))))
    assert ticket["id"] in {row["id"] for row in rows} and all(not row["assigneeName"] for row in rows)

    support = open_page(browser, server, customer.user["email"], "password-" + customer.user["email"], "/user/support")
    ticket_item(support, ticket["title"]).click()
    with support.expect_download() as download:
        support.locator("ticket-details .transcript a").first.click()
    assert download.value.suggested_filename == f"{ticket['ticketNumber']}-transcript.txt"
    assert "Smoke everywhere" in pathlib_text(download.value.path())
    assert console.errors == [] and support.errors == []
    for page in (console, support):
        page.context.close()


def pathlib_text(path):
    with open(path, encoding="utf-8") as file:
        return file.read()
