"""Every error case answers with the right status and `{"error": {"code", "message"}}`."""

import httpx
import pytest

from conftest import open_ticket
from helpdesk_server import Server, new_database


def error_of(response, status, code):
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    error = response.json()["error"]
    assert error["code"] == code, error
    assert error["message"]
    return error["message"]


def test_malformed_json(customer_a):
    response = customer_a.http.post("/api/user/tickets", content=b"{\"title\": ", headers={"content-type": "application/json"})
    error_of(response, 400, "BAD_REQUEST")
    error_of(customer_a.http.post("/api/user/tickets", content=b"[1, 2]"), 400, "BAD_REQUEST")
    error_of(customer_a.http.post("/api/user/tickets", content=b""), 400, "BAD_REQUEST")


def test_validation_names_the_field(customer_a):
    cases = [
        ({"category": "general", "content": "x"}, "title"),
        ({"title": "A", "category": "general", "content": 42}, "content"),
        ({"title": "A", "category": "weather", "content": "x"}, "category"),
        ({"title": "A", "category": "general", "content": "x", "priority": "whenever"}, "priority"),
        ({"title": "   ", "category": "general", "content": "x"}, "title"),
        ({"title": "A" * 201, "category": "general", "content": "x"}, "title"),
        ({"title": "A", "category": "general", "content": "x" * 10001}, "content"),
        ({"title": "bell\u0007", "category": "general", "content": "x"}, "title"),
    ]
    for body, field in cases:
        message = error_of(customer_a.http.post("/api/user/tickets", json=body), 400, "VALIDATION_FAILED")
        assert message.startswith(field + ":"), (body, message)


def test_invalid_query_parameters(agent):
    for params, field in [({"limit": 1000}, "limit"), ({"status": "sleeping"}, "status"),
                          ({"sort": "mood"}, "sort"), ({"cursor": "!!!"}, "cursor"), ({"order": "up"}, "order")]:
        message = error_of(agent.http.get("/api/tickets", params=params), 400, "VALIDATION_FAILED")
        assert message.startswith(field + ":")


def test_unauthenticated_and_forbidden(server, customer_a):
    with server.client() as anonymous:
        error_of(anonymous.get("/api/user/tickets"), 401, "UNAUTHORIZED")
    with server.client("not-a-real-token") as forged:
        error_of(forged.get("/api/auth/me"), 401, "UNAUTHORIZED")
    error_of(customer_a.http.get("/api/tickets"), 403, "FORBIDDEN")


def test_wrong_password(server, customer_a):
    with server.client() as client:
        response = client.post("/api/auth/login", json={"email": customer_a.user["email"], "password": "wrong-password"})
        error_of(response, 401, "UNAUTHORIZED")


def test_not_found(agent):
    error_of(agent.http.get("/api/tickets/TKT99129999"), 404, "NOT_FOUND")
    error_of(agent.http.patch("/api/tickets/nope", json={"status": "closed"}), 404, "NOT_FOUND")
    error_of(agent.http.get("/no/such/page"), 404, "NOT_FOUND")


def test_conflicts(server, admin, customer_a):
    taken = customer_a.user["email"]
    error_of(admin.http.post("/api/users", json={"email": taken, "name": "Twin", "role": "customer"}), 409, "CONFLICT")
    with server.client() as client:
        error_of(client.post("/api/auth/register", json={"email": taken.upper(), "name": "Twin", "password": "password-123"}),
                 409, "CONFLICT")


def test_invalid_transition(customer_a, agent):
    ticket = open_ticket(customer_a)
    assert agent.http.patch(f"/api/tickets/{ticket['id']}", json={"status": "resolved"}).status_code == 200
    message = error_of(agent.http.patch(f"/api/tickets/{ticket['id']}", json={"status": "pending"}), 422, "INVALID_TRANSITION")
    assert "resolved" in message and "pending" in message
    assert agent.http.patch(f"/api/tickets/{ticket['id']}", json={"status": "closed"}).status_code == 200
    error_of(agent.http.post(f"/api/tickets/{ticket['id']}/messages", json={"content": "Hello?"}), 409, "CONFLICT")


def test_empty_patch_and_bad_assignee(customer_a, agent):
    ticket = open_ticket(customer_a)
    error_of(agent.http.patch(f"/api/tickets/{ticket['id']}", json={}), 400, "VALIDATION_FAILED")
    message = error_of(agent.http.patch(f"/api/tickets/{ticket['id']}", json={"assigneeId": customer_a.id}), 400, "VALIDATION_FAILED")
    assert message.startswith("assigneeId:")


def test_oversized_body(customer_a):
    body = b'{"title":"A","category":"general","content":"' + b"x" * (2 << 20) + b'"}'
    response = customer_a.http.post("/api/user/tickets", content=body, headers={"content-type": "application/json"})
    error_of(response, 413, "PAYLOAD_TOO_LARGE")
    assert customer_a.http.get("/api/auth/me").status_code == 200


def test_cross_site_cookie_requests_are_refused(server, customer_a):
    ticket = open_ticket(customer_a)
    cookies = {"helpdesk_session": customer_a.token}
    with httpx.Client(base_url=server.url, cookies=cookies) as browser:
        body = {"content": "Sent from evil.example"}
        error_of(browser.post(f"/api/tickets/{ticket['id']}/messages", json=body, headers={"Origin": "https://evil.example"}),
                 403, "CSRF_REJECTED")
        error_of(browser.post(f"/api/tickets/{ticket['id']}/messages", json=body), 403, "CSRF_REJECTED")
        assert browser.get(f"/api/tickets/{ticket['id']}").status_code == 200
    messages = customer_a.http.get(f"/api/tickets/{ticket['id']}/messages").json()["messages"]
    assert all("evil" not in m["content"] for m in messages)


@pytest.fixture(scope="module")
def throttled_server(tmp_path_factory):
    database = new_database(tmp_path_factory.mktemp('throttled'))
    running = Server(database, env={"HELPDESK_RATE_LIMIT": "30", "HELPDESK_LOGIN_RATE_LIMIT": "3"}).start()
    yield running
    assert running.stop() == 0


def test_login_attempts_are_rate_limited(throttled_server):
    with throttled_server.client() as client:
        attempts = [client.post("/api/auth/login", json={"email": "ghost@blackbox.test", "password": "guess-number"})
                    for _ in range(4)]
    assert [r.status_code for r in attempts[:3]] == [401, 401, 401]
    error_of(attempts[3], 429, "RATE_LIMITED")
    assert int(attempts[3].headers["retry-after"]) >= 1


def test_requests_are_rate_limited(throttled_server):
    with throttled_server.client() as client:
        statuses = [client.get("/api/auth/me").status_code for _ in range(40)]
        assert 429 in statuses
        limited = client.get("/api/auth/me")
        error_of(limited, 429, "RATE_LIMITED")
        assert int(limited.headers["retry-after"]) >= 1
        assert client.get("/health").status_code == 200
