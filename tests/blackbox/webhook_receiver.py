"""A local HTTP endpoint that records the webhook deliveries it gets and answers as a test tells it."""

import hashlib
import hmac
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Delivery:
    def __init__(self, headers, body):
        self.headers = {name.lower(): value for name, value in headers.items()}
        self.body = body
        self.json = json.loads(body)

    @property
    def event(self):
        return self.json["type"]

    def signature_verifies(self, secret):
        timestamp = self.headers["x-helpdesk-timestamp"]
        expected = hmac.new(secret.encode(), timestamp.encode() + b"." + self.body, hashlib.sha256).hexdigest()
        return hmac.compare_digest(self.headers["x-helpdesk-signature"], "sha256=" + expected)


class Receiver:
    """Records every request; `answer(n)` gives the status for the n-th request (0-based), and a
    request for which `hold(n)` is true waits until `release()` before answering."""

    def __init__(self, answer=lambda n: 200, hold=lambda n: False):
        self.answer = answer
        self.hold = hold
        self.deliveries = []
        self._changed = threading.Condition()
        self._released = threading.Event()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                with receiver._changed:
                    index = len(receiver.deliveries)
                    receiver.deliveries.append(Delivery(dict(self.headers), body))
                    receiver._changed.notify_all()
                if receiver.hold(index):
                    receiver._released.wait(60)
                status = receiver.answer(index)
                self.send_response(status)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args):
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/hooks/helpdesk?source=test"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def wait_for(self, count, timeout=20):
        """The first `count` requests, once that many arrived."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while len(self.deliveries) < count:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"{len(self.deliveries)} deliveries within {timeout}s, wanted {count}: "
                                         f"{[d.event for d in self.deliveries]}")
                self._changed.wait(remaining)
            return list(self.deliveries[:count])

    def release(self):
        self._released.set()

    def close(self):
        self._released.set()
        self._server.shutdown()
        self._server.server_close()
