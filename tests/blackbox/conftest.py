"""Shared fixtures: one server for the suite, with an admin made on the command line and users made over the API."""

import itertools
import os

import pytest

from helpdesk_server import BINARY, Server, new_database, run_cli

ADMIN_EMAIL = "admin@blackbox.test"
ADMIN_PASSWORD = "admin-password-1"
_counter = itertools.count(1)


def pytest_configure(config):
    if not BINARY or not os.access(BINARY, os.X_OK):
        raise pytest.UsageError("set HELPDESK_BINARY to the built helpdesk executable (scripts/test does)")


def unique(prefix):
    return f"{prefix}{next(_counter)}"


class Actor:
    """A signed-in user with an HTTP client that sends their bearer token."""

    def __init__(self, server, user, token):
        self.user = user
        self.token = token
        self.http = server.client(token)

    @property
    def id(self):
        return self.user["id"]


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium (the system's, through Playwright) for every browser test."""
    from playwright.sync_api import sync_playwright

    from web_pages import chromium_path

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_path(), args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    database = new_database(tmp_path_factory.mktemp('db'))
    run_cli("user", "add", "--database", database, "--email", ADMIN_EMAIL, "--name", "Ada Admin",
            "--role", "admin", "--password", ADMIN_PASSWORD)
    running = Server(database).start()
    yield running
    assert running.stop() == 0


def sign_in(server, email, password):
    with server.client() as client:
        response = client.post("/api/auth/login", json={"email": email, "password": password})
        assert response.status_code == 200, response.text
        body = response.json()
    return Actor(server, body["user"], body["token"])


@pytest.fixture(scope="session")
def admin(server):
    return sign_in(server, ADMIN_EMAIL, ADMIN_PASSWORD)


def make_user(server, admin, role, name=None):
    email = f"{unique(role)}@blackbox.test"
    password = "password-" + email
    response = admin.http.post("/api/users", json={"email": email, "name": name or email, "role": role, "password": password})
    assert response.status_code == 201, response.text
    return sign_in(server, email, password)


@pytest.fixture(scope="session")
def agent(server, admin):
    return make_user(server, admin, "agent", "Sami Agent")


@pytest.fixture(scope="session")
def customer_a(server, admin):
    return make_user(server, admin, "customer", "Alice Customer")


@pytest.fixture(scope="session")
def customer_b(server, admin):
    return make_user(server, admin, "customer", "Bob Customer")


@pytest.fixture
def new_customer(server, admin):
    return lambda: make_user(server, admin, "customer")


def open_ticket(actor, title="Printer is on fire", **fields):
    body = {"title": title, "category": "technical", "priority": "high", "content": "Smoke everywhere", **fields}
    response = actor.http.post("/api/user/tickets", json=body)
    assert response.status_code == 201, response.text
    return response.json()
