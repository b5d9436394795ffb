"""In-app notifications: who is told what, live over the socket and from the API, and marking them read."""

from conftest import make_user, unique
from live_client import LiveClient


def notifications(actor, **params):
    response = actor.http.get("/api/notifications", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def kinds(actor, ticket):
    return [note["kind"] for note in notifications(actor)["notifications"] if note["ticketId"] == ticket["id"]]


def test_each_side_hears_about_what_concerns_them_and_nobody_else(server, admin):
    agent = make_user(server, admin, "agent", "Nora Notified")
    other_agent = make_user(server, admin, "agent", "Otto Other")
    customer = make_user(server, admin, "customer", "Cara Customer")
    bystander = make_user(server, admin, "customer", "Bea Bystander")
    live = LiveClient(server, agent.token)
    try:
        ticket = customer.http.post("/api/user/tickets", json={"title": unique("Bell "), "category": "general", "content": "Ring?"}).json()
        pushed = live.wait_for("notification", lambda note: note["ticketId"] == ticket["id"])
        assert pushed["kind"] == "new_ticket" and pushed["actorName"] == "Cara Customer" and pushed["detail"] == "Ring?"
        assert kinds(agent, ticket) == ["new_ticket"] and kinds(other_agent, ticket) == ["new_ticket"]

        assert admin.http.patch(f"/api/tickets/{ticket['id']}", json={"assigneeId": agent.id}).status_code == 200
        live.wait_for("notification", lambda note: note["kind"] == "assigned" and note["ticketId"] == ticket["id"])
        customer.http.post(f"/api/tickets/{ticket['id']}/messages", json={"content": "Any news?"})
        live.wait_for("notification", lambda note: note["kind"] == "customer_message" and note["detail"] == "Any news?")
        agent.http.post(f"/api/tickets/{ticket['id']}/messages", json={"content": "Yes: fixed."})
        agent.http.post(f"/api/tickets/{ticket['id']}/messages", json={"content": "Please check."})

        assert kinds(agent, ticket) == ["customer_message", "assigned", "new_ticket"]
        assert kinds(other_agent, ticket) == ["new_ticket"]
        replies = [note for note in notifications(customer)["notifications"] if note["ticketId"] == ticket["id"]]
        assert [(note["kind"], note["detail"], note["actorName"]) for note in replies] == [
            ("agent_reply", "Please check.", "Nora Notified"), ("agent_reply", "Yes: fixed.", "Nora Notified")]
        assert notifications(bystander) == {"notifications": [], "unreadCount": 0}
    finally:
        live.close()


def test_marking_read_counts_down_and_touches_only_the_owners_notifications(server, admin):
    agent = make_user(server, admin, "agent", "Reader Agent")
    customer = make_user(server, admin, "customer", "Reader Customer")
    live = LiveClient(server, agent.token)
    try:
        tickets = [customer.http.post("/api/user/tickets", json={"title": unique("Read "), "category": "general", "content": "x"}).json()
                   for _ in range(3)]
        for ticket in tickets:  # recorded just after each commit: wait until they are
            live.wait_for("notification", lambda note, ticket=ticket: note["ticketId"] == ticket["id"])
    finally:
        live.close()
    page = notifications(agent)
    mine = [note for note in page["notifications"] if note["ticketId"] in {t["id"] for t in tickets}]
    assert len(mine) == 3 and page["unreadCount"] >= 3
    unread = page["unreadCount"]

    assert customer.http.post("/api/notifications/read", json={"ids": [mine[0]["id"]]}).json() == {"unreadCount": 0}
    assert notifications(agent)["unreadCount"] == unread, "someone else's notification stays unread"
    assert agent.http.post("/api/notifications/read", json={"ids": [mine[0]["id"]]}).json() == {"unreadCount": unread - 1}
    only_unread = notifications(agent, unread="true")["notifications"]
    assert mine[0]["id"] not in {note["id"] for note in only_unread}
    older = notifications(agent, before=mine[0]["createdAt"], limit=1)["notifications"]
    assert len(older) <= 1 and all(note["createdAt"] < mine[0]["createdAt"] for note in older)
    assert agent.http.post("/api/notifications/read", json={}).json() == {"unreadCount": 0}
    assert agent.http.get("/api/notifications", params={"limit": 0}).status_code == 400


def test_muted_kinds_are_not_recorded_and_preferences_are_per_user(server, admin):
    agent = make_user(server, admin, "agent", "Quiet Agent")
    customer = make_user(server, admin, "customer", "Quiet Customer")
    assert agent.http.get("/api/notifications/preferences").json() == {"muted": [], "browser": False}
    saved = agent.http.put("/api/notifications/preferences", json={"muted": ["new_ticket"], "browser": True})
    assert saved.status_code == 200 and saved.json() == {"muted": ["new_ticket"], "browser": True}
    refused = agent.http.put("/api/notifications/preferences", json={"muted": ["everything"], "browser": False})
    assert refused.status_code == 400 and refused.json()["error"]["message"].startswith("muted")
    assert customer.http.get("/api/notifications/preferences").json() == {"muted": [], "browser": False}

    ticket = customer.http.post("/api/user/tickets", json={"title": unique("Muted "), "category": "general", "content": "x"}).json()
    assert admin.http.patch(f"/api/tickets/{ticket['id']}", json={"assigneeId": agent.id}).status_code == 200
    customer.http.put("/api/notifications/preferences", json={"muted": ["agent_reply"], "browser": False})
    agent.http.post(f"/api/tickets/{ticket['id']}/messages", json={"content": "Hello"})
    customer.http.post(f"/api/tickets/{ticket['id']}/messages", json={"content": "Hi"})
    live = LiveClient(server, agent.token)
    try:
        customer.http.post(f"/api/tickets/{ticket['id']}/messages", json={"content": "Still there?"})
        live.wait_for("notification", lambda note: note["detail"] == "Still there?")
    finally:
        live.close()
    assert kinds(agent, ticket) == ["customer_message", "customer_message", "assigned"]
    assert kinds(customer, ticket) == []


def test_staff_named_in_a_message_are_told_and_only_them(server, admin):
    writer = make_user(server, admin, "agent", "Mona Mentioner")
    named = make_user(server, admin, "agent", "Omar Named")
    by_email = make_user(server, admin, "agent", "Eli Email")
    in_address = make_user(server, admin, "agent", "Ida Address")
    longer_name = make_user(server, admin, "agent", "Omar Namedson")
    customer = make_user(server, admin, "customer", "Cyd Customer")
    handle, other_handle = (actor.user["email"].split("@")[0] for actor in (by_email, in_address))
    ticket = customer.http.post("/api/user/tickets", json={"title": unique("Mention "), "category": "general",
                                                             "content": f"@Omar Named and @{handle}, help"}).json()
    live = LiveClient(server, named.token)
    try:
        text = f"@omar named and @{handle.upper()}, can you look? Not mail@{other_handle}.example."
        assert writer.http.post(f"/api/tickets/{ticket['id']}/messages", json={"content": text}).status_code == 201
        pushed = live.wait_for("notification", lambda note: note["kind"] == "mention" and note["ticketId"] == ticket["id"])
        assert pushed["actorName"] == "Mona Mentioner" and pushed["detail"].startswith("@omar named")
    finally:
        live.close()
    assert kinds(named, ticket) == ["mention", "new_ticket"], "a customer's @ is not a mention"
    assert kinds(by_email, ticket) == ["mention", "new_ticket"]
    assert kinds(in_address, ticket) == ["new_ticket"], "an email address is not a mention"
    assert kinds(longer_name, ticket) == ["new_ticket"], "@Omar Named is not @Omar Namedson"
    assert kinds(writer, ticket) == ["new_ticket"]
