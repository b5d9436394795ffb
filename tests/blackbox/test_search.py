"""Full-text search: titles, numbers and messages of all history, ranked, with snippets and
filters; Arabic folded (hamza, diacritics, tatweel, the article) and English stems; a customer
only ever finds their own tickets."""

import pytest

from conftest import make_user, open_ticket, unique


def search(actor, q, **params):
    response = actor.http.get("/api/search", params={"q": q, **params})
    assert response.status_code == 200, response.text
    return response.json()["results"]


def marked(result):
    return [part["text"] for part in result["snippet"] if part["match"]]


@pytest.fixture(scope="module")
def corpus(server, admin):
    """Two customers' tickets with English and Arabic messages, one assigned and resolved."""
    alice = make_user(server, admin, "customer", "Alice Searcher")
    bob = make_user(server, admin, "customer", "Bob Searcher")
    agent = make_user(server, admin, "agent", "Sid Searcher")
    word = unique("zebraprinter")
    printer = open_ticket(alice, title=f"The {word} keeps jamming", content="It jammed twice this morning while printing invoices.")
    arabic = open_ticket(alice, title="مشكلة في الإعلانات", content="لا يظهر الإعْلانُ المدفوع في صفحتي منذ أمس")
    tatweel = open_ticket(bob, title="سؤال عن الفاتورة", content="أريد نسخة من فاتـــورة شهر ١٢ مع الضريبة")
    other = open_ticket(bob, title="Bob's private matter", content=f"My {word} is also broken, secret code 4242.")
    assert agent.http.post(f"/api/tickets/{printer['id']}/messages", json={"content": "Please restart the printers and tell me."}).status_code == 201
    assert agent.http.patch(f"/api/tickets/{printer['id']}", json={"assigneeId": agent.id, "status": "resolved"}).status_code == 200
    return {"alice": alice, "bob": bob, "agent": agent, "word": word,
            "printer": printer, "arabic": arabic, "tatweel": tatweel, "other": other}


def test_staff_find_titles_and_messages_with_marked_snippets(corpus, admin):
    results = search(corpus["agent"], corpus["word"])
    tickets = {(r["kind"], r["ticket"]["id"]) for r in results}
    assert ("title", corpus["printer"]["id"]) in tickets and ("message", corpus["other"]["id"]) in tickets
    assert results[0]["kind"] == "title", "a title match ranks above a message match"
    assert all(corpus["word"] in "".join(marked(r)).lower() for r in results)
    message = next(r for r in results if r["kind"] == "message")
    assert message["message"]["seq"] == 1 and message["message"]["sender"] == "customer"
    assert "".join(part["text"] for part in message["snippet"]) == f"My {corpus['word']} is also broken, secret code 4242."


def test_english_words_match_their_stems(corpus):
    stems = search(corpus["agent"], "jams printed")
    found = {(r["ticket"]["id"], r["kind"]) for r in stems}
    assert (corpus["printer"]["id"], "message") in found, "jammed / printing match jams / printed"
    assert marked(next(r for r in stems if r["kind"] == "message" and r["ticket"]["id"] == corpus["printer"]["id"])) == ["jammed", "printing"]
    agent_reply = search(corpus["agent"], "restarting printer", sender="agent")
    assert [r["message"]["content"] for r in agent_reply] == ["Please restart the printers and tell me."]
    assert marked(agent_reply[0]) == ["restart", "printers"]


@pytest.mark.parametrize("query,ticket,words", [
    ("اعلان", "arabic", ["الإعلانات"]),            # hamza on alef folded, the article taken off
    ("إعلان", "arabic", ["الإعلانات"]),
    ("الاعلان المدفوع", "arabic", ["الإعْلانُ", "المدفوع"]),  # diacritics in the text ignored
    ("فاتورة", "tatweel", ["فاتـــورة"]),            # tatweel ignored
    ("فاتوره", "tatweel", ["فاتـــورة"]),            # teh marbuta folded
    ("12", "tatweel", ["١٢"]),                      # Arabic-Indic digits
])
def test_arabic_is_found_however_it_is_written(corpus, query, ticket, words):
    owner = corpus["alice" if ticket == "arabic" else "bob"]  # their own few tickets: other tests' text cannot crowd them out
    results = [r for r in search(owner, query) if r["ticket"]["id"] == corpus[ticket]["id"]]
    assert results, f"{query} found nothing in {ticket}"
    assert any(marked(r) == words or set(words) <= set(marked(r)) for r in results), [marked(r) for r in results]


def test_a_customer_finds_only_their_own_tickets(corpus):
    alice = search(corpus["alice"], corpus["word"])
    assert {r["ticket"]["id"] for r in alice} == {corpus["printer"]["id"]}
    assert search(corpus["alice"], "4242") == []
    assert search(corpus["alice"], "secret", assignee="unassigned") == []
    assert {r["ticket"]["id"] for r in search(corpus["bob"], "4242")} == {corpus["other"]["id"]}
    assert search(corpus["bob"], corpus["printer"]["ticketNumber"]) == []


def test_ticket_numbers_and_filters(corpus):
    agent = corpus["agent"]
    number = corpus["printer"]["ticketNumber"]
    (hit, *_) = search(agent, number.lower())
    assert hit["kind"] == "number" and hit["ticket"]["id"] == corpus["printer"]["id"]
    word = corpus["word"]
    assert {r["ticket"]["id"] for r in search(agent, word, status="resolved")} == {corpus["printer"]["id"]}
    assert {r["ticket"]["id"] for r in search(agent, word, assignee="me")} == {corpus["printer"]["id"]}
    assert {r["ticket"]["id"] for r in search(agent, word, assignee="unassigned")} == {corpus["other"]["id"]}
    assert search(agent, word, sender="agent") == []
    assert search(agent, word, **{"from": "2000-01-01", "to": "2000-02-01"}) == []
    first = search(agent, word, limit=1)
    second = agent.http.get("/api/search", params={"q": word, "limit": 1, "offset": 1}).json()
    assert len(first) == 1 and second["results"] and second["results"][0] != first[0]


@pytest.mark.parametrize("params,field", [
    ({"q": ""}, "q"), ({"q": "   "}, "q"), ({"q": "!!! ???"}, "q"), ({"q": "x" * 201}, "q"),
    ({"q": "printer", "limit": "0"}, "limit"), ({"q": "printer", "limit": "51"}, "limit"),
    ({"q": "printer", "sender": "robot"}, "sender"), ({"q": "printer", "status": "lost"}, "status"),
    ({"q": "printer", "from": "2026-02-01", "to": "2026-01-01"}, "to"), ({"q": "printer", "from": "yesterday"}, "from"),
])
def test_bad_searches_are_refused_naming_the_field(corpus, params, field):
    response = corpus["agent"].http.get("/api/search", params=params)
    assert response.status_code == 400, response.text
    assert response.json()["error"]["message"].startswith(field)


def test_query_syntax_is_taken_literally(corpus):
    for text in ['"unbalanced', "printer AND OR NOT", "NEAR(printer jam)", "col:printer", "printer*", "-printer", "^printer"]:
        assert corpus["agent"].http.get("/api/search", params={"q": text}).status_code == 200, text


def test_the_console_search_box_finds_an_old_message_and_jumps_to_it(browser, server, admin):
    from playwright.sync_api import expect

    from web_pages import open_page

    agent = make_user(server, admin, "agent", "Jo Jumper")
    customer = make_user(server, admin, "customer", "Kim Longtalk")
    word = unique("quasar")
    ticket = open_ticket(customer, title="A long conversation")
    for index in range(80):
        content = f"The {word} blinked at 3 am" if index == 2 else f"Message number {index}"
        assert customer.http.post(f"/api/tickets/{ticket['id']}/messages", json={"content": content}).status_code == 201
    email = agent.user["email"]
    page = open_page(browser, server, email, "password-" + email, "/admin/tickets")
    page.locator("ticket-list .search").fill(word)
    result = page.locator("ticket-list .search-result[data-kind=message]")
    expect(result).to_have_count(1)
    expect(result.locator("mark")).to_have_text(word)
    expect(result.locator(".item-title")).to_have_text("A long conversation")
    result.click()
    found = page.locator("ticket-chat .message.found")
    expect(found).to_have_count(1)
    expect(found.locator(".content")).to_have_text(f"The {word} blinked at 3 am")
    expect(found).to_be_in_viewport()
    page.locator("ticket-list .search").fill("")
    expect(page.locator("ticket-list .ticket-item:not(.search-result)").first).to_be_visible()
    page.locator("ticket-list .search").fill(unique("nothingmatches"))
    expect(page.locator("ticket-list .empty")).to_have_text("Nothing found.")
    assert page.errors == []
    page.context.close()
