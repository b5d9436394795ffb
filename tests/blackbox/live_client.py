"""A real python-socketio client signed in as one user, recording every event it receives."""

import queue
import time

import socketio


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
