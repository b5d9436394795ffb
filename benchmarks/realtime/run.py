"""Runs Helpdesk and the python-socketio peer side by side on this machine and prints, for each:
the delivered messages/s at which p99 send→receive latency stays under 50 ms (1,000 connections in
500 rooms), p50/p99 at 1,000 msg/s, and RSS per idle connection with 5,000 connections.

Each server gets core 0 (taskset), the Swift load generator core 1. Usage, from the repository root:
    python3 benchmarks/realtime/run.py            (after `swift build -c release`)
"""

import json
import os
import pathlib
import re
import signal
import subprocess
import sys
import tempfile
import time

import httpx

ROOT = pathlib.Path(__file__).resolve().parents[2]
RELEASE = ROOT / ".build" / "release"
ROOMS = 500
IDLE_CONNECTIONS = 5000
STEP_SECONDS = 5
P99_LIMIT_MS = 50.0
WARMUP_SECONDS = 1
TRIES = 3
MAX_STEAL_PERCENT = 3
ATTEMPTS = 3
RATES = [250, 500, 750, 1000, 1250, 1500, 2000, 2500, 3000, 3500, 4000, 5000, 6000, 7000, 8000, 9000, 10000, 12000]


def start(command, env=None, pattern=r"listening on (http://\S+)"):
    process = subprocess.Popen(["taskset", "-c", "0", *command], env={**os.environ, **(env or {})}, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 60
    for line in process.stdout:
        match = re.search(pattern, line)
        if match:
            return process, match.group(1)
        if time.monotonic() > deadline:
            break
    raise RuntimeError(f"{command[0]} did not start")


def stop(process):
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def rss_kib(pid):
    for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def steal_ticks(cpu=0):
    """Ticks the hypervisor gave this CPU to someone else (steal time), from /proc/stat."""
    for line in pathlib.Path("/proc/stat").read_text().splitlines():
        fields = line.split()
        if fields[0] == f"cpu{cpu}":
            return int(fields[8]), sum(int(value) for value in fields[1:])
    raise RuntimeError(f"no cpu{cpu} in /proc/stat")


def loadgen(url, clients, mode, rates=None):
    path = tempfile.NamedTemporaryFile("w", suffix=".json", delete=False)
    json.dump(clients, path)
    path.close()
    command = ["taskset", "-c", "1", str(RELEASE / "realtime-loadgen"), "--url", url, "--clients", path.name, "--mode", mode,
               "--seconds", str(STEP_SECONDS), "--warmup", str(WARMUP_SECONDS)]
    if rates:
        command += ["--rates", ",".join(str(r) for r in rates)]
    return subprocess.Popen(command, stdout=subprocess.PIPE, text=True, start_new_session=True)


def measure_rates(url, clients, rates):
    """Runs the rate ladder, each rate as TRIES measured steps on one set of connections, and keeps the
    step with the median p99 (one stray stall of the machine should not decide a step); stops after
    two failing rates in a row. On a virtual machine, time the hypervisor gives to other guests
    (steal time) shows up as latency: a rate measured while more than MAX_STEAL_PERCENT of the server's
    core was stolen is measured again, up to ATTEMPTS times, and the attempt with the least steal counts."""
    steps, over = [], 0
    for rate in rates:
        attempts = []
        while len(attempts) < ATTEMPTS:
            stolen_before, total_before = steal_ticks()
            generator = loadgen(url, clients, "rate", [rate] * TRIES)
            tries = [json.loads(line) for line in generator.stdout]
            generator.wait()
            stolen_after, total_after = steal_ticks()
            attempts.append((100 * (stolen_after - stolen_before) / max(1, total_after - total_before), tries))
            if attempts[-1][0] <= MAX_STEAL_PERCENT:
                break
        steal, tries = min(attempts, key=lambda attempt: attempt[0])
        tries = sorted((t for t in tries if t["event"] == "step"), key=lambda t: float("inf") if t["p99Ms"] is None else t["p99Ms"])
        if not tries:
            break
        step = tries[len(tries) // 2]
        steps.append(step)
        all_p99 = ", ".join("-" if t["p99Ms"] is None else f"{t['p99Ms']:.0f}" for t in tries)
        print(f"  {rate:>6} msg/s target: delivered {step['deliveredPerSecond']:>8.0f}/s, "
              f"p50 {step['p50Ms']:.1f} ms, p99 {step['p99Ms']:.1f} ms (p99 of each try: {all_p99} ms), "
              f"steal {steal:.0f} %" + (f" ({len(attempts)} attempts)" if len(attempts) > 1 else ""), flush=True)
        if step["p99Ms"] is None or step["p99Ms"] > P99_LIMIT_MS or step["deliveredPerSecond"] < 0.9 * rate:
            over += 1
            if over == 2:
                break
        else:
            over = 0
    return steps


def measure_idle(url, process, clients):
    before = rss_kib(process.pid)
    generator = loadgen(url, clients, "idle")
    for line in generator.stdout:
        if json.loads(line)["event"] == "connected":
            break
    time.sleep(3)  # let allocations settle before reading the resident size
    after = rss_kib(process.pid)
    os.killpg(generator.pid, signal.SIGTERM)
    generator.wait()
    time.sleep(5)  # let the server finish closing the idle sessions before the rate steps
    return (after - before) * 1024 / len(clients)


def summarize(name, steps, idle_bytes):
    passing = [s for s in steps if s["p99Ms"] is not None and s["p99Ms"] <= P99_LIMIT_MS and s["deliveredPerSecond"] >= 0.9 * s["targetRate"]]
    best = max((s["deliveredPerSecond"] for s in passing), default=0)
    at_1000 = next((s for s in steps if s["targetRate"] == 1000), None)
    return {"server": name, "maxDeliveredPerSecondP99Under50ms": round(best),
            "p50MsAt1000": at_1000 and round(at_1000["p50Ms"], 2), "p99MsAt1000": at_1000 and round(at_1000["p99Ms"], 2),
            "idleBytesPerConnection": round(idle_bytes)}


def helpdesk_setup(url):
    """500 customers with one ticket each; two connections (tabs) per customer's ticket room."""
    with httpx.Client(base_url=url, timeout=30) as http:
        admin = http.post("/api/auth/login", json={"email": "bench-admin@example.com", "password": "bench-password"}).json()["token"]
        http.cookies.clear()
        clients = []
        for n in range(ROOMS):
            email = f"bench{n}@example.com"
            http.post("/api/users", headers={"Authorization": f"Bearer {admin}"},
                      json={"email": email, "name": f"Bench {n}", "role": "customer", "password": "bench-password"})
            signed_in = http.post("/api/auth/login", json={"email": email, "password": "bench-password"})
            assert signed_in.status_code == 200, signed_in.text
            token = signed_in.json()["token"]
            http.cookies.clear()  # bearer tokens only: a session cookie would make the next sign-in look cross-site
            ticket = http.post("/api/user/tickets", headers={"Authorization": f"Bearer {token}"},
                               json={"title": "Bench", "category": "general", "content": "Hello"}).json()["id"]
            clients += [{"token": token, "ticketId": ticket}] * 2
    return clients


def run_helpdesk():
    print("Helpdesk (Swift, SQLite, every message committed before its ack)", flush=True)
    with tempfile.TemporaryDirectory() as folder:
        database = f"sqlite:{folder}/bench.sqlite"
        env = {"HELPDESK_BCRYPT_COST": "4", "HELPDESK_RATE_LIMIT": "1000000", "HELPDESK_LOGIN_RATE_LIMIT": "1000000",
               "HELPDESK_SOCKET_RATE_LIMIT": "1000000", "HELPDESK_LOG_LEVEL": "error"}
        subprocess.run([str(RELEASE / "helpdesk"), "user", "add", "--database", database, "--email", "bench-admin@example.com",
                        "--name", "Bench", "--role", "admin", "--password", "bench-password"],
                       env={**os.environ, **env}, check=True, capture_output=True)
        process, url = start([str(RELEASE / "helpdesk"), "serve", "--port", "0", "--database", database], env)
        try:
            clients = helpdesk_setup(url)
            idle = measure_idle(url, process, [{"token": c["token"], "ticketId": c["ticketId"]} for c in clients] * (IDLE_CONNECTIONS // len(clients)))
            steps = measure_rates(url, clients, RATES)
        finally:
            stop(process)
    return summarize("helpdesk", steps, idle)


def run_peer():
    print("python-socketio peer (aiohttp, keeps nothing)", flush=True)
    process, url = start([sys.executable, str(pathlib.Path(__file__).parent / "peer_server.py"), "18199"])
    try:
        clients = [{"token": f"user{n}", "ticketId": f"ticket{n}"} for n in range(ROOMS) for _ in range(2)]
        idle = measure_idle(url, process, [{"token": f"idle{n}", "ticketId": "none"} for n in range(IDLE_CONNECTIONS)])
        steps = measure_rates(url, clients, RATES)
    finally:
        stop(process)
    return summarize("python-socketio", steps, idle)


if __name__ == "__main__":
    ours, peer = run_helpdesk(), run_peer()
    print(json.dumps([ours, peer], indent=2))
    if peer["maxDeliveredPerSecondP99Under50ms"] and peer["idleBytesPerConnection"] > 0:
        print(f"throughput ratio: {ours['maxDeliveredPerSecondP99Under50ms'] / peer['maxDeliveredPerSecondP99Under50ms']:.1f}x, "
              f"idle memory ratio: {ours['idleBytesPerConnection'] / peer['idleBytesPerConnection']:.2f}")
