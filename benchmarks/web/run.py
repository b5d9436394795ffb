"""Measures the agents' console in headless Chromium with a desk of N tickets: how long until the
first page is usable, and whether loading and scrolling the whole list stays smooth.

Usage, from the repository root, after `swift build -c release` and `scripts/test` (for its venv):
    .build/blackbox-venv/bin/python benchmarks/web/run.py [--tickets 1000] [--runs 5]
"""

import argparse
import json
import os
import pathlib
import statistics
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "blackbox"))
os.environ.setdefault("HELPDESK_BINARY", str(ROOT / ".build" / "release" / "helpdesk"))

from playwright.sync_api import sync_playwright  # noqa: E402

from helpdesk_server import Server, run_cli  # noqa: E402
from web_pages import chromium_path, open_page  # noqa: E402

AGENT = ("agent@bench.test", "agent-password")
CUSTOMER = ("customer@bench.test", "customer-password")

# Collected in the page: long tasks (main thread busy > 50 ms) from the very start.
OBSERVE = """
window.__longTasks = [];
new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration)))
  .observe({ type: "longtask", buffered: true });
"""

# Loads every page of the list by scrolling to its end, then scrolls the whole list back up one
# step per frame, recording each frame's duration.
SCROLL = """
async (expected) => {
  const scroller = document.querySelector("ticket-list .list-scroll");
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const started = performance.now();
  while (document.querySelectorAll("ticket-list .ticket-item").length < expected) {
    scroller.scrollTop = scroller.scrollHeight;
    await frame();
    if (performance.now() - started > 60000) throw new Error("the list did not load every ticket");
  }
  const loadedMs = performance.now() - started;
  const frames = [];
  let last = performance.now();
  for (let top = scroller.scrollHeight; top > 0; top -= 400) {
    scroller.scrollTop = top;
    await frame();
    const now = performance.now();
    frames.push(now - last);
    last = now;
  }
  frames.sort((a, b) => a - b);
  return { loadedMs, frames: frames.length, p95FrameMs: frames[Math.floor(frames.length * 0.95)], maxFrameMs: frames[frames.length - 1] };
}
"""


def seed(server, count):
    with server.client() as http:
        token = http.post("/api/auth/login", json={"email": CUSTOMER[0], "password": CUSTOMER[1]}).json()["token"]
    with server.client(token) as customer:
        for number in range(count):
            response = customer.post("/api/user/tickets", json={
                "title": f"Ticket {number}: the invoice total looks wrong", "category": "billing",
                "priority": ["low", "medium", "high", "urgent"][number % 4],
                "content": "The total on my last invoice does not match the order. Could you check it?",
            })
            assert response.status_code == 201, response.text


def measure(browser, server, tickets):
    page = open_page(browser, server, *AGENT, "/admin/tickets")
    page.add_init_script(OBSERVE)
    page.reload()
    page.wait_for_selector("body[data-ready=true]")
    timing = page.evaluate("""() => ({
        readyMs: performance.getEntriesByName("helpdesk:ready")[0].startTime,
        firstPaintMs: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
    })""")
    scrolling = page.evaluate(SCROLL, tickets)
    long_tasks = page.evaluate("window.__longTasks")
    page.context.close()
    return {**timing, **scrolling, "longTasks": len(long_tasks), "longestTaskMs": max(long_tasks, default=0)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        database = f"sqlite:{directory}/helpdesk.sqlite"
        for (email, password), role in ((AGENT, "agent"), (CUSTOMER, "customer")):
            run_cli("user", "add", "--database", database, "--email", email, "--name", role.title(), "--role", role, "--password", password)
        server = Server(database).start()
        try:
            seed(server, arguments.tickets)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=chromium_path(), args=["--no-sandbox"])
                runs = [measure(browser, server, arguments.tickets) for _ in range(arguments.runs)]
                browser.close()
        finally:
            server.stop()
    summary = {key: statistics.median(run[key] for run in runs) for key in runs[0] if runs[0][key] is not None}
    print(json.dumps({"tickets": arguments.tickets, "runs": runs, "median": summary}, indent=2))
    print(f"median of {arguments.runs}: usable after {summary['readyMs']:.0f} ms "
          f"(first paint {summary.get('firstPaintMs', 0):.0f} ms); "
          f"all {arguments.tickets} tickets loaded by scrolling in {summary['loadedMs']:.0f} ms; "
          f"scrolling back: p95 frame {summary['p95FrameMs']:.1f} ms, worst {summary['maxFrameMs']:.1f} ms; "
          f"long tasks {summary['longTasks']:.0f} (longest {summary['longestTaskMs']:.0f} ms)")


if __name__ == "__main__":
    main()
