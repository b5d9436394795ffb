"""200 concurrent clients in 100 rooms: each gets exactly its room's messages, none lost, none duplicated."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest
import socketio

from conftest import make_user, open_ticket
from live_client import send_messages

ROOMS = 100
TABS = 2
MESSAGES = 5


@pytest.fixture(scope="module")
def rooms(server, admin):
    """One customer per room, each with one ticket."""
    def make(_):
        customer = make_user(server, admin, "customer")
        return customer.token, open_ticket(customer, title="Fan-out")["id"]
    with ThreadPoolExecutor(16) as pool:
        return list(pool.map(make, range(ROOMS)))


@pytest.mark.parametrize("transport", ["polling", "websocket"])
def test_every_client_gets_exactly_its_rooms_messages(server, rooms, transport):
    # On a thread of its own: once a browser test ran, Playwright keeps an event loop on this one.
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, fan_out(server.url, rooms, transport)).result()


def collector(inbox):
    """A handler that keeps each event's payload (a recovery offset may follow it)."""
    return lambda data, *offset: inbox.append(data)


async def fan_out(url, rooms, transport):
    clients = []
    for token, ticket_id in rooms:
        for tab in range(TABS):
            client = socketio.AsyncClient(reconnection=False)
            client.inbox = []
            client.on("message_received", collector(client.inbox))
            clients.append((client, token, ticket_id))

    await asyncio.gather(*(c.connect(url, auth={"token": token}, transports=[transport], wait_timeout=20)
                           for c, token, _ in clients))
    joined = await asyncio.gather(*(c.call("join_ticket", {"ticketId": t}, timeout=20) for c, _, t in clients))
    assert all(answer["ok"] for answer in joined)

    sent = await asyncio.gather(*(send_messages(c, t, f"tab {i}", MESSAGES) for i, (c, _, t) in enumerate(clients)))
    # One more round trip per client: anything broadcast to it before its own ack has arrived by then.
    await asyncio.gather(*(c.call("leave_ticket", {"ticketId": t}, timeout=20) for c, _, t in clients))

    try:
        for index, (client, _, ticket_id) in enumerate(clients):
            sibling = index + 1 if index % TABS == 0 else index - 1
            received = [m["message"]["id"] for m in client.inbox]
            assert received == sent[sibling], f"client {index} got {len(received)} messages"
            assert all(m["ticketId"] == ticket_id for m in client.inbox)
    finally:
        await asyncio.gather(*(c.disconnect() for c, _, _ in clients))
