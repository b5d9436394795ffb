"""The seed's whole workflow over REST: a customer opens a ticket, an agent works it, the customer sees it all."""

import re
from datetime import datetime, timedelta

from conftest import open_ticket


def parse_time(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def test_customer_and_agent_work_a_ticket_end_to_end(customer_a, agent):
    ticket = open_ticket(customer_a, title="Invoice charged twice", priority="urgent")
    assert re.fullmatch(r"TKT\d{4}\d{4,}", ticket["ticketNumber"])
    assert ticket["status"] == "open"
    assert ticket["userId"] == customer_a.id
    assert ticket["lastMessage"] == "Smoke everywhere"
    assert parse_time(ticket["slaDeadline"]) - parse_time(ticket["createdAt"]) == timedelta(hours=4)
    assert parse_time(ticket["firstResponseDue"]) - parse_time(ticket["createdAt"]) == timedelta(hours=1)
    assert ticket.get("firstRespondedAt") is None and ticket.get("nextResponseDue") is None

    listed = agent.http.get("/api/tickets", params={"status": "open", "q": "invoice charged", "limit": 100}).json()
    mine = [item for item in listed["tickets"] if item["id"] == ticket["id"]]
    assert len(mine) == 1 and mine[0]["unreadCount"] == 1

    reply = agent.http.post(f"/api/tickets/{ticket['id']}/messages", json={"content": "Refunding one charge now."})
    assert reply.status_code == 201
    assert reply.json()["seq"] == 2 and reply.json()["sender"] == "agent"
    answered = agent.http.get(f"/api/tickets/{ticket['id']}/summary").json()
    assert answered["firstRespondedAt"] == reply.json()["createdAt"] and answered.get("firstResponseDue") is None

    assigned = agent.http.patch(f"/api/tickets/{ticket['id']}", json={"assigneeId": agent.id})
    assert assigned.status_code == 200
    assert assigned.json()["status"] == "pending"
    assert assigned.json()["assigneeName"] == "Sami Agent"

    resolved = agent.http.patch(f"/api/tickets/{ticket['ticketNumber']}", json={"status": "resolved", "priority": "medium"})
    assert resolved.status_code == 200
    assert resolved.json()["status"] == "resolved"

    detail = customer_a.http.get(f"/api/tickets/{ticket['id']}").json()
    contents = [message["content"] for message in detail["messages"]]
    assert contents[0] == "Smoke everywhere"
    assert "Refunding one charge now." in contents
    assert [m["seq"] for m in detail["messages"]] == list(range(1, len(contents) + 1))
    assert any(m["sender"] == "system" and "Sami Agent" in m["content"] for m in detail["messages"])
    actions = [entry["action"] for entry in detail["activityLogs"]]
    assert actions == ["created", "assigned", "status_changed", "priority_changed", "status_changed"]
    assert detail["activityLogs"][-1]["to"] == "resolved"
    assert detail["ticket"]["unreadCount"] == len(contents) - 1

    read = customer_a.http.post(f"/api/tickets/{ticket['id']}/read")
    assert read.status_code == 200 and read.json()["lastReadSeq"] == len(contents)
    own = customer_a.http.get("/api/user/tickets").json()["tickets"]
    assert [t["unreadCount"] for t in own if t["id"] == ticket["id"]] == [0]

    reopened = customer_a.http.post(f"/api/tickets/{ticket['id']}/messages", json={"content": "Still charged twice!"})
    assert reopened.status_code == 201
    after = agent.http.get(f"/api/tickets/{ticket['id']}").json()["ticket"]
    assert after["status"] == "open"
    assert parse_time(after["nextResponseDue"]) - parse_time(reopened.json()["createdAt"]) == timedelta(hours=8)
    assert after["unreadByCustomer"] == 0


def test_agent_opens_a_ticket_for_a_customer(customer_a, agent):
    response = agent.http.post("/api/tickets", json={
        "title": "Phoned in: cannot log in", "category": "account", "priority": "low",
        "content": "Customer called about a lockout", "customerId": customer_a.id,
    })
    assert response.status_code == 201, response.text
    ticket = response.json()
    assert ticket["userId"] == customer_a.id
    assert ticket["customerName"] == "Alice Customer"
    own = customer_a.http.get("/api/user/tickets", params={"limit": 100}).json()["tickets"]
    assert ticket["id"] in [t["id"] for t in own]


def test_list_filters_sorts_and_pages(new_customer, agent):
    customer = new_customer()
    made = [open_ticket(customer, title=f"Paging ticket {n}", priority=p)
            for n, p in enumerate(["low", "urgent", "medium", "high", "urgent"])]
    ids = {t["id"] for t in made}

    seen, cursor = [], None
    while True:
        params = {"q": "paging ticket", "limit": 2, "sort": "createdAt", "order": "asc"}
        if cursor:
            params["cursor"] = cursor
        page = agent.http.get("/api/tickets", params=params).json()
        seen += [t["id"] for t in page["tickets"] if t["id"] in ids]
        cursor = page.get("nextCursor")
        if not cursor:
            break
    assert seen == [t["id"] for t in made]

    urgent = agent.http.get("/api/tickets", params={"priority": "urgent", "q": "paging ticket"}).json()["tickets"]
    assert {t["id"] for t in urgent} == {made[1]["id"], made[4]["id"]}
    by_priority = agent.http.get("/api/tickets", params={"sort": "priority", "q": "paging ticket"}).json()["tickets"]
    order = ["low", "medium", "high", "urgent"]
    ranks = [order.index(t["priority"]) for t in by_priority]
    assert ranks == sorted(ranks, reverse=True)

    agent.http.patch(f"/api/tickets/{made[2]['id']}", json={"assigneeId": agent.id})
    assigned = agent.http.get("/api/tickets", params={"assignee": "me", "q": "paging ticket"}).json()["tickets"]
    assert [t["id"] for t in assigned] == [made[2]["id"]]
    unassigned = agent.http.get("/api/tickets", params={"assignee": "unassigned", "q": "paging ticket"}).json()["tickets"]
    assert made[2]["id"] not in {t["id"] for t in unassigned} and len(unassigned) == 4
    by_number = agent.http.get("/api/tickets", params={"q": made[0]["ticketNumber"]}).json()["tickets"]
    assert [t["id"] for t in by_number] == [made[0]["id"]]


def test_message_history_pages(new_customer, agent):
    customer = new_customer()
    ticket = open_ticket(customer)
    for n in range(2, 8):
        assert agent.http.post(f"/api/tickets/{ticket['id']}/messages", json={"content": f"Step {n}"}).status_code == 201
    newer = customer.http.get(f"/api/tickets/{ticket['id']}/messages", params={"after": 5}).json()["messages"]
    assert [m["seq"] for m in newer] == [6, 7]
    older = customer.http.get(f"/api/tickets/{ticket['id']}/messages", params={"before": 4, "limit": 2}).json()["messages"]
    assert [m["seq"] for m in older] == [2, 3]


def test_admin_manages_users(server, admin):
    created = admin.http.post("/api/users", json={"email": "temp.agent@blackbox.test", "name": "Temp", "role": "agent"})
    assert created.status_code == 201
    password = created.json()["generatedPassword"]
    assert len(password) >= 16
    with server.client() as client:
        login = client.post("/api/auth/login", json={"email": "temp.agent@blackbox.test", "password": password})
        assert login.status_code == 200
        token = login.json()["token"]
    user_id = created.json()["user"]["id"]
    changed = admin.http.patch(f"/api/users/{user_id}", json={"role": "customer", "name": "Temp Customer"})
    assert changed.status_code == 200 and changed.json()["role"] == "customer"
    assert admin.http.patch(f"/api/users/{user_id}", json={"disabled": True}).json()["disabled"] is True
    with server.client(token) as client:
        assert client.get("/api/auth/me").status_code == 401
    listed = admin.http.get("/api/users", params={"role": "customer"}).json()["users"]
    assert user_id in [u["id"] for u in listed]
    assert all(u["role"] == "customer" for u in listed)
    assert all("password" not in str(u).lower() for u in listed)


def test_sign_up_sign_out_and_cookie_session(server):
    with server.client() as client:
        registered = client.post("/api/auth/register", json={
            "email": "newcomer@blackbox.test", "name": "Newcomer", "password": "new-password-1"})
        assert registered.status_code == 201
        assert registered.json()["user"]["role"] == "customer"
        cookie = registered.headers["set-cookie"]
        assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
        assert client.get("/api/auth/me").json()["user"]["email"] == "newcomer@blackbox.test"
        origin = {"Origin": server.url}
        created = client.post("/api/user/tickets", headers=origin, json={
            "title": "Cookie ticket", "category": "general", "content": "Sent with the session cookie"})
        assert created.status_code == 201
        assert client.post("/api/auth/logout", headers=origin).status_code == 204
        assert client.get("/api/auth/me").status_code == 401
