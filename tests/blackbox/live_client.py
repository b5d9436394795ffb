"""A real python-socketio client signed in as one user, recording every event it receives."""

import json
import queue
import time

import socketio
import websocket


class LiveClient:
    def __init__(self, server, token=None, transport="websocket", headers=None):
        self.client = socketio.Client(reconnection=False)
        self.received = queue.Queue()
        self.history = []
        self.connect_error = None

        @self.client.on("*")
        def catch_all(event, *args):
            self.received.put((event, args[0] if args else None))

        @self.client.event
        def connect_error(data):
            self.connect_error = data

        self.client.connect(server.url, auth={"token": token} if token else None, transports=[transport],
                            headers=headers or {}, wait_timeout=5)

    def call(self, event, payload, timeout=5):
        return self.client.call(event, payload, timeout=timeout)

    def wait_for(self, event, match=lambda data: True, timeout=5):
        """The first `event` (seen before or arriving within `timeout`) whose payload satisfies `match`."""
        for name, data in self.history:
            if name == event and match(data):
                return data
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"no {event} within {timeout}s; saw {[name for name, _ in self.history]}")
            try:
                name, data = self.received.get(timeout=remaining)
            except queue.Empty:
                continue
            self.history.append((name, data))
            if name == event and match(data):
                return data

    def drain(self):
        """Everything received so far, without waiting."""
        while not self.received.empty():
            self.history.append(self.received.get_nowait())
        return self.history

    def close(self):
        self.client.disconnect()


class RawSocket:
    """A Socket.IO client speaking the wire protocol directly, like socket.io-client's recovery."""

    def __init__(self, server, headers=None):
        self.ws = websocket.create_connection(server.url.replace("http://", "ws://") + "/socket.io/?EIO=4&transport=websocket",
                                              timeout=5, header=[f"{k}: {v}" for k, v in (headers or {}).items()])
        assert self.ws.recv().startswith("0{")
        self.offset = None

    def send(self, packet):
        self.ws.send(packet)

    def next_packet(self):
        """The next Socket.IO packet, answering heartbeats and remembering broadcast offsets."""
        while True:
            text = self.ws.recv()
            if text == "2":
                self.ws.send("3")
                continue
            if text.startswith("42"):
                args = json.loads(text[2:])
                if isinstance(args[-1], str):
                    self.offset = args[-1]
                return "event", args
            return "other", text

    def until_event(self, name, match=lambda payload: True):
        while True:
            kind, value = self.next_packet()
            if kind == "event" and value[0] == name and match(value[1]):
                return value[1]

    def connect(self, auth):
        self.send("40" + json.dumps(auth))
        kind, text = self.next_packet()
        assert kind == "other" and text.startswith("40{"), text
        return json.loads(text[2:])

    def drop(self):
        """Loses the connection without saying goodbye."""
        self.ws.shutdown()


async def send_messages(client, ticket_id, label, count):
    """Sends `count` messages from an asynchronous Socket.IO client, one after the other; returns their ids."""
    ids = []
    for n in range(count):
        ack = await client.call("send_message", {"ticketId": ticket_id, "content": f"{label} message {n}"}, timeout=30)
        assert ack["ok"], ack
        ids.append(ack["message"]["id"])
    return ids
