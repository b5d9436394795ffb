"""Chat throughput of three deployments side by side, each given the same single core (core 0; the
load generator gets core 1): one node on SQLite, one node on PostgreSQL (the database server on the
same core), and three nodes with nginx on PostgreSQL (scripts/cluster, everything on that core).
For each: the delivered messages/s at which p99 send→receive latency stays under 50 ms, and p50/p99
at 1,000 msg/s (1,000 WebSocket connections in 500 rooms, as benchmarks/realtime).

What it shows is the cost of each deployment per message, not how far several machines scale.
Usage, from the repository root, after `swift build -c release --product helpdesk` and
`swift build -c release --product realtime-loadgen`:
    python3 benchmarks/cluster/run.py
"""

import importlib.util
import json
import os
import pathlib
import subprocess
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("realtime", ROOT / "benchmarks" / "realtime" / "run.py")
realtime = importlib.util.module_from_spec(spec)
spec.loader.exec_module(realtime)

HELPDESK = realtime.RELEASE / "helpdesk"
ENV = {"HELPDESK_BCRYPT_COST": "4", "HELPDESK_RATE_LIMIT": "1000000", "HELPDESK_LOGIN_RATE_LIMIT": "1000000",
       "HELPDESK_SOCKET_RATE_LIMIT": "1000000", "HELPDESK_LOG_LEVEL": "error"}
RATES = [250, 500, 1000, 1500, 2000, 2500, 3000, 3500, 4000, 5000]


def add_admin(database):
    subprocess.run([str(HELPDESK), "user", "add", "--database", database, "--email", "bench-admin@example.com",
                    "--name", "Bench", "--role", "admin", "--password", "bench-password"],
                   env={**os.environ, **ENV}, check=True, capture_output=True)


def measure(name, url):
    print(name, flush=True)
    clients = realtime.helpdesk_setup(url)
    return realtime.summarize(name, realtime.measure_rates(url, clients, RATES), 0)


def one_node(name, database):
    add_admin(database)
    process, url = realtime.start([str(HELPDESK), "serve", "--port", "0", "--database", database], ENV)
    try:
        return measure(name, url)
    finally:
        realtime.stop(process)


def on_sqlite():
    with tempfile.TemporaryDirectory() as folder:
        return one_node("one node, SQLite", f"sqlite:{folder}/bench.sqlite")


def on_postgres():
    data = tempfile.mkdtemp(prefix="helpdesk-bench-postgres-")
    admin_url = subprocess.run(["taskset", "-c", "0", str(ROOT / "scripts" / "postgres"), "start", data],
                               check=True, capture_output=True, text=True).stdout.strip()
    try:
        subprocess.run(["psql", "-q", admin_url, "-c", "CREATE DATABASE bench"], check=True)
        return one_node("one node, PostgreSQL", admin_url.rsplit("/", 1)[0] + "/bench")
    finally:
        subprocess.run([str(ROOT / "scripts" / "postgres"), "stop", data], check=True)


def three_nodes():
    folder = tempfile.mkdtemp(prefix="helpdesk-bench-cluster-")
    script = ROOT / "scripts" / "cluster"
    env = {**os.environ, **ENV, "HELPDESK_BINARY": str(HELPDESK)}
    url = subprocess.run(["taskset", "-c", "0", str(script), "start", folder], env=env, check=True,
                         capture_output=True, text=True).stdout.strip().splitlines()[-1]
    try:
        database = next(line.split()[1] for line in pathlib.Path(folder, "state").read_text().splitlines() if line.startswith("database"))
        add_admin(database)
        return measure("three nodes and nginx, PostgreSQL", url)
    finally:
        subprocess.run([str(script), "stop", folder], env=env, check=True)


if __name__ == "__main__":
    results = [on_sqlite(), on_postgres(), three_nodes()]
    for result in results:
        result.pop("idleBytesPerConnection")
    print(json.dumps(results, indent=2))
