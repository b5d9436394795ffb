"""The Socket.IO v5 test suite's cases, as raw packets over WebSocket, plus a real python-socketio client,
against the conformance server's /socket.io/ endpoint."""

import json
import threading
import time

import pytest
import socketio
import websocket

from helpdesk_server import CONFORMANCE_BINARY, Server


@pytest.fixture(scope="module")
def conformance():
    server = Server(None, env={"PORT": "0"}, command=[CONFORMANCE_BINARY]).start()
    yield server
    assert server.stop() == 0


def open_socket(conformance):
    """An Engine.IO WebSocket session on /socket.io/ that answers pings itself."""
    ws = websocket.create_connection(conformance.url.replace("http://", "ws://") + "/socket.io/?EIO=4&transport=websocket", timeout=3)
    assert ws.recv().startswith("0{")
    return ws


def receive(ws):
    """The next Engine.IO message (text or bytes), answering pings on the way."""
    while True:
        opcode, data = ws.recv_data()
        if opcode == websocket.ABNF.OPCODE_BINARY:
            return data
        text = data.decode()
        if text == "2":
            ws.send("3")
            continue
        return text


def connect(ws, namespace="", auth=None):
    ws.send("40" + (namespace + "," if namespace else "") + (json.dumps(auth) if auth else ""))
    answer = receive(ws)
    prefix = "40" + (namespace + "," if namespace else "")
    assert answer.startswith(prefix), answer
    assert "sid" in json.loads(answer[len(prefix):])
    return receive(ws)


def assert_closed(ws):
    while True:
        try:
            opcode, data = ws.recv_data(control_frame=True)
        except websocket.WebSocketConnectionClosedException:
            return
        if opcode == websocket.ABNF.OPCODE_CLOSE:
            return
        if data == b"2":
            try:
                ws.send("3")
            except (BrokenPipeError, ConnectionResetError, websocket.WebSocketConnectionClosedException):
                return  # the server closed the connection while the pong was on its way: closed, as expected
            continue
        assert data == b"1", data


class TestConnection:
    def test_main_namespace(self, conformance):
        ws = open_socket(conformance)
        assert connect(ws) == '42["auth",{}]'

    def test_main_namespace_with_auth(self, conformance):
        ws = open_socket(conformance)
        assert connect(ws, auth={"token": "123"}) == '42["auth",{"token":"123"}]'

    def test_custom_namespace(self, conformance):
        ws = open_socket(conformance)
        assert connect(ws, "/custom") == '42/custom,["auth",{}]'

    def test_unknown_namespace(self, conformance):
        ws = open_socket(conformance)
        ws.send("40/random,")
        assert receive(ws) == '44/random,{"message":"Invalid namespace"}'

    def test_invalid_handshake_closes_the_connection(self, conformance):
        ws = open_socket(conformance)
        ws.send("4abc")
        assert_closed(ws)

    def test_no_handshake_closes_the_connection_after_the_connect_timeout(self, conformance):
        ws = open_socket(conformance)
        started = time.monotonic()
        assert_closed(ws)
        assert 0.9 <= time.monotonic() - started < 2.5

    def test_disconnect_and_reconnect(self, conformance):
        ws = open_socket(conformance)
        connect(ws)
        ws.send("41")
        assert connect(ws) == '42["auth",{}]'


class TestEvents:
    def test_plain_text_event(self, conformance):
        ws = open_socket(conformance)
        connect(ws)
        ws.send('42["message",1,"2",{"3":[true]}]')
        assert receive(ws) == '42["message-back",1,"2",{"3":[true]}]'

    def test_binary_event(self, conformance):
        ws = open_socket(conformance)
        connect(ws)
        ws.send('451-["message",{"_placeholder":true,"num":0}]')
        ws.send_binary(bytes([1, 2, 3]))
        assert receive(ws) == '451-["message-back",{"_placeholder":true,"num":0}]'
        assert receive(ws) == bytes([1, 2, 3])

    def test_plain_text_ack(self, conformance):
        ws = open_socket(conformance)
        connect(ws)
        ws.send('421["message-with-ack",1,"2",{"3":[false]}]')
        assert receive(ws) == '431[1,"2",{"3":[false]}]'

    def test_binary_ack(self, conformance):
        ws = open_socket(conformance)
        connect(ws)
        ws.send('451-456["message-with-ack",{"_placeholder":true,"num":0}]')
        ws.send_binary(bytes([1, 2, 3]))
        assert receive(ws) == '461-456[{"_placeholder":true,"num":0}]'
        assert receive(ws) == bytes([1, 2, 3])

    @pytest.mark.parametrize("packet", ['42{"a":1}', "42[]", "47", '42["message"', "42/custom,[\"x\"]x"])
    def test_invalid_packets_close_the_connection(self, conformance, packet):
        ws = open_socket(conformance)
        connect(ws)
        ws.send(packet)
        assert_closed(ws)


@pytest.mark.parametrize("transports", [["polling"], ["websocket"], ["polling", "websocket"]])
def test_python_socketio_client(conformance, transports):
    client = socketio.Client(reconnection=False)
    received = {}
    done = threading.Event()

    @client.on("auth")
    def on_auth(data):
        received["auth"] = data

    @client.on("message-back")
    def on_back(*args):
        received["back"] = args
        done.set()

    client.connect(conformance.url, auth={"token": "abc"}, transports=transports, wait_timeout=5)
    client.emit("message", ("text", 42, {"nested": [1, None]}, b"\x00\xff"))
    assert done.wait(5)
    assert received["back"] == ("text", 42, {"nested": [1, None]}, b"\x00\xff")
    assert received["auth"] == {"token": "abc"}
    assert client.call("message-with-ack", ("ack", b"\x01"), timeout=5) == ("ack", b"\x01")
    if "websocket" in transports:
        assert client.transport() == "websocket"
    client.disconnect()
