"""Starts the real helpdesk binary on a free port with its own database, for black-box tests."""

import itertools
import os
import queue
import re
import signal
import sqlite3
import subprocess
import tempfile
import threading

import httpx

BINARY = os.environ.get("HELPDESK_BINARY", "")
LISTENING = re.compile(r"listening on (http://\S+)")
CONFORMANCE_BINARY = os.path.join(os.path.dirname(BINARY), "socketio-conformance-server")
STARTUP_TIMEOUT = 60

# Fast hashing and generous limits, so tests measure behaviour rather than bcrypt or throttling.
TEST_ENVIRONMENT = {
    "HELPDESK_BCRYPT_COST": "4",
    "HELPDESK_RATE_LIMIT": "100000",
    "HELPDESK_LOGIN_RATE_LIMIT": "100000",
}


# The admin URL of a throwaway PostgreSQL server: when set, every server of the suite gets a new
# database of its own there instead of an SQLite file (scripts/test runs the suite both ways).
POSTGRES_URL = os.environ.get("HELPDESK_TEST_POSTGRES_URL", "")
_databases = itertools.count(1)
# A file to which every server's output is appended, for looking into a failing test.
SERVER_LOG = os.environ.get("HELPDESK_TEST_SERVER_LOG", "")


def new_database(folder, name="helpdesk"):
    """A new, empty database URL for one server: an SQLite file in `folder`, or a new PostgreSQL database."""
    if not POSTGRES_URL:
        return f"sqlite:{folder}/{name}.sqlite"
    import psycopg

    database = f"{name}_{os.getpid()}_{next(_databases)}"
    with psycopg.connect(POSTGRES_URL, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{database}"')
    return POSTGRES_URL.rsplit("/", 1)[0] + "/" + database


def query_database(database, sql, params=()):
    """Rows of one query (`?` for parameters) run on a server's database directly."""
    if database.startswith("sqlite:"):
        with sqlite3.connect(database.removeprefix("sqlite:")) as connection:
            return connection.execute(sql, params).fetchall()
    import psycopg

    with psycopg.connect(database) as connection:
        return connection.execute(sql.replace("%", "%%").replace("?", "%s"), params).fetchall()


def run_cli(*args, env=None, check=True):
    """Runs a helpdesk subcommand and returns the finished process."""
    result = subprocess.run(
        [BINARY, *args], capture_output=True, text=True, timeout=60,
        env={**os.environ, **TEST_ENVIRONMENT, **(env or {})},
    )
    if check and result.returncode != 0:
        raise AssertionError(f"helpdesk {' '.join(args)} failed: {result.stdout}{result.stderr}")
    return result


class Server:
    """One running server process; `url` is known once it printed its listening line."""

    def __init__(self, database, env=None, extra_args=(), command=None, cwd=None):
        self.database = database
        self.env = {**os.environ, **TEST_ENVIRONMENT, **(env or {})}
        if database and database.startswith("sqlite:"):
            self.attachments_dir = os.path.join(os.path.dirname(database.removeprefix("sqlite:")), "attachments")
        elif database:
            self.attachments_dir = self.env.setdefault("HELPDESK_ATTACHMENTS_DIR", tempfile.mkdtemp(prefix="helpdesk-attachments-"))
        self.command = command or [BINARY, "serve", "--port", "0", "--database", database, *extra_args]
        self.cwd = cwd
        self.process = None
        self.url = None
        self.stdout_lines = []
        self.output_lines = []
        self._lines = queue.Queue()

    def start(self):
        self.process = subprocess.Popen(
            self.command, cwd=self.cwd, env=self.env, text=True,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
        )
        threading.Thread(target=self._pump, args=(self.process.stdout, True), daemon=True).start()
        threading.Thread(target=self._pump, args=(self.process.stderr, False), daemon=True).start()
        self.url = self.wait_for_line(LISTENING, STARTUP_TIMEOUT).group(1)
        return self

    def _pump(self, stream, is_stdout):
        for line in stream:
            if SERVER_LOG:
                with open(SERVER_LOG, "a") as log:
                    log.write(line)
            if is_stdout:
                self.stdout_lines.append(line)
            self._lines.put(line)
        self._lines.put(None)

    def wait_for_line(self, pattern, timeout):
        """Finds an output line (stdout or stderr, printed so far or later) matching `pattern`;
        fails if the process ends or time runs out first."""
        for line in self.output_lines:
            match = pattern.search(line)
            if match:
                return match
        seen = list(self.output_lines)
        while True:
            try:
                line = self._lines.get(timeout=timeout)
            except queue.Empty:
                raise AssertionError(f"no line matching {pattern.pattern!r} within {timeout}s; saw: {''.join(seen)}")
            if line is None:
                raise AssertionError(f"server exited before printing {pattern.pattern!r}; output: {''.join(seen)}")
            seen.append(line)
            self.output_lines.append(line)
            match = pattern.search(line)
            if match:
                return match

    def stop(self, timeout=30):
        """Sends SIGTERM to the server's process group and returns the exit code."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            while not self._lines.empty():
                self.output_lines.append(self._lines.get() or "")
            raise AssertionError(f"server did not stop within {timeout}s of SIGTERM; its last output: {''.join(self.output_lines[-40:])}")

    def kill(self):
        """Ends the server abruptly (SIGKILL), as a crash or power loss would."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)

    def client(self, token=None, **kwargs):
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=30, **kwargs)
