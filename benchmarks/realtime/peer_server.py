"""The comparison peer: python-socketio serving the same ticket-chat contract as Helpdesk, keeping nothing.

Any non-empty auth token is accepted; `join_ticket` joins the ticket's room, `send_message` acks with the
message and emits `message_received` to the rest of the room and `ticket_list_updated` to the user's room,
as Helpdesk does (minus the database)."""

import itertools
import sys
import time

import socketio
from aiohttp import web

sio = socketio.AsyncServer(async_mode="aiohttp", cors_allowed_origins="*", ping_interval=25, ping_timeout=20)
app = web.Application()
sio.attach(app)
sequence = itertools.count(1)


@sio.event
async def connect(sid, environ, auth):
    token = (auth or {}).get("token")
    if not token:
        raise socketio.exceptions.ConnectionRefusedError({"code": "UNAUTHORIZED"})
    await sio.save_session(sid, {"user": token})
    await sio.enter_room(sid, "user:" + token)


@sio.event
async def join_ticket(sid, payload):
    await sio.enter_room(sid, "ticket:" + payload["ticketId"])
    return {"ok": True, "ticketId": payload["ticketId"], "present": []}


@sio.event
async def send_message(sid, payload):
    session = await sio.get_session(sid)
    seq = next(sequence)
    message = {"id": str(seq), "ticketId": payload["ticketId"], "seq": seq, "content": payload["content"],
               "sender": "customer", "senderId": session["user"], "senderName": "Load",
               "type": "text", "attachments": [], "createdAt": time.time()}
    await sio.emit("message_received", {"message": message, "ticketId": payload["ticketId"]},
                   room="ticket:" + payload["ticketId"], skip_sid=sid)
    await sio.emit("ticket_list_updated", {"ticketId": payload["ticketId"], "lastMessage": payload["content"]},
                   room="user:" + session["user"])
    return {"ok": True, "message": message}


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8099
    print(f"Peer listening on http://127.0.0.1:{port}", flush=True)
    web.run_app(app, host="127.0.0.1", port=port, print=None)
