"""Every endpoint against anonymous, two customers, an agent and an admin."""

import itertools

import pytest

from conftest import open_ticket

_emails = itertools.count(1)

ROLES = ["anonymous", "customer_a", "customer_b", "agent", "admin"]

# method, path, json body, expected status per role (in ROLES order).
MATRIX = [
    ("GET", "/api/auth/me", None, [401, 200, 200, 200, 200]),
    ("GET", "/api/tickets", None, [401, 403, 403, 200, 200]),
    ("POST", "/api/tickets", "on_behalf", [401, 403, 403, 201, 201]),
    ("GET", "/api/tickets/{ticket}", None, [401, 200, 404, 200, 200]),
    ("GET", "/api/tickets/{number}", None, [401, 200, 404, 200, 200]),
    ("GET", "/api/tickets/{ticket}/summary", None, [401, 200, 404, 200, 200]),
    ("GET", "/api/tickets/stats", None, [401, 200, 200, 200, 200]),
    ("PATCH", "/api/tickets/{ticket}", {"priority": "high"}, [401, 403, 404, 200, 200]),
    ("PATCH", "/api/tickets/{ticket}", {"title": "Renamed by its owner"}, [401, 200, 404, 200, 200]),
    ("GET", "/api/tickets/{ticket}/messages", None, [401, 200, 404, 200, 200]),
    ("POST", "/api/tickets/{ticket}/messages", {"content": "Hello"}, [401, 201, 404, 201, 201]),
    ("POST", "/api/tickets/{ticket}/read", {}, [401, 200, 404, 200, 200]),
    ("PUT", "/api/tickets/{ticket}/rating", {"score": 5}, [401, 409, 404, 403, 403]),
    ("GET", "/api/user/tickets", None, [401, 200, 200, 200, 200]),
    ("POST", "/api/user/tickets", "new_ticket", [401, 201, 201, 201, 201]),
    ("GET", "/api/users", None, [401, 403, 403, 403, 200]),
    ("POST", "/api/users", "new_user", [401, 403, 403, 403, 201]),
    ("PATCH", "/api/users/{customer_b}", {"name": "Bob Customer"}, [401, 403, 403, 403, 200]),
    ("GET", "/api/agents", None, [401, 403, 403, 200, 200]),
    ("GET", "/api/customers", None, [401, 403, 403, 200, 200]),
    ("GET", "/api/desk", None, [200, 200, 200, 200, 200]),
    ("GET", "/api/sla-policies", None, [401, 403, 403, 200, 200]),
    ("GET", "/api/notifications", None, [401, 200, 200, 200, 200]),
    ("GET", "/api/reports/summary", None, [401, 403, 403, 200, 200]),
    ("POST", "/api/notifications/read", {}, [401, 200, 200, 200, 200]),
    ("PUT", "/api/sla-policies", "default_sla_policy", [401, 403, 403, 403, 200]),
    ("GET", "/api/search?q=private", None, [401, 200, 200, 200, 200]),
    ("GET", "/api/exports/tickets", None, [401, 403, 403, 200, 200]),
    ("GET", "/api/tickets/{ticket}/transcript", None, [401, 200, 404, 200, 200]),
    ("GET", "/api/quick-replies", None, [401, 403, 403, 200, 200]),
    ("POST", "/api/quick-replies", "new_quick_reply", [401, 403, 403, 201, 201]),
    ("GET", "/api/webhooks", None, [401, 403, 403, 403, 200]),
    ("POST", "/api/webhooks", "new_webhook", [401, 403, 403, 403, 201]),
    ("GET", "/api/webhooks/{webhook}", None, [401, 403, 403, 403, 200]),
    ("PATCH", "/api/webhooks/{webhook}", {"description": "Matrix"}, [401, 403, 403, 403, 200]),
    ("GET", "/api/webhooks/{webhook}/deliveries", None, [401, 403, 403, 403, 200]),
    ("DELETE", "/api/webhooks/missing-webhook", None, [401, 403, 403, 403, 404]),
    ("GET", "/api/tickets/missing-ticket", None, [401, 404, 404, 404, 404]),
    ("GET", "/health", None, [200, 200, 200, 200, 200]),
]


@pytest.fixture(scope="module")
def actors(server, customer_a, customer_b, agent, admin):
    return {"anonymous": None, "customer_a": customer_a, "customer_b": customer_b, "agent": agent, "admin": admin}


@pytest.fixture(scope="module")
def webhook(admin):
    """An inactive endpoint: the shared server sends nothing to it."""
    response = admin.http.post("/api/webhooks", json=body_for("new_webhook", None))
    assert response.status_code == 201, response.text
    yield response.json()
    admin.http.delete(f"/api/webhooks/{response.json()['id']}")


@pytest.fixture(scope="module")
def secret_ticket(customer_a):
    return open_ticket(customer_a, title="Alice's private matter")


def body_for(kind, customer_a):
    if kind == "on_behalf":
        return {"title": "On behalf", "category": "general", "content": "x", "customerId": customer_a.id}
    if kind == "new_ticket":
        return {"title": "Own ticket", "category": "general", "content": "x"}
    if kind == "default_sla_policy":
        hours = {"urgent": (1, 1, 4), "high": (4, 4, 12), "medium": (8, 8, 24), "low": (24, 24, 72)}
        return {"targets": {priority: {"firstResponseSeconds": a * 3600, "nextResponseSeconds": b * 3600, "resolutionSeconds": c * 3600}
                            for priority, (a, b, c) in hours.items()}}
    if kind == "new_quick_reply":
        return {"shortcut": f"matrix{next(_emails)}", "text": "Hello {{customer.name}}"}
    if kind == "new_webhook":
        return {"url": "https://hooks.example.invalid/matrix", "events": ["ticket.created"], "isActive": False}
    if kind == "new_user":
        return {"email": f"matrix{next(_emails)}@blackbox.test", "name": "Matrix", "role": "customer"}
    return kind


@pytest.mark.parametrize("method,path,body,expected", MATRIX, ids=[f"{m} {p} {i}" for i, (m, p, _, _) in enumerate(MATRIX)])
@pytest.mark.parametrize("role_index,role", list(enumerate(ROLES)))
def test_authorization_matrix(server, actors, secret_ticket, webhook, customer_a, customer_b, method, path, body, expected, role_index, role):
    url = path.format(ticket=secret_ticket["id"], number=secret_ticket["ticketNumber"], customer_b=customer_b.id, webhook=webhook["id"])
    actor = actors[role]
    client = actor.http if actor else server.client()
    response = client.request(method, url, json=body_for(body, customer_a))
    assert response.status_code == expected[role_index], f"{role} {method} {url}: {response.text}"
    if response.status_code >= 400:
        error = response.json()["error"]
        assert set(error) == {"code", "message"} and error["code"] and error["message"]
        assert "private matter" not in response.text


def test_customers_never_see_other_customers_tickets(customer_b, secret_ticket):
    listed = customer_b.http.get("/api/user/tickets", params={"limit": 100}).json()["tickets"]
    assert secret_ticket["id"] not in [t["id"] for t in listed]
    search = customer_b.http.get("/api/user/tickets", params={"q": "private matter"}).json()["tickets"]
    assert search == []
    found = customer_b.http.get("/api/search", params={"q": "private matter"}).json()["results"]
    assert found == []
    assert customer_b.http.get(f"/api/tickets/{secret_ticket['id']}/transcript").status_code == 404


def test_payload_identity_fields_are_ignored(customer_b, secret_ticket, customer_a):
    forged = customer_b.http.post("/api/user/tickets", json={
        "title": "Forged", "category": "general", "content": "x", "userId": customer_a.id, "customerId": customer_a.id})
    assert forged.status_code == 201
    assert forged.json()["userId"] == customer_b.id
