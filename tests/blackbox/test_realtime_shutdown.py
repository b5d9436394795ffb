"""Graceful shutdown closes every Socket.IO connection, so clients know to reconnect, and exits cleanly."""

import socket
import threading
import time

import pytest
import socketio

from conftest import ADMIN_EMAIL, ADMIN_PASSWORD
from helpdesk_server import Server, new_database, run_cli


@pytest.mark.parametrize("transport", ["polling", "websocket"])
def test_shutdown_disconnects_clients(tmp_path, transport):
    database = new_database(tmp_path)
    run_cli("user", "add", "--database", database, "--email", ADMIN_EMAIL, "--name", "Admin",
            "--role", "admin", "--password", ADMIN_PASSWORD)
    server = Server(database).start()
    with server.client() as http:
        token = http.post("/api/auth/login", json={"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD}).json()["token"]
    client = socketio.Client(reconnection=False)
    disconnected = threading.Event()
    client.on("disconnect", lambda *reason: disconnected.set())
    client.connect(server.url, auth={"token": token}, transports=[transport], wait_timeout=5)
    started = time.monotonic()
    assert server.stop(timeout=20) == 0
    assert disconnected.wait(10)
    assert time.monotonic() - started < 15


def test_shutdown_does_not_wait_for_connections_that_never_sent_a_request(tmp_path):
    """Browsers open spare connections ahead of need; they must not hold a stopping server up."""
    server = Server(new_database(tmp_path)).start()
    host, port = server.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port))) as silent:
        with server.client() as http:
            assert http.get("/health").status_code == 200
        started = time.monotonic()
        assert server.stop(timeout=10) == 0
        assert time.monotonic() - started < 5
        assert silent.recv(1) == b""
