"""Full-text search over a desk of N messages (1,000,000 by default): seeds a database with
`search-seed` (Zipf-distributed English and Arabic words, through the server's own schema and
index triggers), starts the server on it and times `GET /api/search` for a mix of queries —
common, middling and rare words, two words, a word's beginning, Arabic written another way, a
ticket number, and a word with filters. Prints p50/p95/p99 per kind and over all.

Usage, from the repository root, after `swift build -c release` and `scripts/test` (for its venv):
    .build/blackbox-venv/bin/python benchmarks/search/run.py [--messages 1000000] [--rounds 30]
"""

import argparse
import json
import os
import pathlib
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "blackbox"))
os.environ.setdefault("HELPDESK_BINARY", str(ROOT / ".build" / "release" / "helpdesk"))

from helpdesk_server import Server, run_cli  # noqa: E402

SEED = pathlib.Path(os.environ.get("HELPDESK_SEARCH_SEED", ROOT / ".build" / "release" / "search-seed"))
AGENT = ("agent@bench.test", "agent-password")
CUSTOMER = ("customer@bench.test", "customer-password")


def percentile(values, share):
    ordered = sorted(values)
    return ordered[max(0, round(share * len(ordered)) - 1)]


def queries(words):
    common, middle, rare = words["common"], words["middle"], words["rare"]
    return {
        "common word": [{"q": word} for word in common],
        "middling word": [{"q": word} for word in middle],
        "rare word": [{"q": word} for word in rare],
        "two words": [{"q": f"{middle[0]} {common[1]}"}, {"q": f"{middle[1]} {rare[0]}"}, {"q": f"payment {middle[2]}"}],
        "word beginning": [{"q": word[:4]} for word in middle],
        "Arabic folded": [{"q": "اعلان"}, {"q": "الفاتوره"}, {"q": "كلمه المرور"}],
        "ticket number": [{"q": "TKT0000123"}, {"q": "tkt00004"}],
        "word + filters": [{"q": middle[0], "status": "open"}, {"q": common[2], "priority": "medium", "status": "pending"},
                           {"q": rare[1], "sender": "agent"}],
        "assigned to me": [{"q": common[0], "assignee": "me"}, {"q": middle[1], "assignee": "me"}],
    }


def customer_queries(words):
    """A customer searches their own 10 tickets only."""
    return {"customer's own": [{"q": words["common"][0]}, {"q": words["middle"][0]}, {"q": words["rare"][0]}]}


def hand_out_tickets(path, agent_email, customer_email):
    """Gives the benchmark's customer 10 tickets and its agent 50 (plain updates: no indexed column changes)."""
    with sqlite3.connect(path) as db:
        (agent,) = db.execute("SELECT id FROM users WHERE email = ?", (agent_email,)).fetchone()
        (customer,) = db.execute("SELECT id FROM users WHERE email = ?", (customer_email,)).fetchone()
        db.execute("UPDATE tickets SET customer_id = ? WHERE rowid <= 10", (customer,))
        db.execute("UPDATE tickets SET assignee_id = ? WHERE rowid % 1000 = 0", (agent,))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--database", help="an existing seeded file to reuse (its seed output beside it as .json)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        path = args.database or f"{directory}/search.sqlite"
        if args.database and os.path.exists(path + ".json"):
            seeded = json.loads(pathlib.Path(path + ".json").read_text())
        else:
            output = subprocess.run([str(SEED), path, str(args.messages)], check=True, capture_output=True, text=True).stdout
            seeded = json.loads(output)
            if args.database:
                pathlib.Path(path + ".json").write_text(output)
        database = f"sqlite:{path}"
        for (email, password), role in ((AGENT, "agent"), (CUSTOMER, "customer")):
            run_cli("user", "add", "--database", database, "--email", email, "--name", role.title(), "--role", role,
                    "--password", password, check=False)
        hand_out_tickets(path, AGENT[0], CUSTOMER[0])
        server = Server(database).start()
        try:
            clients = {}
            for (email, password) in (AGENT, CUSTOMER):
                with server.client() as anonymous:
                    token = anonymous.post("/api/auth/login", json={"email": email, "password": password}).json()["token"]
                clients[email] = server.client(token)
            kinds = {kind: (clients[AGENT[0]], group) for kind, group in queries(seeded["words"]).items()}
            kinds |= {kind: (clients[CUSTOMER[0]], group) for kind, group in customer_queries(seeded["words"]).items()}
            for client, group in kinds.values():  # warm the page cache once
                for params in group:
                    assert client.get("/api/search", params=params).status_code == 200
            timings = {kind: [] for kind in kinds}
            hits = {kind: [] for kind in kinds}
            for _ in range(args.rounds):
                for kind, (client, group) in kinds.items():
                    for params in group:
                        started = time.perf_counter()
                        response = client.get("/api/search", params=params)
                        timings[kind].append((time.perf_counter() - started) * 1000)
                        assert response.status_code == 200, response.text
                        hits[kind].append(len(response.json()["results"]))
        finally:
            server.stop()
    every = [value for values in timings.values() for value in values]
    report = {
        "messages": seeded["messages"], "tickets": seeded["tickets"], "seedSeconds": seeded["seconds"],
        "kinds": {kind: {"p50": round(statistics.median(values), 1), "p95": round(percentile(values, 0.95), 1),
                         "p99": round(percentile(values, 0.99), 1), "results": round(statistics.mean(hits[kind]), 1)}
                  for kind, values in timings.items()},
        "all": {"requests": len(every), "p50": round(statistics.median(every), 1), "p95": round(percentile(every, 0.95), 1),
                "p99": round(percentile(every, 0.99), 1)},
    }
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
