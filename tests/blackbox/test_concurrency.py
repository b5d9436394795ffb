"""Ticket numbers stay unique when many tickets are opened at once."""

from concurrent.futures import ThreadPoolExecutor


def test_two_hundred_concurrent_tickets_get_unique_numbers(new_customer):
    customer = new_customer()

    def create(index):
        return customer.http.post("/api/user/tickets", json={
            "title": f"Concurrent {index}", "category": "general", "content": "At the same time"})

    with ThreadPoolExecutor(max_workers=32) as pool:
        responses = list(pool.map(create, range(200)))
    assert [r.status_code for r in responses] == [201] * 200
    numbers = [r.json()["ticketNumber"] for r in responses]
    assert len(set(numbers)) == 200
    listed, cursor = [], None
    while True:
        params = {"limit": 100, **({"cursor": cursor} if cursor else {})}
        page = customer.http.get("/api/user/tickets", params=params).json()
        listed += page["tickets"]
        cursor = page.get("nextCursor")
        if not cursor:
            break
    assert sorted(t["ticketNumber"] for t in listed) == sorted(numbers)
