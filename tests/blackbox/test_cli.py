"""The command line: migrate, user add, and the hint on a desk without an admin."""

import re
from datetime import datetime, timedelta

import httpx

from helpdesk_server import Server, new_database, run_cli


def test_migrate_is_idempotent(tmp_path):
    database = new_database(tmp_path)
    assert "up to date" in run_cli("migrate", "--database", database).stdout
    assert "up to date" in run_cli("migrate", "--database", database).stdout


def test_user_add_generates_a_password_once(tmp_path):
    database = new_database(tmp_path)
    result = run_cli("user", "add", "--database", database, "--email", "Agent@Example.com", "--name", "Agent", "--role", "agent")
    password = re.search(r"Password: (\S+)", result.stdout).group(1)
    duplicate = run_cli("user", "add", "--database", database, "--email", "agent@example.com", "--name", "Twin",
                        "--role", "agent", "--password", "password-1", check=False)
    assert duplicate.returncode != 0
    assert "already exists" in duplicate.stderr
    invalid = run_cli("user", "add", "--database", database, "--email", "x@example.com", "--name", "X",
                      "--role", "wizard", "--password", "password-1", check=False)
    assert invalid.returncode != 0
    server = Server(database).start()
    try:
        response = httpx.post(server.url + "/api/auth/login", json={"email": "agent@example.com", "password": password})
        assert response.status_code == 200
        assert response.json()["user"]["role"] == "agent"
    finally:
        assert server.stop() == 0


def test_serve_explains_how_to_create_the_first_admin(tmp_path):
    server = Server(new_database(tmp_path)).start()
    try:
        assert server.wait_for_line(re.compile(r"helpdesk user add .*--role admin"), timeout=10)
    finally:
        assert server.stop() == 0


def test_environment_configures_the_server(tmp_path):
    database = new_database(tmp_path)
    run_cli("user", "add", "--database", database, "--email", "c@example.com", "--name", "C",
            "--role", "customer", "--password", "password-1")
    server = Server(database, env={"HELPDESK_ALLOW_REGISTRATION": "false", "HELPDESK_SLA_URGENT_HOURS": "2",
                                   "HELPDESK_CATEGORIES": "sales,support"}).start()
    try:
        with server.client() as client:
            response = client.post("/api/auth/register", json={"email": "a@example.com", "name": "A", "password": "password-1"})
            assert response.status_code == 403
            token = client.post("/api/auth/login", json={"email": "c@example.com", "password": "password-1"}).json()["token"]
        with server.client(token) as client:
            body = {"title": "Quote", "category": "sales", "priority": "urgent", "content": "Need a quote"}
            ticket = client.post("/api/user/tickets", json=body).json()
            created, deadline = (datetime.fromisoformat(ticket[k].replace("Z", "+00:00")) for k in ("createdAt", "slaDeadline"))
            assert deadline - created == timedelta(hours=2)
            refused = client.post("/api/user/tickets", json={**body, "category": "general"})
            assert refused.status_code == 400 and "sales, support" in refused.json()["error"]["message"]
    finally:
        assert server.stop() == 0


def test_bad_configuration_is_refused(tmp_path):
    for variable, value in (("HELPDESK_PORT", "eighty"), ("HELPDESK_RECOVERY_LOG_MB", "0")):
        result = run_cli("serve", "--database", f"sqlite:{tmp_path}/db.sqlite", env={variable: value}, check=False)
        assert result.returncode != 0
        assert variable in result.stderr
    result = run_cli("migrate", "--database", "mysql://nope", check=False)
    assert result.returncode != 0
    assert "mysql://nope" in result.stderr
