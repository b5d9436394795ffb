"""Attachments: uploaded as the raw body, typed by their bytes, stored once by content hash under
the data directory, sent in messages, downloaded only by who may read the ticket."""

import hashlib
import os
import pathlib
import struct
import zlib

import pytest

from conftest import ADMIN_EMAIL, ADMIN_PASSWORD, make_user, open_ticket, sign_in
from helpdesk_server import Server, new_database, run_cli
from live_client import LiveClient


def png(width=2, height=2, seed=0):
    """A valid PNG image."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + bytes([(seed + x) % 256, 0, 0] * width) for x in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def upload(actor, ticket, content, name):
    return actor.http.post(f"/api/tickets/{ticket['id']}/attachments", params={"name": name}, content=content)


def stored_files(server):
    root = pathlib.Path(server.attachments_dir)
    return sorted(path for path in root.rglob("*") if path.is_file()) if root.exists() else []


def test_a_file_is_sent_in_a_message_and_only_readers_download_it(server, admin, agent, customer_a, customer_b):
    ticket = open_ticket(customer_a, title="Screenshot attached")
    image = png(seed=7)
    uploaded = upload(customer_a, ticket, image, "screen shot.png")
    assert uploaded.status_code == 201, uploaded.text
    file = uploaded.json()
    assert (file["name"], file["size"], file["mimeType"]) == ("screen shot.png", len(image), "image/png")
    message = customer_a.http.post(f"/api/tickets/{ticket['id']}/messages", json={"content": "", "attachments": [file["id"]]})
    assert message.status_code == 201, message.text
    assert message.json()["type"] == "attachment"
    assert message.json()["attachments"] == [{"name": "screen shot.png", "size": len(image), "mimeType": "image/png", "url": file["url"]}]
    listed = agent.http.get("/api/tickets", params={"q": "Screenshot attached"}).json()["tickets"]
    assert listed[0]["lastMessage"] == "📎 screen shot.png"

    for actor in (customer_a, agent):
        download = actor.http.get(file["url"])
        assert download.status_code == 200 and download.content == image
        assert download.headers["content-type"] == "image/png" and download.headers["x-content-type-options"] == "nosniff"
        assert download.headers["content-disposition"].startswith('inline; filename="screen shot.png"')
    assert customer_b.http.get(file["url"]).status_code == 404
    assert server.client().get(file["url"]).status_code == 401
    assert upload(customer_b, ticket, image, "mine.png").status_code == 404

    other = open_ticket(customer_a, title="Another ticket")
    refused = customer_a.http.post(f"/api/tickets/{other['id']}/messages", json={"content": "x", "attachments": [file["id"]]})
    assert refused.status_code == 400 and refused.json()["error"]["message"].startswith("attachments")
    theirs = agent.http.post(f"/api/tickets/{ticket['id']}/messages", json={"content": "x", "attachments": [file["id"]]})
    assert theirs.status_code == 400, "only one's own uploads can be sent"

    live = LiveClient(server, agent.token)
    try:
        second = upload(agent, ticket, b"Steps:\n1. restart\n2. retry\n", "steps.txt").json()
        assert second["mimeType"] == "text/plain; charset=utf-8"
        ack = live.call("send_message", {"ticketId": ticket["id"], "content": "See the steps", "attachments": [second["id"]]})
        assert ack["ok"] is True and ack["message"]["attachments"][0]["name"] == "steps.txt"
        assert agent.http.get(second["url"]).headers["content-disposition"].startswith('attachment; filename="steps.txt"')
    finally:
        live.close()


def test_names_are_made_safe_and_identical_files_are_stored_once(server, customer_a):
    ticket = open_ticket(customer_a, title="Names")
    before = stored_files(server)
    content = b"root:x:0:0:not really\n"
    first = upload(customer_a, ticket, content, "../../etc/passwd").json()
    second = upload(customer_a, ticket, content, "..\\..\\windows\\\"evil\"\u202e.txt").json()
    assert first["name"] == "passwd" and second["name"] == "evil.txt"
    added = [path for path in stored_files(server) if path not in before]
    assert [path.name for path in added] == [hashlib.sha256(content).hexdigest()], "one copy, named by its hash"
    assert not (pathlib.Path("/etc") / "passwd").read_bytes().startswith(b"root:x:0:0:not really")


@pytest.fixture()
def small_desk(tmp_path):
    database = new_database(tmp_path)
    run_cli("user", "add", "--database", database, "--email", ADMIN_EMAIL, "--name", "Admin", "--role", "admin", "--password", ADMIN_PASSWORD)
    server = Server(database, env={"HELPDESK_MAX_ATTACHMENT_MB": "1"}).start()
    yield server
    server.stop()


def test_oversize_and_disallowed_files_are_refused_and_nothing_is_kept(small_desk):
    admin = sign_in(small_desk, ADMIN_EMAIL, ADMIN_PASSWORD)
    customer = make_user(small_desk, admin, "customer")
    ticket = open_ticket(customer, title="Refusals")
    too_big = upload(customer, ticket, png() + os.urandom(2 << 20), "huge.png")
    assert too_big.status_code == 413 and too_big.json()["error"] == {"code": "PAYLOAD_TOO_LARGE", "message": "Files are at most 1 MB."}
    for content, name in [(b"\x7fELF\x02\x01\x01" + os.urandom(200), "photo.png"), (b"MZ\x90\x00" + os.urandom(64), "setup.exe"),
                          (b"\x00\x01binary\x00", "notes.txt"), (b"", "empty.txt")]:
        refused = upload(customer, ticket, content, name)
        assert refused.status_code == 400, (name, refused.text)
        assert refused.json()["error"]["message"].startswith("file:")
    assert stored_files(small_desk) == []
    assert customer.http.post(f"/api/tickets/{ticket['id']}/messages", json={"attachments": ["nope"]}).status_code == 400


def test_an_agent_attaches_an_image_and_the_customer_sees_the_thumbnail(browser, server, admin, tmp_path):
    from playwright.sync_api import expect

    from web_pages import open_page, ticket_item

    agent = make_user(server, admin, "agent", "Ivy Image")
    customer = make_user(server, admin, "customer", "Pat Picture")
    ticket = open_ticket(customer, title="Show me where")
    image_path = tmp_path / "where-to-click.png"
    image_path.write_bytes(png(width=40, height=30, seed=3))
    (tmp_path / "steps.txt").write_text("1. open settings\n2. click save\n")

    support = open_page(browser, server, customer.user["email"], "password-" + customer.user["email"], "/user/support")
    ticket_item(support, "Show me where").click()
    console = open_page(browser, server, agent.user["email"], "password-" + agent.user["email"], "/admin/tickets")
    ticket_item(console, "Show me where").click()
    expect(console.locator("ticket-chat .chat-title")).to_have_text("Show me where")
    console.locator("ticket-chat input[type=file]").set_input_files([str(image_path), str(tmp_path / "steps.txt")])
    files = console.locator("ticket-chat .composer-file")
    expect(files).to_have_count(2)
    expect(files.locator("progress")).to_have_count(0)
    console.locator("ticket-chat textarea").fill("Here:")
    console.locator("ticket-chat textarea").press("Enter")
    expect(files).to_have_count(0)

    thumbnail = support.locator("ticket-chat .message .attachment-image img")
    expect(thumbnail).to_have_attribute("alt", "where-to-click.png")
    expect(thumbnail).to_have_js_property("naturalWidth", 40)
    expect(support.locator("ticket-chat .message .attachment-file .file-name")).to_have_text("steps.txt")
    expect(support.locator("ticket-chat .message").last.locator(".content")).to_have_text("Here:")
    with support.expect_download() as download:
        support.locator("ticket-chat .attachment-file").click()
    assert download.value.suggested_filename == "steps.txt"

    console.locator("ticket-chat input[type=file]").set_input_files({"name": "tool.exe", "mimeType": "image/png", "buffer": b"MZ\x90\x00" * 8})
    expect(console.locator("ticket-chat .composer-file.failed .file-error")).to_contain_text("this type of file is not allowed")
    assert support.errors == [] and console.errors == []
    for page in (support, console):
        page.context.close()


def test_files_dropped_on_the_chat_or_pasted_into_the_box_are_attached(browser, server, admin):
    from playwright.sync_api import expect

    from web_pages import open_page, ticket_item

    customer = make_user(server, admin, "customer", "Dora Dropper")
    open_ticket(customer, title="Drop and paste")
    page = open_page(browser, server, customer.user["email"], "password-" + customer.user["email"], "/user/support")
    ticket_item(page, "Drop and paste").click()
    expect(page.locator("ticket-chat .chat-title")).to_have_text("Drop and paste")
    page.evaluate("""() => {
        const chat = document.querySelector("ticket-chat");
        const dropped = new DataTransfer();
        dropped.items.add(new File(["dropped notes\\n"], "dropped.txt", { type: "text/plain" }));
        chat.dispatchEvent(new DragEvent("dragover", { dataTransfer: dropped, bubbles: true, cancelable: true }));
        chat.dispatchEvent(new DragEvent("drop", { dataTransfer: dropped, bubbles: true, cancelable: true }));
        const pasted = new DataTransfer();
        pasted.items.add(new File(["pasted notes\\n"], "pasted.txt", { type: "text/plain" }));
        chat.querySelector("textarea").dispatchEvent(new ClipboardEvent("paste", { clipboardData: pasted, bubbles: true, cancelable: true }));
    }""")
    files = page.locator("ticket-chat .composer-file")
    expect(files.locator(".file-name")).to_have_text(["dropped.txt", "pasted.txt"])
    expect(files.locator("progress")).to_have_count(0)
    page.locator("ticket-chat textarea").press("Enter")
    expect(page.locator("ticket-chat .message.mine .attachment-file .file-name").last).to_have_text("pasted.txt")
    expect(page.locator("ticket-chat .message.mine").last.locator(".attachment-file")).to_have_count(2)
    assert page.errors == []
    page.context.close()
