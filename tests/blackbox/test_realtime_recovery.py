"""Connection-state recovery, as Socket.IO 4.6+ clients do it: after a dropped connection the client
presents its pid and last offset, and gets its socket id, rooms and every missed broadcast back."""

import json

import pytest

from conftest import open_ticket, sign_in
from helpdesk_server import POSTGRES_URL, Server, new_database, run_cli
from live_client import RawSocket


def test_reconnect_recovers_missed_messages_and_rooms(server, customer_a, agent):
    ticket = open_ticket(customer_a, title="Flaky network")
    first = RawSocket(server)
    accepted = first.connect({"token": customer_a.token})
    sid, pid = accepted["sid"], accepted["pid"]
    first.send('420["join_ticket",' + json.dumps({"ticketId": ticket["id"]}) + "]")
    assert agent.http.post(f"/api/tickets/{ticket['id']}/messages", json={"content": "Before the drop"}).status_code == 201
    first.until_event("message_received", lambda p: p["message"]["content"] == "Before the drop")
    offset = first.offset
    first.drop()

    missed = [agent.http.post(f"/api/tickets/{ticket['id']}/messages", json={"content": f"Missed {n}"}).json() for n in (1, 2)]

    second = RawSocket(server)
    again = second.connect({"token": customer_a.token, "pid": pid, "offset": offset})
    assert again["sid"] == sid
    replayed = [second.until_event("message_received")["message"] for _ in missed]
    assert [m["id"] for m in replayed] == [m["id"] for m in missed]
    assert agent.http.post(f"/api/tickets/{ticket['id']}/messages", json={"content": "Back live"}).status_code == 201
    assert second.until_event("message_received")["message"]["content"] == "Back live"


def test_a_stolen_pid_recovers_nothing(server, customer_a, customer_b):
    first = RawSocket(server)
    accepted = first.connect({"token": customer_a.token})
    customer_a.http.post("/api/user/tickets", json={"title": "Offset", "category": "general", "content": "x"})
    first.until_event("ticket_list_updated")
    offset = first.offset
    first.drop()
    thief = RawSocket(server)
    answer = thief.connect({"token": customer_b.token, "pid": accepted["pid"], "offset": offset})
    assert answer["sid"] != accepted["sid"]


@pytest.mark.skipif(bool(POSTGRES_URL), reason="on PostgreSQL the recovery log is a table, not memory bounded by HELPDESK_RECOVERY_LOG_MB")
def test_a_client_that_missed_more_than_the_log_holds_starts_afresh(tmp_path):
    """With a 1 MiB log, a client that missed more than that gets a new session rather than a replay with a gap."""
    database = new_database(tmp_path)
    run_cli("user", "add", "--database", database, "--email", "c@example.com", "--name", "C",
            "--role", "customer", "--password", "password-1")
    server = Server(database, env={"HELPDESK_RECOVERY_LOG_MB": "1"}).start()
    try:
        customer = sign_in(server, "c@example.com", "password-1")
        ticket = open_ticket(customer, title="Chatty")
        first = RawSocket(server)
        accepted = first.connect({"token": customer.token})
        first.send('420["join_ticket",' + json.dumps({"ticketId": ticket["id"]}) + "]")
        assert customer.http.post(f"/api/tickets/{ticket['id']}/messages", json={"content": "Before the drop"}).status_code == 201
        first.until_event("message_received", lambda p: p["message"]["content"] == "Before the drop")
        first.drop()

        # Each message is broadcast twice with its 9,000 characters: well over 1 MiB in all.
        for n in range(150):
            sent = customer.http.post(f"/api/tickets/{ticket['id']}/messages", json={"content": f"{n} " + "x" * 9000})
            assert sent.status_code == 201, sent.text

        second = RawSocket(server)
        again = second.connect({"token": customer.token, "pid": accepted["pid"], "offset": first.offset})
        assert again["sid"] != accepted["sid"] and again["pid"] != accepted["pid"]
    finally:
        assert server.stop() == 0
