"""Quick replies: personal ones for each agent, shared ones kept by admins, filled in per ticket,
and inserted in the chat with "/"."""

from playwright.sync_api import expect

from conftest import make_user, open_ticket, unique
from web_pages import messages, open_page, ticket_item


def create(actor, **body):
    return actor.http.post("/api/quick-replies", json=body)


def listed(actor, ticket=None):
    response = actor.http.get("/api/quick-replies", params={"ticket": ticket["id"]} if ticket else None)
    assert response.status_code == 200, response.text
    return response.json()


def test_agents_keep_their_own_and_admins_keep_the_shared_ones(server, admin, customer_a):
    agent = make_user(server, admin, "agent", "Quinn Quick")
    other = make_user(server, admin, "agent", "Otis Other")
    shortcut = unique("thanks")
    mine = create(agent, shortcut=shortcut, text="Thanks {{customer.firstName}}! — {{agent.firstName}}")
    assert mine.status_code == 201, mine.text
    assert mine.json()["shared"] is False
    assert create(agent, shortcut=shortcut, text="again").status_code == 409
    assert create(other, shortcut=shortcut, text="Mine too").status_code == 201, "each agent has their own shortcuts"
    assert create(agent, shortcut=unique("team"), text="x", shared=True).status_code == 403
    shared = create(admin, shortcut=unique("hours"), text="We answer 9–17 on weekdays, ticket {{ticket.number}}.", shared=True)
    assert shared.status_code == 201 and shared.json()["shared"] is True

    for body, field in [({"shortcut": "has space", "text": "x"}, "shortcut"), ({"shortcut": "", "text": "x"}, "shortcut"),
                        ({"shortcut": "ok", "text": "Hi {{customer.nmae}}"}, "text"), ({"shortcut": "ok", "text": " "}, "text"),
                        ({"text": "x"}, "shortcut")]:
        response = create(agent, **body)
        assert response.status_code == 400 and response.json()["error"]["message"].startswith(field), response.text

    seen = {reply["shortcut"] for reply in listed(agent)["quickReplies"]}
    assert shortcut in seen and shared.json()["shortcut"] in seen
    assert {"customer.name", "ticket.number", "agent.name"} <= set(listed(agent)["placeholders"])
    assert [r["text"] for r in listed(other)["quickReplies"] if r["shortcut"] == shortcut] == ["Mine too"]

    ticket = open_ticket(customer_a, title="Fill me in")
    filled = {r["shortcut"]: r["expanded"] for r in listed(agent, ticket)["quickReplies"]}
    assert filled[shortcut] == "Thanks Alice! — Quinn"
    assert filled[shared.json()["shortcut"]] == f"We answer 9–17 on weekdays, ticket {ticket['ticketNumber']}."

    shared_id, mine_id = shared.json()["id"], mine.json()["id"]
    assert agent.http.patch(f"/api/quick-replies/{shared_id}", json={"text": "mine now"}).status_code == 403
    assert agent.http.delete(f"/api/quick-replies/{shared_id}").status_code == 403
    assert other.http.patch(f"/api/quick-replies/{mine_id}", json={"text": "stolen"}).status_code == 404
    changed = agent.http.patch(f"/api/quick-replies/{mine_id}", json={"text": "Thank you, {{customer.name}}."})
    assert changed.status_code == 200 and changed.json()["text"] == "Thank you, {{customer.name}}."
    assert agent.http.delete(f"/api/quick-replies/{mine_id}").status_code == 204
    assert shortcut not in {reply["shortcut"] for reply in listed(agent)["quickReplies"]}
    assert customer_a.http.get("/api/quick-replies").status_code == 403
    assert listed(admin, ticket)["quickReplies"], "admins use them too"
    assert agent.http.get("/api/quick-replies", params={"ticket": "no-such-ticket"}).status_code == 404


def test_an_agent_inserts_a_quick_reply_with_slash_and_the_customer_gets_it(browser, server, admin):
    agent = make_user(server, admin, "agent", "Sana Slash")
    customer = make_user(server, admin, "customer", "Carl Customer")
    prefix = unique("qr")
    shortcut, other = f"{prefix}-refund", f"{prefix}-zother"
    assert create(agent, shortcut=shortcut, text="Hello {{customer.firstName}}, the refund for {{ticket.number}} is on its way.").status_code == 201
    assert create(agent, shortcut=other, text="Something else").status_code == 201
    ticket = open_ticket(customer, title="Where is my refund")

    email = agent.user["email"]
    page = open_page(browser, server, email, "password-" + email, "/admin/tickets")
    ticket_item(page, "Where is my refund").click()
    box = page.locator("ticket-chat textarea")
    box.fill(f"/{prefix}-r")
    picker = page.locator("quick-reply-picker")
    expect(picker).to_be_visible()
    expect(picker.locator("[role=option]").first).to_contain_text("/" + shortcut)
    expect(box).to_have_attribute("aria-expanded", "true")
    box.press("Enter")
    expected = f"Hello Carl, the refund for {ticket['ticketNumber']} is on its way."
    expect(box).to_have_value(expected)
    expect(picker).to_be_hidden()
    box.press("Enter")
    expect(page.locator("ticket-chat .message.mine .content").last).to_have_text(expected)

    box.fill("/" + prefix)
    expect(picker.locator("[role=option]")).to_have_count(2)
    box.press("ArrowDown")
    expect(picker.locator("[role=option][aria-selected=true]")).to_contain_text("/" + other)
    box.press("Escape")
    expect(picker).to_be_hidden()
    expect(box).to_have_value("/" + prefix)
    assert [m["content"] for m in customer.http.get(f"/api/tickets/{ticket['id']}").json()["messages"]][-1] == expected
    assert page.errors == []
    page.context.close()


def test_the_quick_replies_page_adds_changes_and_removes(browser, server, admin):
    agent = make_user(server, admin, "agent", "Paula Page")
    email = agent.user["email"]
    page = open_page(browser, server, email, "password-" + email, "/admin/quick-replies")
    expect(page.locator(".shared-choice")).to_be_hidden()
    shortcut = unique("greet")
    page.locator("input[name=shortcut]").fill(shortcut)
    page.locator("textarea[name=text]").fill("Hi ")
    page.locator(".placeholders button", has_text="{{customer.firstName}}").click()
    page.locator("form.quick-reply-form button[type=submit]").click()
    row = page.locator(".quick-replies tr", has_text="/" + shortcut)
    expect(row).to_contain_text("Hi {{customer.firstName}}")
    expect(row).to_contain_text("Only me")
    row.get_by_role("button", name="Change").click()
    page.locator("textarea[name=text]").fill("Hello {{customer.name}}")
    page.locator("form.quick-reply-form button[type=submit]").click()
    expect(row).to_contain_text("Hello {{customer.name}}")
    page.locator("textarea[name=text]").fill("Bad {{oops}}")
    page.locator("input[name=shortcut]").fill(unique("bad"))
    page.locator("form.quick-reply-form button[type=submit]").click()
    expect(page.locator(".notice.alert")).to_contain_text("{{oops}} is not a placeholder")
    assert [r["text"] for r in agent.http.get("/api/quick-replies").json()["quickReplies"] if r["shortcut"] == shortcut] == ["Hello {{customer.name}}"]
    assert page.errors == []
    page.context.close()
