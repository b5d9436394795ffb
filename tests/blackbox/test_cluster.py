"""Three nodes on one PostgreSQL behind nginx (scripts/cluster): chat across nodes, shared presence,
exact fan-out, a node killed under traffic, the database stopped under traffic, SLA alerts once."""

import asyncio
import json
import os
import pathlib
import signal
import subprocess
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
import socketio

from conftest import ADMIN_EMAIL, ADMIN_PASSWORD, make_user, open_ticket, sign_in
from helpdesk_server import BINARY, POSTGRES_URL, TEST_ENVIRONMENT, run_cli
from live_client import LiveClient, RawSocket, send_messages

pytestmark = pytest.mark.skipif(not POSTGRES_URL, reason="the cluster runs on PostgreSQL: scripts/test runs it in its PostgreSQL pass")

SCRIPT = pathlib.Path(__file__).resolve().parents[2] / "scripts" / "cluster"


class Cluster:
    """A running scripts/cluster: nginx's URL, and each node by number (1–3)."""

    def __init__(self, directory):
        self.directory = directory
        self.env = {**os.environ, **TEST_ENVIRONMENT, "HELPDESK_BINARY": BINARY}
        self.url = self.script("start").strip().splitlines()[-1]
        state = dict(line.split(" ", 1) for line in (directory / "state").read_text().splitlines())
        self.database = state["database"]

    def script(self, *args):
        return subprocess.run([str(SCRIPT), args[0], str(self.directory), *args[1:]], env=self.env, check=True,
                              capture_output=True, text=True, timeout=120).stdout

    def client(self, token=None, node=None):
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        cookies = {"helpdesk_node": f"node{node}"} if node else {}
        return httpx.Client(base_url=self.url, headers=headers, cookies=cookies, timeout=30)

    def kill(self, node):
        os.kill(int((self.directory / f"node{node}.pid").read_text()), signal.SIGKILL)

    def start(self, node):
        self.script("node", str(node))


class Via:
    """What the socket clients need of a server: its URL (nginx's)."""

    def __init__(self, url):
        self.url = url


def on_node(node):
    return {"Cookie": f"helpdesk_node=node{node}"}


@pytest.fixture(scope="module")
def cluster():
    # Not under pytest's own temporary folder, which PostgreSQL's user may not enter.
    directory = pathlib.Path(tempfile.mkdtemp(prefix="helpdesk-cluster-"))
    running = Cluster(directory)
    run_cli("user", "add", "--database", running.database, "--email", ADMIN_EMAIL, "--name", "Ada Admin",
            "--role", "admin", "--password", ADMIN_PASSWORD)
    yield running
    running.script("stop")


@pytest.fixture(scope="module")
def admin(cluster):
    return sign_in(cluster, ADMIN_EMAIL, ADMIN_PASSWORD)


@pytest.fixture(scope="module")
def people(cluster, admin):
    return make_user(cluster, admin, "customer", "Cara Customer"), make_user(cluster, admin, "agent", "Sami Agent")


def answering_node(cluster, node):
    with cluster.client(node=node) as client:
        return client.get("/health").cookies.get("helpdesk_node")


def test_the_cookie_routes_a_client_to_its_node(cluster):
    assert [answering_node(cluster, node) for node in (1, 2, 3)] == ["node1", "node2", "node3"]


@pytest.mark.parametrize("transport", ["polling", "websocket"])
def test_a_customer_on_node1_and_an_agent_on_node3_chat_both_ways(cluster, people, transport):
    customer_account, agent_account = people
    ticket = open_ticket(customer_account, title=f"Across nodes ({transport})")
    customer = LiveClient(Via(cluster.url), customer_account.token, transport, headers=on_node(1))
    agent = LiveClient(Via(cluster.url), agent_account.token, transport, headers=on_node(3))
    try:
        assert customer.call("join_ticket", {"ticketId": ticket["id"]})["ok"]
        joined = agent.call("join_ticket", {"ticketId": ticket["id"]})
        assert sorted(p["userName"] for p in joined["present"]) == ["Cara Customer", "Sami Agent"]
        assert customer.wait_for("user_joined")["userId"] == agent_account.id

        assert agent.call("typing", {"ticketId": ticket["id"], "isTyping": True})["ok"]
        assert customer.wait_for("typing_indicator")["senderId"] == agent_account.id

        sent = agent.call("send_message", {"ticketId": ticket["id"], "content": "Hello from node 3"})
        got = customer.wait_for("message_received", lambda d: d["message"]["content"] == "Hello from node 3")
        assert got["message"]["id"] == sent["message"]["id"]

        reply = customer.call("send_message", {"ticketId": ticket["id"], "content": "Hello from node 1"})
        got = agent.wait_for("message_received", lambda d: d["message"]["content"] == "Hello from node 1")
        assert got["message"]["id"] == reply["message"]["id"]

        assert customer.call("mark_as_read", {"ticketId": ticket["id"]})["ok"]
        receipt = agent.wait_for("messages_read", lambda d: d["userId"] == customer_account.id)
        assert receipt["lastReadSeq"] == reply["message"]["seq"]

        customer.close()
        assert agent.wait_for("user_left")["userId"] == customer_account.id
    finally:
        customer.close()
        agent.close()


def test_three_hundred_clients_in_a_hundred_rooms_get_exactly_their_rooms_messages(cluster, admin):
    def make(index):
        customer = make_user(cluster, admin, "customer")
        return customer.token, open_ticket(customer, title=f"Room {index}")["id"]
    with ThreadPoolExecutor(16) as pool:
        rooms = list(pool.map(make, range(100)))
    # By host name: the asynchronous client's cookie jar keeps no cookies of an IP address, and
    # long-polling needs the node's cookie on every request.
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, fan_out(cluster.url.replace("127.0.0.1", "localhost"), rooms)).result()


async def fan_out(url, rooms, tabs=3, messages=2):
    clients = []
    for room, (token, ticket_id) in enumerate(rooms):
        for tab in range(tabs):
            client = socketio.AsyncClient(reconnection=False)
            client.inbox = []
            client.on("message_received", lambda data, *offset, inbox=client.inbox: inbox.append(data))
            # The tabs of a room sit on different nodes.
            clients.append((client, token, ticket_id, (room + tab) % 3 + 1))
    transports = ["websocket", "polling"]
    await asyncio.gather(*(c.connect(url, auth={"token": token}, transports=[transports[i % 2]], headers=on_node(node), wait_timeout=20)
                           for i, (c, token, _, node) in enumerate(clients)))
    try:
        assert all((await asyncio.gather(*(c.call("join_ticket", {"ticketId": t}, timeout=20) for c, _, t, _ in clients))))

        sent = await asyncio.gather(*(send_messages(c, t, f"client {i}", messages) for i, (c, _, t, _) in enumerate(clients)))
        # A last message per room, sent after every other: a node relays broadcasts in one order,
        # so once every client has it, nothing earlier can still be on its way.
        markers = await asyncio.gather(*(clients[room * tabs][0].call("send_message", {"ticketId": t, "content": "the end"}, timeout=30)
                                         for room, (_, t) in enumerate(rooms)))

        async def until_marker(client, marker_id):
            while not any(m["message"]["id"] == marker_id for m in client.inbox):
                await asyncio.sleep(0.05)
        await asyncio.wait_for(asyncio.gather(*(until_marker(c, markers[i // tabs]["message"]["id"])
                                                for i, (c, _, _, _) in enumerate(clients) if i % tabs != 0)), timeout=60)
        for index, (client, _, ticket_id, _) in enumerate(clients):
            room = index // tabs
            expected = {m for other in range(room * tabs, room * tabs + tabs) if other != index for m in sent[other]}
            received = [m["message"]["id"] for m in client.inbox if m["message"]["content"] != "the end"]
            assert len(received) == len(set(received)), f"client {index} got a message twice"
            assert set(received) == expected, f"client {index} got {len(received)} of {len(expected)}"
            assert all(m["ticketId"] == ticket_id for m in client.inbox)
    finally:
        await asyncio.gather(*(c.disconnect() for c, _, _, _ in clients))


def test_a_killed_nodes_clients_resume_on_another_node_without_losing_a_message(cluster, people):
    customer_account, agent_account = people
    ticket = open_ticket(customer_account, title="Node failure")
    agent = LiveClient(Via(cluster.url), agent_account.token, "websocket", headers=on_node(1))
    assert agent.call("join_ticket", {"ticketId": ticket["id"]})["ok"]
    watcher = RawSocket(Via(cluster.url), headers=on_node(2))
    accepted = watcher.connect({"token": customer_account.token})
    watcher.send('420["join_ticket",' + json.dumps({"ticketId": ticket["id"]}) + "]")
    agent.wait_for("user_joined", lambda d: d["userId"] == customer_account.id)
    seen = []

    acked, failures, stop = [], [], threading.Event()

    def send():
        with cluster.client(agent_account.token, node=1) as http:
            n = 0
            while not stop.is_set() or n < 40:
                response = http.post(f"/api/tickets/{ticket['id']}/messages", json={"content": f"Under fire {n}"})
                if response.status_code == 201:
                    acked.append(response.json()["id"])
                else:
                    failures.append(response.status_code)
                n += 1
    sender = threading.Thread(target=send)
    sender.start()
    try:
        while len(seen) < 10:
            seen.append(watcher.until_event("message_received")["message"]["id"])
        cluster.kill(2)
        stop.set()
        # The dead node's presence drops out once its heartbeat is missed.
        agent.wait_for("user_left", lambda d: d["userId"] == customer_account.id, timeout=15)
        try:
            while True:
                seen.append(watcher.until_event("message_received")["message"]["id"])
        except Exception:
            pass  # the connection died with its node
        sender.join(timeout=120)
        assert not failures, failures

        resumed = RawSocket(Via(cluster.url), headers=on_node(2))  # node 2 is gone: nginx picks another
        again = resumed.connect({"token": customer_account.token, "pid": accepted["pid"], "offset": watcher.offset})
        assert again["sid"] == accepted["sid"], "the session resumed on another node"
        while not set(acked) <= set(seen):
            seen.append(resumed.until_event("message_received")["message"]["id"])
        assert len(seen) == len(set(seen)), "no message arrived twice"
    finally:
        stop.set()
        sender.join(timeout=120)
        agent.close()
        cluster.start(2)


def test_the_nodes_ride_out_a_database_restart_and_lose_nothing_acknowledged(cluster, people):
    customer_account, agent_account = people
    ticket = open_ticket(customer_account, title="Database restart")
    agent = LiveClient(Via(cluster.url), agent_account.token, "websocket", headers=on_node(3))
    customer = LiveClient(Via(cluster.url), customer_account.token, "websocket", headers=on_node(1))
    try:
        assert agent.call("join_ticket", {"ticketId": ticket["id"]})["ok"]
        acked = []
        with cluster.client(customer_account.token, node=1) as http:
            def post(n):
                return http.post(f"/api/tickets/{ticket['id']}/messages", json={"content": f"Around the restart {n}"})
            for n in range(5):
                assert post(n).status_code == 201
                acked.append(n)

            cluster.script("halt-postgres")
            started = time.monotonic()
            down = post(100)
            assert down.status_code == 503 and down.json()["error"]["code"] == "UNAVAILABLE", down.text
            assert time.monotonic() - started < 5, "requests fail fast while the database is down"
            refused = customer.call("send_message", {"ticketId": ticket["id"], "content": "While it is down"}, timeout=15)
            assert refused["ok"] is False and refused["error"]["code"] == "UNAVAILABLE"
            assert customer.wait_for("error", lambda e: e["event"] == "send_message")["code"] == "UNAVAILABLE"
            cluster.script("resume-postgres")

            deadline = time.monotonic() + 60
            n = 5
            while len(acked) < 15:
                assert time.monotonic() < deadline, "the nodes came back by themselves"
                if post(n).status_code == 201:
                    acked.append(n)
                n += 1
        messages = agent_account.http.get(f"/api/tickets/{ticket['id']}/messages", params={"limit": 100}).json()["messages"]
        stored = [m["content"] for m in messages if m["sender"] == "customer"]
        assert [f"Around the restart {n}" for n in acked] == [c for c in stored if c.startswith("Around")]
        for n in acked:
            agent.wait_for("message_received", lambda d, n=n: d["message"]["content"] == f"Around the restart {n}", timeout=20)
    finally:
        agent.close()
        customer.close()


def test_an_sla_breach_is_recorded_and_announced_once_in_the_cluster(cluster, admin, people):
    _, agent_account = people
    policy = admin.http.get("/api/sla-policies").json()
    policy["targets"]["urgent"]["firstResponseSeconds"] = 1
    assert admin.http.put("/api/sla-policies", json=policy).status_code == 200
    for node in (1, 2, 3):
        deadline = time.monotonic() + 20
        with cluster.client(agent_account.token, node=node) as http:
            while http.get("/api/sla-policies").json()["targets"]["urgent"]["firstResponseSeconds"] != 1:
                assert time.monotonic() < deadline, f"node {node} took up the new policy"
                time.sleep(0.2)
    agents = [LiveClient(Via(cluster.url), agent_account.token, "websocket", headers=on_node(node)) for node in (1, 2, 3)]
    customer = make_user(cluster, admin, "customer")
    try:
        ticket = open_ticket(customer, title="Urgent across nodes", priority="urgent")
        for client in agents:
            client.wait_for("sla_breached", lambda d: d["ticketId"] == ticket["id"] and d["target"] == "firstResponse", timeout=20)
        # A later broadcast to the same agents: anything announced before it has arrived.
        marker = open_ticket(customer, title="After the breach")
        for client in agents:
            client.wait_for("ticket_list_updated", lambda d: d["ticketId"] == marker["id"])
            breaches = [d for name, d in client.drain() if name == "sla_breached" and d["ticketId"] == ticket["id"]
                        and d["target"] == "firstResponse"]
            assert len(breaches) == 1
        activity = admin.http.get(f"/api/tickets/{ticket['id']}").json()["activityLogs"]
        assert [(a["action"], a["to"]) for a in activity if a["action"] == "sla_breached"] == [("sla_breached", "firstResponse")]
    finally:
        for client in agents:
            client.close()
