"""Satisfaction ratings: the customer rates a resolved ticket once per resolution and may change it
for 7 days; staff see it; reports count it."""

from playwright.sync_api import expect

from conftest import make_user, open_ticket
from web_pages import open_page, ticket_item


def resolve(agent, ticket):
    response = agent.http.patch(f"/api/tickets/{ticket['id']}", json={"status": "resolved"})
    assert response.status_code == 200, response.text
    return response.json()


def rate(actor, ticket, **body):
    return actor.http.put(f"/api/tickets/{ticket['id']}/rating", json=body)


def ratings_report(actor):
    response = actor.http.get("/api/reports/summary")
    assert response.status_code == 200, response.text
    return response.json()["ratings"]


def test_the_customer_rates_a_resolved_ticket_and_may_change_it(server, admin, agent, customer_a, customer_b):
    ticket = open_ticket(customer_a, title="Rate me")
    assert rate(customer_a, ticket, score=5).status_code == 409, "an open ticket cannot be rated yet"
    resolve(agent, ticket)
    before = ratings_report(admin)

    for body, field in [({"score": 0}, "score"), ({"score": 6}, "score"), ({"score": 3, "comment": "x" * 1001}, "comment")]:
        response = rate(customer_a, ticket, **body)
        assert response.status_code == 400 and response.json()["error"]["message"].startswith(field), response.text
    assert rate(agent, ticket, score=5).status_code == 403
    assert rate(admin, ticket, score=5).status_code == 403
    assert rate(customer_b, ticket, score=1).status_code == 404

    rated = rate(customer_a, ticket, score=4, comment="  Quick and kind  ")
    assert rated.status_code == 200, rated.text
    rating = rated.json()["rating"]
    assert (rating["score"], rating["comment"], rating["current"]) == (4, "Quick and kind", True)
    assert rating["resolvedAt"] == rated.json()["resolvedAt"]

    changed = rate(customer_a, ticket, score=3, comment="Slower the second time").json()["rating"]
    assert (changed["score"], changed["createdAt"]) == (3, rating["createdAt"])
    detail = agent.http.get(f"/api/tickets/{ticket['id']}").json()
    assert detail["ticket"]["rating"]["comment"] == "Slower the second time"
    assert [(a["action"], a.get("from"), a["to"]) for a in detail["activityLogs"] if a["action"].startswith("rat")] == [
        ("rated", None, "4"), ("rating_changed", "4", "3")]
    assert [m["content"] for m in detail["messages"] if m["sender"] == "system"][-2:] == [
        "Alice Customer rated the support 4 of 5.", "Alice Customer changed the rating from 4 to 3 of 5."]

    after = ratings_report(admin)
    assert after["count"] == before["count"] + 1, "a changed rating is still one rating"
    assert after["distribution"]["3"] == before["distribution"]["3"] + 1
    assert after["distribution"]["4"] == before["distribution"]["4"]

    reopened = customer_a.http.patch(f"/api/tickets/{ticket['id']}", json={"status": "open"}).json()
    assert reopened["rating"]["current"] is False
    assert rate(customer_a, ticket, score=5).status_code == 409
    resolve(agent, ticket)
    assert rate(customer_a, ticket, score=5).json()["rating"]["current"] is True
    assert ratings_report(admin)["count"] == before["count"] + 2, "each resolution is rated on its own"


def test_the_customer_rates_in_the_chat_and_the_agent_sees_it(browser, server, admin, agent):
    customer = make_user(server, admin, "customer", "Rita Rater")
    ticket = open_ticket(customer, title="Rate in the chat")
    email = customer.user["email"]
    page = open_page(browser, server, email, "password-" + email, "/user/support")
    ticket_item(page, "Rate in the chat").click()
    expect(page.locator("ticket-rating")).to_be_hidden()

    resolve(agent, ticket)
    card = page.locator("ticket-rating")
    expect(card.locator("legend")).to_have_text("How did we do?")
    card.locator("label", has_text="4 of 5").click()
    card.locator("textarea[name=comment]").fill("Fixed <b>fast</b>")
    # A live update while the customer is rating leaves the half-filled form alone.
    assert agent.http.patch(f"/api/tickets/{ticket['id']}", json={"priority": "low"}).status_code == 200
    expect(page.locator("ticket-details .facts")).to_contain_text("Low")
    expect(card.locator("input[value='4']")).to_be_checked()
    expect(card.locator("textarea[name=comment]")).to_have_value("Fixed <b>fast</b>")
    card.locator("button[type=submit]").click()
    expect(card).to_contain_text("You rated this 4 of 5.")
    expect(page.locator("ticket-chat .message.system").last).to_contain_text("Rita Rater rated the support 4 of 5.")

    agent_email = agent.user["email"]
    console = open_page(browser, server, agent_email, "password-" + agent_email, "/admin/tickets")
    ticket_item(console, "Rate in the chat").click()
    details = console.locator("ticket-details .rating")
    expect(details).to_contain_text("4 of 5")
    expect(details.locator("blockquote")).to_have_text("Fixed <b>fast</b>")

    card.locator("button[name=change-rating]").click()
    card.locator("label", has_text="2 of 5").click()
    card.locator("button[type=submit]").click()
    expect(card).to_contain_text("You rated this 2 of 5.")
    expect(details).to_contain_text("2 of 5")
    assert page.errors == [] and console.errors == []
    for each in (page, console):
        each.context.close()
