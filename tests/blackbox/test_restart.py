"""Data and sessions survive a restart; the server stops cleanly on SIGTERM."""

from conftest import ADMIN_EMAIL, ADMIN_PASSWORD
from helpdesk_server import Server, new_database, run_cli


def test_data_survives_a_restart(tmp_path):
    database = new_database(tmp_path)
    run_cli("user", "add", "--database", database, "--email", ADMIN_EMAIL, "--name", "Admin",
            "--role", "admin", "--password", ADMIN_PASSWORD)
    first = Server(database).start()
    with first.client() as client:
        token = client.post("/api/auth/login", json={"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD}).json()["token"]
    with first.client(token) as client:
        ticket = client.post("/api/user/tickets", json={
            "title": "Survives restarts", "category": "general", "content": "Please keep me"}).json()
        reply = client.post(f"/api/tickets/{ticket['id']}/messages", json={"content": "Kept"})
        assert reply.status_code == 201
    assert first.stop() == 0

    second = Server(database).start()
    try:
        with second.client(token) as client:
            detail = client.get(f"/api/tickets/{ticket['ticketNumber']}")
            assert detail.status_code == 200
            body = detail.json()
            assert body["ticket"]["title"] == "Survives restarts"
            assert [m["content"] for m in body["messages"]] == ["Please keep me", "Kept"]
            again = client.post("/api/user/tickets", json={"title": "Next", "category": "general", "content": "x"}).json()
            assert again["ticketNumber"] > ticket["ticketNumber"]
    finally:
        assert second.stop() == 0
