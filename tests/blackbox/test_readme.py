"""A newcomer's path: the README's run command starts a desk with demo accounts that can sign in."""

import pathlib
import re
import shlex

import httpx

from helpdesk_server import Server

REPOSITORY = pathlib.Path(__file__).resolve().parents[2]


def readme_command(marker):
    """The first line of a fenced code block in the README that contains `marker`."""
    text = (REPOSITORY / "README.md").read_text()
    blocks = re.findall(r"^```[^\n]*\n(.*?)^```", text, flags=re.MULTILINE | re.DOTALL)
    commands = [line.strip() for block in blocks for line in block.splitlines() if marker in line]
    assert commands, f"README has no command containing {marker!r}"
    return commands[0]


def test_readme_names_the_test_command():
    assert readme_command("scripts/test") == "scripts/test"


def test_readme_run_command_starts_a_demo_desk(tmp_path):
    command = shlex.split(readme_command("helpdesk serve --demo"))
    environment = {"HELPDESK_PORT": "0", "HELPDESK_DATABASE": f"sqlite:{tmp_path}/demo.sqlite"}
    server = Server(database=None, env=environment, command=command, cwd=REPOSITORY)
    server.start()
    try:
        printed = "".join(server.stdout_lines)
        accounts = re.findall(r"(\w+)\s+(\S+@\S+)\s+password: (\S+)", printed)
        assert {role for role, _, _ in accounts} == {"admin", "agent", "customer"}
        for role, email, password in accounts:
            response = httpx.post(server.url + "/api/auth/login", json={"email": email, "password": password})
            assert response.status_code == 200 and response.json()["user"]["role"] == role
        agent_token = httpx.post(server.url + "/api/auth/login",
                                 json={"email": accounts[1][1], "password": accounts[1][2]}).json()["token"]
        tickets = httpx.get(server.url + "/api/tickets", headers={"Authorization": f"Bearer {agent_token}"}).json()["tickets"]
        assert len(tickets) >= 3
        sign_in_page = httpx.get(server.url + "/", follow_redirects=True)
        assert sign_in_page.status_code == 200 and 'src="/js/pages/login.js"' in sign_in_page.text
    finally:
        assert server.stop(timeout=60) == 0


def test_every_image_and_document_the_readme_links_exists():
    text = (REPOSITORY / "README.md").read_text()
    targets = set(re.findall(r'(?:src="|\]\()((?:docs|scripts)/[^)"#]+)', text))
    assert any(target.endswith(".png") for target in targets)
    assert sorted(target for target in targets if not (REPOSITORY / target).exists()) == []
