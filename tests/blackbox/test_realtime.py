"""The ticket chat over Socket.IO with the real python-socketio client, once over long-polling and once over WebSocket."""

import pytest
import socketio

from conftest import open_ticket
from live_client import LiveClient

pytestmark = pytest.mark.parametrize("transport", ["polling", "websocket"])


@pytest.fixture
def live(server):
    clients = []

    def connect(actor=None, transport="websocket", **kwargs):
        client = LiveClient(server, actor.token if actor else None, transport, **kwargs)
        clients.append(client)
        return client

    yield connect
    for client in clients:
        client.close()


def pair_in_ticket(live, customer_a, agent, transport, title):
    """A fresh ticket with its customer and an agent both joined to its room."""
    ticket = open_ticket(customer_a, title=title)
    customer, staff = live(customer_a, transport), live(agent, transport)
    assert customer.call("join_ticket", {"ticketId": ticket["id"]})["ok"]
    assert staff.call("join_ticket", {"ticketId": ticket["id"]})["ok"]
    return ticket, customer, staff


def test_unauthenticated_connect_is_refused(server, transport):
    for token in (None, "not-a-session"):
        with pytest.raises(socketio.exceptions.ConnectionError):
            client = LiveClient(server, token, transport)
            client.close()


def test_refusal_carries_the_unauthorized_code(server, transport):
    client = socketio.Client(reconnection=False)
    errors = []
    client.on("connect_error", lambda data: errors.append(data))
    with pytest.raises(socketio.exceptions.ConnectionError):
        client.connect(server.url, auth={"token": "forged"}, transports=[transport], wait_timeout=5)
    assert errors and errors[0]["data"]["code"] == "UNAUTHORIZED"


def test_customer_and_agent_chat_both_ways(live, customer_a, agent, transport):
    ticket = open_ticket(customer_a, title="Live chat")
    customer = live(customer_a, transport)
    staff = live(agent, transport)
    joined = customer.call("join_ticket", {"ticketId": ticket["id"], "userId": "ignored"})
    assert joined["ok"] and [p["userId"] for p in joined["present"]] == [customer_a.id]
    assert staff.call("join_ticket", {"ticketId": ticket["ticketNumber"]})["ok"]
    seen = customer.wait_for("user_joined", lambda d: d["userId"] == agent.id)
    assert seen["userType"] == "agent" and seen["ticketId"] == ticket["id"]

    ack = customer.call("send_message", {"ticketId": ticket["id"], "content": "Are you there?", "senderId": agent.id})
    assert ack["ok"] and ack["message"]["seq"] == 2
    assert ack["message"]["senderId"] == customer_a.id and ack["message"]["sender"] == "customer"
    got = staff.wait_for("message_received", lambda d: d["message"]["id"] == ack["message"]["id"])
    assert got["ticketId"] == ticket["id"] and got["message"]["content"] == "Are you there?"

    reply = staff.call("send_message", {"ticketId": ticket["id"], "content": "Yes, how can I help?"})
    assert reply["ok"]
    customer.wait_for("message_received", lambda d: d["message"]["content"] == "Yes, how can I help?")
    assert not [d for name, d in customer.drain() if name == "message_received" and d["message"]["id"] == ack["message"]["id"]]


def test_typing_is_relayed_and_expires(live, customer_a, agent, transport):
    ticket, customer, staff = pair_in_ticket(live, customer_a, agent, transport, "Typing")
    assert customer.call("typing", {"ticketId": ticket["id"], "isTyping": True})["ok"]
    started = staff.wait_for("typing_indicator", lambda d: d["isTyping"])
    assert started["senderId"] == customer_a.id
    stopped = staff.wait_for("typing_indicator", lambda d: not d["isTyping"], timeout=8)
    assert stopped["senderId"] == customer_a.id
    assert not [d for name, d in customer.drain() if name == "typing_indicator"]


def test_read_receipts(live, customer_a, agent, transport):
    ticket, customer, staff = pair_in_ticket(live, customer_a, agent, transport, "Receipts")
    ack = staff.call("mark_as_read", {"ticketId": ticket["id"], "userId": customer_a.id})
    assert ack["ok"] and ack["lastReadSeq"] == 1
    receipt = customer.wait_for("messages_read", lambda d: d["userId"] == agent.id)
    assert receipt["lastReadSeq"] == 1 and receipt["ticketId"] == ticket["id"]


def test_assignment_and_status_are_seen_by_the_customer(live, customer_a, agent, transport):
    ticket, customer, staff = pair_in_ticket(live, customer_a, agent, transport, "Assign me")
    assigned = staff.call("assign_agent", {"ticketId": ticket["id"], "agentId": agent.id, "agentName": "Someone Else"})
    assert assigned["ok"] and assigned["ticket"]["status"] == "pending"
    event = customer.wait_for("agent_assigned")
    assert event["agentId"] == agent.id and event["agentName"] == "Sami Agent"
    assert customer.wait_for("ticket_updated")["status"] == "pending"
    customer.wait_for("message_received", lambda d: d["message"]["sender"] == "system")

    changed = staff.call("ticket_status_change", {"ticketId": ticket["id"], "status": "resolved", "changedBy": customer_a.id})
    assert changed["ok"]
    update = customer.wait_for("ticket_updated", lambda d: d["status"] == "resolved")
    assert update["changedBy"] == agent.id and update["changedByName"] == "Sami Agent"
    invalid = staff.call("ticket_status_change", {"ticketId": ticket["id"], "status": "pending"})
    assert invalid == {"ok": False, "error": {"code": "INVALID_TRANSITION", "message": invalid["error"]["message"]}}


def test_customers_cannot_reach_other_tickets_or_agent_events(live, customer_a, customer_b, agent, transport):
    ticket = open_ticket(customer_a, title="Private")
    intruder = live(customer_b, transport)
    denied = intruder.call("join_ticket", {"ticketId": ticket["id"]})
    assert denied["ok"] is False and denied["error"]["code"] == "NOT_FOUND"
    assert intruder.wait_for("error")["code"] == "NOT_FOUND"
    for event, payload in [
        ("send_message", {"ticketId": ticket["id"], "content": "hi"}),
        ("typing", {"ticketId": ticket["id"], "isTyping": True}),
        ("mark_as_read", {"ticketId": ticket["id"]}),
    ]:
        answer = intruder.call(event, payload)
        assert answer["ok"] is False and answer["error"]["code"] in ("NOT_FOUND", "FORBIDDEN"), event
    owner = live(customer_a, transport)
    for event, payload in [
        ("ticket_status_change", {"ticketId": ticket["id"], "status": "pending"}),
        ("assign_agent", {"ticketId": ticket["id"], "agentId": agent.id}),
    ]:
        answer = owner.call(event, payload)
        assert answer["ok"] is False and answer["error"]["code"] == "FORBIDDEN", event


def test_bad_payloads_get_clear_errors(live, customer_a, transport):
    client = live(customer_a, transport)
    assert client.call("send_message", "not an object")["error"]["code"] == "VALIDATION_FAILED"
    missing = client.call("send_message", {"content": "x"})
    assert missing["error"] == {"code": "VALIDATION_FAILED", "message": "ticketId: is required"}
    ticket = open_ticket(customer_a, title="Too long")
    long = client.call("send_message", {"ticketId": ticket["id"], "content": "x" * 10001})
    assert long["error"]["code"] == "VALIDATION_FAILED"


def test_rate_limit(live, customer_a, transport):
    ticket = open_ticket(customer_a, title="Flood")
    client = live(customer_a, transport)
    client.call("join_ticket", {"ticketId": ticket["id"]})
    answers = [client.call("typing", {"ticketId": ticket["id"], "isTyping": True}) for _ in range(40)]
    limited = [a for a in answers if not a["ok"]]
    assert limited and all(a["error"]["code"] == "RATE_LIMITED" for a in limited)
    assert client.wait_for("error", lambda d: d["code"] == "RATE_LIMITED")


def test_rest_replies_are_broadcast_like_socket_ones(live, customer_a, agent, transport):
    ticket = open_ticket(customer_a, title="Via REST")
    customer = live(customer_a, transport)
    customer.call("join_ticket", {"ticketId": ticket["id"]})
    response = agent.http.post(f"/api/tickets/{ticket['id']}/messages", json={"content": "Answered over REST"})
    assert response.status_code == 201
    got = customer.wait_for("message_received", lambda d: d["message"]["id"] == response.json()["id"])
    assert got["message"]["seq"] == response.json()["seq"]
    # The list update of the ticket's creation may come first (on PostgreSQL, broadcasts reach the
    # sockets connected by the time they are relayed).
    listing = customer.wait_for("ticket_list_updated", lambda d: d["ticketId"] == ticket["id"] and d["lastSeq"] == got["message"]["seq"])
    assert listing["lastMessage"] == "Answered over REST"


def test_ticket_lists_refresh_live(live, customer_a, agent, transport):
    staff = live(agent, transport)
    ticket = open_ticket(customer_a, title="Brand new")
    update = staff.wait_for("ticket_list_updated", lambda d: d["ticketId"] == ticket["id"])
    assert update["status"] == "open" and update["ticketNumber"] == ticket["ticketNumber"]


def test_presence_counts_a_user_once_across_tabs(live, customer_a, agent, transport):
    ticket = open_ticket(customer_a, title="Tabs")
    staff = live(agent, transport)
    staff.call("join_ticket", {"ticketId": ticket["id"]})
    first = live(customer_a, transport)
    second = live(customer_a, transport)
    first.call("join_ticket", {"ticketId": ticket["id"]})
    present = second.call("join_ticket", {"ticketId": ticket["id"]})["present"]
    assert sorted(p["userId"] for p in present) == sorted([agent.id, customer_a.id])
    first.close()
    second.call("leave_ticket", {"ticketId": ticket["id"]})
    left = staff.wait_for("user_left", lambda d: d["userId"] == customer_a.id)
    assert left["ticketId"] == ticket["id"]
    joins = [d for name, d in staff.drain() if name == "user_joined" and d["userId"] == customer_a.id]
    lefts = [d for name, d in staff.drain() if name == "user_left" and d["userId"] == customer_a.id]
    assert len(joins) == 1 and len(lefts) == 1
