"""The Engine.IO v4 test suite's cases, against the conformance server's echo endpoint at /engine.io/."""

import json
import time

import httpx
import pytest
import websocket

from helpdesk_server import CONFORMANCE_BINARY, Server

PING_INTERVAL = 0.3
PING_TIMEOUT = 0.2


@pytest.fixture(scope="module")
def conformance():
    server = Server(None, env={"PORT": "0"}, command=[CONFORMANCE_BINARY]).start()
    yield server
    assert server.stop() == 0


@pytest.fixture
def base(conformance):
    return conformance.url + "/engine.io/"


@pytest.fixture
def ws_base(conformance):
    return conformance.url.replace("http://", "ws://") + "/engine.io/"


def handshake(base):
    response = httpx.get(base, params={"EIO": "4", "transport": "polling"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/plain; charset=UTF-8"
    assert response.text[0] == "0"
    return json.loads(response.text[1:])


def session_url(base, sid):
    return f"{base}?EIO=4&transport=polling&sid={sid}"


def poll_past_pings(base, sid):
    """Polls, answering heartbeat pings, until something other than a ping arrives."""
    while True:
        body = httpx.get(session_url(base, sid), timeout=2).text
        if body != "2":
            return body
        httpx.post(session_url(base, sid), content="3")


class TestHandshake:
    def test_opens_a_polling_session(self, base):
        data = handshake(base)
        assert len(data["sid"]) == 20
        assert data["upgrades"] == ["websocket"]
        assert (data["pingInterval"], data["pingTimeout"], data["maxPayload"]) == (300, 200, 1000000)

    @pytest.mark.parametrize("params", [{"transport": "polling"}, {"EIO": "abc", "transport": "polling"}])
    def test_refuses_an_invalid_eio(self, base, params):
        assert httpx.get(base, params=params).status_code == 400

    @pytest.mark.parametrize("params", [{"EIO": "4"}, {"EIO": "4", "transport": "abc"}])
    def test_refuses_an_invalid_transport(self, base, params):
        assert httpx.get(base, params=params).status_code == 400

    def test_refuses_an_invalid_method(self, base):
        assert httpx.post(base, params={"EIO": "4", "transport": "polling"}).status_code == 400
        assert httpx.put(base, params={"EIO": "4", "transport": "polling"}).status_code in (400, 404)

    def test_opens_a_websocket_session(self, ws_base):
        socket = websocket.create_connection(ws_base + "?EIO=4&transport=websocket")
        opened = socket.recv()
        assert opened[0] == "0"
        data = json.loads(opened[1:])
        assert data["upgrades"] == [] and len(data["sid"]) == 20
        socket.close()

    def test_refuses_a_websocket_with_an_invalid_eio(self, ws_base):
        with pytest.raises(websocket.WebSocketBadStatusException):
            websocket.create_connection(ws_base + "?EIO=abc&transport=websocket")

    def test_cors_headers_for_any_origin(self, base):
        response = httpx.get(base, params={"EIO": "4", "transport": "polling"}, headers={"Origin": "https://example.com"})
        assert response.headers["access-control-allow-origin"] == "https://example.com"
        preflight = httpx.options(base, params={"EIO": "4", "transport": "polling"}, headers={"Origin": "https://example.com"})
        assert preflight.status_code == 204


class TestMessages:
    def test_polling_echo_of_text_and_binary(self, base):
        sid = handshake(base)["sid"]
        post = httpx.post(session_url(base, sid), content="4hello\x1ebAQIDBA==\x1e4€uro")
        assert post.status_code == 200 and post.text == "ok"
        assert httpx.get(session_url(base, sid)).text == "4hello\x1ebAQIDBA==\x1e4€uro"

    def test_websocket_echo_of_text_and_binary(self, ws_base):
        socket = websocket.create_connection(ws_base + "?EIO=4&transport=websocket")
        socket.recv()
        socket.send("4hello")
        assert socket.recv() == "4hello"
        socket.send_binary(bytes([1, 2, 3, 4]))
        assert socket.recv_data() == (websocket.ABNF.OPCODE_BINARY, bytes([1, 2, 3, 4]))
        socket.close()

    def test_unknown_session(self, base):
        assert httpx.get(session_url(base, "unknown")).status_code == 400
        assert httpx.post(session_url(base, "unknown"), content="4hi").status_code == 400

    def test_malformed_packet_closes_the_session(self, base):
        sid = handshake(base)["sid"]
        assert httpx.post(session_url(base, sid), content="garbage").status_code == 400
        assert httpx.get(session_url(base, sid)).status_code == 400


class TestHeartbeat:
    def test_polling_ping_pong(self, base):
        sid = handshake(base)["sid"]
        for _ in range(3):
            assert httpx.get(session_url(base, sid), timeout=2).text == "2"
            assert httpx.post(session_url(base, sid), content="3").status_code == 200

    def test_polling_session_closes_on_ping_timeout(self, base):
        sid = handshake(base)["sid"]
        time.sleep(PING_INTERVAL + PING_TIMEOUT + 0.2)  # the protocol's own deadline is what is under test
        response = httpx.get(session_url(base, sid), timeout=2)
        assert response.status_code == 400 or response.text in ("2", "6", "1")
        assert httpx.get(session_url(base, sid), timeout=2).status_code == 400

    def test_websocket_ping_pong_and_timeout(self, ws_base):
        socket = websocket.create_connection(ws_base + "?EIO=4&transport=websocket", timeout=2)
        socket.recv()
        assert socket.recv() == "2"
        socket.send("3")
        assert socket.recv() == "2"
        opcode, _ = socket.recv_data(control_frame=True)
        assert opcode == websocket.ABNF.OPCODE_CLOSE


class TestClose:
    def test_client_close_ends_the_session(self, base):
        """A close packet ends the session: a poll still waiting is answered with noop (or with a
        heartbeat ping that came first; one that arrives after the close is refused), and the session is gone afterwards."""
        sid = handshake(base)["sid"]
        import concurrent.futures
        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            poll = pool.submit(httpx.get, session_url(base, sid), timeout=2)
            assert httpx.post(session_url(base, sid), content="1").status_code == 200
            answer = poll.result()
            assert answer.status_code == 400 or answer.text in ("6", "2"), answer.text
        assert httpx.get(session_url(base, sid)).status_code == 400

    def test_websocket_close_packet(self, ws_base):
        socket = websocket.create_connection(ws_base + "?EIO=4&transport=websocket", timeout=2)
        sid = json.loads(socket.recv()[1:])["sid"]
        socket.send("1")
        opcode, _ = socket.recv_data(control_frame=True)
        assert opcode == websocket.ABNF.OPCODE_CLOSE


class TestUpgrade:
    def test_upgrade_from_polling_to_websocket(self, base, ws_base):
        sid = handshake(base)["sid"]
        socket = websocket.create_connection(f"{ws_base}?EIO=4&transport=websocket&sid={sid}", timeout=2)
        socket.send("2probe")
        assert socket.recv() == "3probe"
        socket.send("5")
        socket.send("4hello")
        assert socket.recv() == "4hello"
        assert httpx.get(session_url(base, sid)).status_code == 400
        second = websocket.create_connection(f"{ws_base}?EIO=4&transport=websocket&sid={sid}", timeout=2)
        opcode, _ = second.recv_data(control_frame=True)
        assert opcode == websocket.ABNF.OPCODE_CLOSE
        socket.close()

    def test_pending_poll_gets_noop_on_probe(self, base, ws_base):
        """Whether the poll is parked before the probe or arrives after it, it is answered with noop."""
        sid = handshake(base)["sid"]
        import concurrent.futures
        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            poll = pool.submit(poll_past_pings, base, sid)
            socket = websocket.create_connection(f"{ws_base}?EIO=4&transport=websocket&sid={sid}", timeout=2)
            socket.send("2probe")
            assert socket.recv() == "3probe"
            assert poll.result() == "6"
        socket.send("5")
        socket.close()
