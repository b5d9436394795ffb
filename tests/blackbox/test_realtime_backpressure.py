"""A WebSocket client that stops reading is disconnected once its outbound buffer is full, instead of
making the server hold an ever-growing backlog; everyone else carries on."""

import json
import socket
import time

import pytest
import websocket

from conftest import ADMIN_EMAIL, ADMIN_PASSWORD
from helpdesk_server import Server, new_database, run_cli
from live_client import LiveClient

# Each message reaches the stalled tab as ~10 KB or more; 1,200 of them are well over what the
# kernel's socket buffers (~4 MB here) and the server's 4 MiB outbound bound hold together.
MESSAGES = 1200
CONTENT = "x" * 10_000


def raw_socket_in_ticket(server, token, ticket_id):
    """A Socket.IO client spoken by hand over one WebSocket, joined to the ticket, with a small receive buffer."""
    url = server.url.replace("http://", "ws://") + "/socket.io/?EIO=4&transport=websocket"
    ws = websocket.create_connection(url, timeout=10, sockopt=[(socket.SOL_SOCKET, socket.SO_RCVBUF, 65536)])
    assert ws.recv().startswith("0{")
    ws.send("40" + json.dumps({"token": token}))
    assert ws.recv().startswith("40{")
    ws.send("421" + json.dumps(["join_ticket", {"ticketId": ticket_id}]))
    while not (frame := ws.recv()).startswith("431"):
        pass
    assert json.loads(frame[3:])[0]["ok"], frame
    return ws


def test_a_client_that_stops_reading_is_disconnected(tmp_path):
    database = new_database(tmp_path)
    run_cli("user", "add", "--database", database, "--email", ADMIN_EMAIL, "--name", "Admin",
            "--role", "admin", "--password", ADMIN_PASSWORD)
    server = Server(database, env={"HELPDESK_SOCKET_RATE_LIMIT": "1000000"}).start()
    try:
        with server.client() as http:
            admin = http.post("/api/auth/login", json={"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD}).json()["token"]
            http.cookies.clear()
            created = http.post("/api/users", headers={"Authorization": f"Bearer {admin}"},
                                json={"email": "flood@blackbox.test", "name": "Flo", "role": "customer", "password": "flood-password"})
            assert created.status_code == 201, created.text
            token = http.post("/api/auth/login", json={"email": "flood@blackbox.test", "password": "flood-password"}).json()["token"]
            http.cookies.clear()
            ticket = http.post("/api/user/tickets", headers={"Authorization": f"Bearer {token}"},
                               json={"title": "Flood", "category": "general", "content": "Hello"})
            assert ticket.status_code == 201, ticket.text
            ticket_id = ticket.json()["id"]

        connected = time.monotonic()
        stalled = raw_socket_in_ticket(server, token, ticket_id)
        sender = LiveClient(server, token, "websocket")
        try:
            assert sender.call("join_ticket", {"ticketId": ticket_id})["ok"]
            for _ in range(MESSAGES):
                assert sender.call("send_message", {"ticketId": ticket_id, "content": CONTENT}, timeout=30)["ok"]

            # The stalled tab gets what was already on its way, then the end of the connection.
            received = 0
            with pytest.raises((websocket.WebSocketConnectionClosedException, ConnectionResetError, BrokenPipeError)):
                while True:
                    received += len(stalled.recv() or "")
            assert received < MESSAGES * len(CONTENT) / 2
            # Sooner than a missed heartbeat could have ended it (first ping after 25 s, then 20 s to answer).
            assert time.monotonic() - connected < 45, time.monotonic() - connected

            # The sender was not held back by the stalled tab.
            assert sender.call("send_message", {"ticketId": ticket_id, "content": "still here"})["ok"]
        finally:
            sender.close()
            stalled.close()
    finally:
        assert server.stop() == 0
