"""The web UI in a real browser: the customer's support page and the agents' console talking live."""

import re
import socket

from playwright.sync_api import expect

from conftest import ADMIN_EMAIL, ADMIN_PASSWORD, make_user, unique
from helpdesk_server import BINARY, Server, new_database, run_cli
from web_pages import PHONE, has_horizontal_overflow, messages, open_page, ticket_item


def credentials(actor):
    return actor.user["email"], "password-" + actor.user["email"]


def open_ticket_from_modal(page, title, description, priority="high"):
    page.locator(".new-ticket").click()
    dialog = page.locator("dialog.modal")
    expect(dialog).to_be_visible()
    dialog.locator("button[type=submit]").click()
    expect(dialog.locator("#new-ticket-title-error")).not_to_be_empty()
    expect(dialog.locator("#new-ticket-title")).to_have_attribute("aria-invalid", "true")
    dialog.locator("#new-ticket-title").fill(title)
    dialog.locator("#new-ticket-priority").select_option(priority)
    dialog.locator("#new-ticket-content").fill(description)
    dialog.locator("button[type=submit]").click()
    expect(dialog).to_be_hidden()
    expect(page.locator("ticket-chat .chat-title")).to_have_text(title)


def send(page, text):
    composer = page.locator("ticket-chat textarea")
    composer.fill(text)
    composer.press("Enter")


def test_a_customer_and_an_agent_work_a_ticket_live(browser, server, admin):
    customer = make_user(server, admin, "customer", "Nadia Customer")
    agent = make_user(server, admin, "agent", "Omar Agent")
    console = open_page(browser, server, *credentials(agent), "/admin/tickets")
    support = open_page(browser, server, *credentials(customer), "/user/support")
    title = unique("Invoice shows the wrong VAT ")

    open_ticket_from_modal(support, title, "The VAT line says 25% but we are exempt.")
    row = ticket_item(console, title)
    expect(row).to_be_visible()
    expect(row.locator(".badge")).to_have_text("1")
    expect(row.locator(".chip.priority-high")).to_be_visible()

    row.click()
    expect(row.locator(".badge")).to_have_count(0)
    expect(console.locator("ticket-chat .message.theirs .content")).to_have_text(["The VAT line says 25% but we are exempt."])
    expect(support.locator("ticket-chat .presence")).to_contain_text("Omar Agent")

    console.locator("ticket-chat textarea").press_sequentially("Checking")
    expect(support.locator("ticket-chat .typing")).to_contain_text("Omar Agent")
    console.locator("ticket-chat textarea").fill("Checking your account now.\nOne moment.")
    console.locator("ticket-chat textarea").press("Enter")
    sent = console.locator("ticket-chat .message.mine").last
    expect(sent.locator(".state")).to_have_text(re.compile("Sent|Seen"))
    expect(console.locator("ticket-chat .message.pending")).to_have_count(0)
    expect(support.locator("ticket-chat .message.theirs .content").last).to_have_text("Checking your account now.\nOne moment.")
    expect(support.locator("ticket-chat .typing")).to_be_empty()
    expect(sent.locator(".state")).to_have_text("Seen")

    send(support, "Thank you!")
    expect(console.locator("ticket-chat .message.theirs .content").last).to_have_text("Thank you!")
    expect(console.locator("ticket-details .sla-timeline")).to_contain_text("First response met")
    expect(console.locator("ticket-details .clocks")).to_contain_text("Next response")

    other_title = unique("Second question ")
    open_ticket_from_modal(support, other_title, "Can I get a PDF copy?")
    send(console, "Fixed: the invoice is corrected.")
    first_row = ticket_item(support, title)
    expect(first_row.locator(".badge")).to_have_text("1")
    first_row.click()
    expect(first_row.locator(".badge")).to_have_count(0)
    expect(support.locator("ticket-chat .message .content").last).to_have_text("Fixed: the invoice is corrected.")

    console.locator("ticket-details select[name=status]").select_option("resolved")
    expect(support.locator("ticket-chat .chat-meta .chip")).to_have_text("Resolved")
    expect(support.locator("ticket-details .chip.status-resolved")).to_be_visible()
    expect(ticket_item(support, title).locator(".chip.status-resolved")).to_be_visible()
    expect(console.locator("ticket-details .activity-log")).to_contain_text(re.compile("Omar Agent changed the status from .* to Resolved"))
    expect(console.locator("ticket-details .sla-timeline")).to_contain_text("Resolution clock stopped: Resolved by Omar Agent")
    assert console.errors == [] and support.errors == []


def test_the_same_flow_in_arabic_on_a_phone_mirrors_the_layout(browser, server, admin):
    customer = make_user(server, admin, "customer", "ليلى العميلة")
    agent = make_user(server, admin, "agent", "سامي الموظف")
    support = open_page(browser, server, *credentials(customer), "/user/support", language="ar", viewport=PHONE)
    console = open_page(browser, server, *credentials(agent), "/admin/tickets", language="ar", viewport=PHONE)
    for page in (support, console):
        assert page.evaluate("document.documentElement.dir") == "rtl"
        assert page.evaluate("document.documentElement.lang") == "ar"
        assert not has_horizontal_overflow(page)
    title = unique("لا يصلني رمز التحقق ")

    open_ticket_from_modal(support, title, "جربت ثلاث مرات ولم تصلني أي رسالة SMS على رقمي.")
    assert not has_horizontal_overflow(support)
    composer = support.locator("ticket-chat .composer")
    text_box = composer.locator("textarea").bounding_box()
    button_box = composer.locator("button[type=submit]").bounding_box()
    assert button_box["x"] + button_box["width"] <= text_box["x"], "in RTL the send button sits on the left of the input"
    assert support.locator("ticket-chat .message.mine .content").first.get_attribute("dir") == "auto"

    row = ticket_item(console, title)
    expect(row).to_be_visible()
    expect(row.locator(".badge")).to_have_text(re.compile("^[1١]$"))
    row.click()
    expect(console.locator("ticket-chat")).to_be_visible()
    expect(console.locator("ticket-list")).to_be_hidden()
    assert not has_horizontal_overflow(console)
    send(console, "سنرسل الرمز مرة أخرى الآن، تحقق من رقم +966 5x xxx xxxx")
    expect(support.locator("ticket-chat .message.theirs .content").last).to_have_text("سنرسل الرمز مرة أخرى الآن، تحقق من رقم +966 5x xxx xxxx")
    send(support, "وصلني، شكرًا! It works now.")
    expect(console.locator("ticket-chat .message.theirs .content").last).to_have_text("وصلني، شكرًا! It works now.")
    console.locator("ticket-details select[name=status]").select_option("resolved")
    expect(support.locator("ticket-chat .chat-meta .chip")).to_have_text("محلولة")
    expect(support.locator("ticket-chat .message.system .content").last).to_have_text("غيّر سامي الموظف الحالة من مفتوحة إلى محلولة.")
    for page in (support, console):
        assert not has_horizontal_overflow(page)
    console.locator("ticket-chat .back").click()
    expect(console.locator("ticket-list")).to_be_visible()
    assert not has_horizontal_overflow(console)


def test_markup_in_user_text_is_shown_as_text_and_runs_nothing(browser, server, admin, agent):
    customer = make_user(server, admin, "customer", "<b>Mallory</b>")
    attack = "<img src=x onerror=alert(1)>"
    support = open_page(browser, server, *credentials(customer), "/user/support")
    open_ticket_from_modal(support, attack + unique(" "), attack)
    send(support, attack + "<script>alert(2)</script>")
    console = open_page(browser, server, *credentials(agent), "/admin/tickets")
    console.locator("ticket-list .search").fill(attack)
    ticket_item(console, attack).first.click()
    expect(console.locator("ticket-chat .message .content")).to_have_text([attack, attack + "<script>alert(2)</script>"])
    expect(console.locator("ticket-details .customer")).to_contain_text("<b>Mallory</b>")
    for page in (support, console):
        assert page.locator("main img, main script, main b").count() == 0
        assert page.dialogs == []
    response = console.request.get("/admin/tickets")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "default-src 'none'" in policy and "unsafe-inline" not in policy


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_page_reconnects_after_a_server_restart_and_shows_every_message_once(browser, tmp_path):
    database = new_database(tmp_path)
    for email, role in (("agent@restart.test", "agent"), ("customer@restart.test", "customer")):
        run_cli("user", "add", "--database", database, "--email", email, "--name", role.title(), "--role", role, "--password", "password-" + role)
    port = free_port()
    command = [BINARY, "serve", "--port", str(port), "--database", database]
    server = Server(database, command=command).start()
    try:
        support = open_page(browser, server, "customer@restart.test", "password-customer", "/user/support")
        console = open_page(browser, server, "agent@restart.test", "password-agent", "/admin/tickets")
        open_ticket_from_modal(support, "Server restart", "First message")
        ticket_item(console, "Server restart").click()
        send(console, "Second message")
        expect(support.locator("ticket-chat .message .content").last).to_have_text("Second message")

        server.kill()
        for page in (support, console):
            expect(page.locator(".connection-banner")).to_be_visible()
        send(support, "Third message, typed while offline")
        expect(support.locator("ticket-chat .message.pending")).to_have_count(1)

        server = Server(database, command=command).start()
        for page in (support, console):
            expect(page.locator(".connection-banner")).to_be_hidden()
        expect(support.locator("ticket-chat .message.pending")).to_have_count(0)
        send(console, "Fourth message")
        expected = ["First message", "Second message", "Third message, typed while offline", "Fourth message"]
        for page in (support, console):
            expect(page.locator("ticket-chat .message:not(.system) .content")).to_have_text(expected)
            assert messages(page).count("Third message, typed while offline") == 1
    finally:
        server.stop()


def test_signing_up_lands_on_the_support_page_and_signing_out_returns_to_sign_in(browser, server):
    context = browser.new_context(base_url=server.url)
    page = context.new_page()
    page.goto("/admin/tickets")
    expect(page).to_have_url(re.compile(r"/login\?next=%2Fadmin%2Ftickets$"))
    expect(page.locator("body")).to_have_attribute("data-ready", "true")
    page.locator("#login-email").fill("nobody@blackbox.test")
    page.locator("#login-password").fill("wrong-password")
    page.locator("form.login button[type=submit]").click()
    expect(page.locator("form.login .alert")).to_have_text("That email and password do not match an account.")

    page.locator(".switch-mode").click()
    email = unique("signup") + "@blackbox.test"
    page.locator("#login-name").fill("Sara Signup")
    page.locator("#login-email").fill(email)
    page.locator("#login-password").fill("a-good-password")
    page.locator("form.login button[type=submit]").click()
    expect(page).to_have_url(re.compile("/user/support$"))
    expect(page.locator(".app-header .who")).to_have_text("Sara Signup")
    cookies = {cookie["name"]: cookie for cookie in context.cookies()}
    assert cookies["helpdesk_session"]["httpOnly"]
    assert page.evaluate("JSON.stringify(localStorage)").find("helpdesk_session") < 0

    page.locator(".app-header button", has_text="Sign out").click()
    expect(page).to_have_url(re.compile("/login$"))
    page.goto("/user/support")
    expect(page).to_have_url(re.compile("/login"))
    context.close()


def test_an_admin_adds_a_user_changes_the_role_and_disables_the_account(browser, server, admin):
    page = open_page(browser, server, ADMIN_EMAIL, ADMIN_PASSWORD, "/admin/users", language="ar")
    email = unique("hired") + "@blackbox.test"
    page.locator("#user-name").fill("Hala New")
    page.locator("#user-email").fill(email)
    page.locator("#user-role").select_option("agent")
    page.locator("form.add-user button[type=submit]").click()
    expect(page.locator(".notice")).to_contain_text("كلمة مروره")
    row = page.locator("tr", has=page.locator("td", has_text=email))
    row.locator("select").select_option("admin")
    row.locator("button").click()
    expect(row.locator(".chip")).to_have_text("معطّل")
    users = {user["email"]: user for user in admin.http.get("/api/users").json()["users"]}
    assert users[email]["role"] == "admin" and users[email]["disabled"] is True
    assert not has_horizontal_overflow(page)


def test_an_agent_reaches_a_ticket_and_replies_with_the_keyboard_alone(browser, server, admin, agent):
    customer = make_user(server, admin, "customer", "Kim Keyboard")
    title = unique("Keyboard only ")
    ticket = customer.http.post("/api/user/tickets", json={"title": title, "category": "general", "content": "Hello?"}).json()
    console = open_page(browser, server, *credentials(agent), "/admin/tickets")
    console.keyboard.press("Tab")
    expect(console.locator(".skip-link")).to_be_focused()
    console.keyboard.press("Enter")
    console.keyboard.press("Tab")
    expect(console.locator("ticket-list .search")).to_be_focused()
    console.keyboard.type(ticket["ticketNumber"])
    expect(console.locator("ticket-list .ticket-item")).to_have_count(1)
    console.keyboard.press("Tab")
    expect(ticket_item(console, title)).to_be_focused()
    console.keyboard.press("Enter")
    expect(console.locator("ticket-chat textarea")).to_be_focused()
    console.keyboard.type("First line")
    console.keyboard.press("Shift+Enter")
    console.keyboard.type("second line")
    console.keyboard.press("Enter")
    expect(console.locator("ticket-chat .message.mine .content")).to_have_text(["First line\nsecond line"])
    # Shown at once as pending; stored once the server acknowledged it.
    expect(console.locator("ticket-chat .message.pending")).to_have_count(0)
    messages = customer.http.get(f"/api/tickets/{ticket['id']}/messages").json()["messages"]
    assert [message["content"] for message in messages] == ["Hello?", "First line\nsecond line"]


def test_an_agent_opens_a_ticket_on_a_customers_behalf(browser, server, admin, agent):
    customer = make_user(server, admin, "customer", "Phone Caller")
    console = open_page(browser, server, *credentials(agent), "/admin/tickets")
    console.locator("ticket-sidebar .new-ticket").click()
    dialog = console.locator("dialog.modal")
    title = unique("Called in: router keeps rebooting ")
    dialog.locator("#new-ticket-title").fill(title)
    dialog.locator("#new-ticket-content").fill("Customer called; the router reboots every hour.")
    dialog.locator("button[type=submit]").click()
    expect(dialog.locator("#new-ticket-customerId-error")).not_to_be_empty()
    dialog.locator("#new-ticket-customerId").select_option(customer.id)
    dialog.locator("button[type=submit]").click()
    expect(dialog).to_be_hidden()
    expect(console.locator("ticket-details .customer")).to_contain_text("Phone Caller")
    own = customer.http.get("/api/user/tickets", params={"q": title}).json()["tickets"]
    assert [ticket["title"] for ticket in own] == [title]


def test_long_lists_and_long_conversations_load_more_as_you_scroll(browser, server, admin, agent):
    customer = make_user(server, admin, "customer", "Busy Customer")
    tickets = [customer.http.post("/api/user/tickets", json={"title": f"Question {number}", "category": "general",
                                                             "content": f"Question {number}?"}).json()
               for number in range(60)]
    chatty = tickets[0]
    for number in range(1, 80):
        author = agent if number % 2 else customer
        assert author.http.post(f"/api/tickets/{chatty['id']}/messages", json={"content": f"Message {number}"}).status_code == 201
    support = open_page(browser, server, *credentials(customer), "/user/support")
    items = support.locator("ticket-list .ticket-item")
    expect(items).to_have_count(50)
    items.last.scroll_into_view_if_needed()
    expect(items).to_have_count(60)

    support.goto(f"/user/support?ticket={chatty['ticketNumber']}")
    contents = support.locator("ticket-chat .message .content")
    expect(contents).to_have_count(50)
    expect(contents.last).to_have_text("Message 79")
    contents.first.scroll_into_view_if_needed()
    expect(contents).to_have_count(80)
    assert contents.all_inner_texts() == ["Question 0?"] + [f"Message {number}" for number in range(1, 80)]


def test_a_late_answer_about_another_ticket_does_not_replace_the_one_on_screen(browser, server, admin, agent):
    customer = make_user(server, admin, "customer", "Race Customer")
    first, second = (customer.http.post("/api/user/tickets", json={"title": title, "category": "general", "content": "?"}).json()
                     for title in (unique("First of two "), unique("Second of two ")))
    support = open_page(browser, server, *credentials(customer), f"/user/support?ticket={first['ticketNumber']}")
    expect(support.locator("ticket-chat .chat-title")).to_have_text(first["title"])
    held = []
    support.route(f"**/api/tickets/{first['id']}/summary", lambda route: held.append(route))
    with support.expect_request(f"**/api/tickets/{first['id']}/summary"):
        agent.http.post(f"/api/tickets/{first['id']}/messages", json={"content": "An answer on the first"})
    ticket_item(support, second["title"]).click()
    expect(support.locator("ticket-chat .chat-title")).to_have_text(second["title"])
    for route in held:
        route.continue_()
    expect(ticket_item(support, first["title"]).locator(".item-preview")).to_have_text("An answer on the first")
    expect(support.locator("ticket-chat .chat-title")).to_have_text(second["title"])
    expect(support.locator("ticket-chat .message .content")).to_have_text(["?"])


def test_the_bell_counts_new_notifications_live_and_opens_their_ticket(browser, server, admin):
    agent = make_user(server, admin, "agent", "Bella Bell")
    customer = make_user(server, admin, "customer", "Ringo Customer")
    console = open_page(browser, server, *credentials(agent), "/admin/tickets")
    bell = console.locator("notification-bell")
    expect(bell.locator(".badge")).to_be_hidden()
    title = unique("Ring the bell ")
    ticket = customer.http.post("/api/user/tickets", json={"title": title, "category": "general", "content": "Ding"}).json()
    expect(bell.locator(".badge")).to_have_text("1")
    expect(bell.locator(".bell")).to_have_attribute("aria-label", "Notifications: 1 unread")
    bell.locator(".bell").click()
    item = bell.locator(".bell-item.unread")
    expect(item).to_contain_text(f"Ringo Customer opened {ticket['ticketNumber']}: {title}")
    item.click()
    expect(console.locator("ticket-chat .chat-title")).to_have_text(title)
    expect(bell.locator(".badge")).to_be_hidden()
    assert agent.http.get("/api/notifications").json()["unreadCount"] == 0


def test_muting_a_kind_in_the_bell_settings_stops_it(browser, server, admin):
    agent = make_user(server, admin, "agent", "Muted Bell")
    customer = make_user(server, admin, "customer", "Loud Customer")
    console = open_page(browser, server, *credentials(agent), "/admin/tickets")
    bell = console.locator("notification-bell")
    bell.locator(".bell").click()
    bell.locator(".bell-settings summary").click()
    bell.locator("input[name=new_ticket]").uncheck()
    expect(bell.locator("input[name=new_ticket]")).not_to_be_checked()
    assert agent.http.get("/api/notifications/preferences").json()["muted"] == ["new_ticket"]
    ticket = customer.http.post("/api/user/tickets", json={"title": unique("Silent "), "category": "general", "content": "x"}).json()
    admin.http.patch(f"/api/tickets/{ticket['id']}", json={"assigneeId": agent.id})
    expect(bell.locator(".badge")).to_have_text("1")
    kinds = [note["kind"] for note in agent.http.get("/api/notifications").json()["notifications"]]
    assert kinds == ["assigned"], "the new ticket, told before the assignment, was muted"
