"""The UI's pure modules, run in Chromium as the pages load them."""

import json
import pathlib
import re

import pytest


@pytest.fixture(scope="module")
def page(browser, server):
    context = browser.new_context(base_url=server.url)
    page = context.new_page()
    page.goto("/login")
    yield page
    context.close()


def run(page, module, expression):
    return page.evaluate(f"import('{module}').then((m) => {expression})")


def test_sla_state_at_its_boundaries(page):
    hour = 3600 * 1000
    cases = run(page, "/js/sla.js", f"""[
        m.slaState({{ status: "open", slaDeadline: new Date(10 * {hour}).toISOString() }}, 7200, 10 * {hour}),
        m.slaState({{ status: "open", slaDeadline: new Date(10 * {hour}).toISOString() }}, 7200, 10 * {hour} - 1),
        m.slaState({{ status: "pending", slaDeadline: new Date(10 * {hour}).toISOString() }}, 7200, 8 * {hour}),
        m.slaState({{ status: "pending", slaDeadline: new Date(10 * {hour}).toISOString() }}, 7200, 8 * {hour} - 1),
        m.slaState({{ status: "resolved", slaDeadline: new Date(10 * {hour}).toISOString() }}, 7200, 11 * {hour}),
        m.slaState({{ status: "closed", slaDeadline: new Date(10 * {hour}).toISOString() }}, 7200, 0),
    ]""")
    assert cases == ["breached", "near", "near", "ok", "none", "none"]


def test_the_nearest_running_clock_decides_and_met_clocks_stop(page):
    hour = 3600 * 1000
    waiting = f"""{{ status: "pending", slaDeadline: new Date(24 * {hour}).toISOString(),
        firstRespondedAt: new Date({hour}).toISOString(), nextResponseDue: new Date(10 * {hour}).toISOString() }}"""
    result = run(page, "/js/sla.js", f"""({{
        nearest: m.slaState({waiting}, 7200, 9 * {hour}),
        overdue: m.slaState({{ status: "open", slaDeadline: new Date(24 * {hour}).toISOString(), firstResponseDue: new Date(8 * {hour}).toISOString() }}, 7200, 9 * {hour}),
        clocks: m.slaClocks({waiting}).map((c) => [c.target, c.running, c.metAt !== null]),
        resolved: m.slaClocks({{ status: "resolved", slaDeadline: new Date(24 * {hour}).toISOString() }}).map((c) => c.running),
    }})""")
    assert result == {
        "nearest": "near",
        "overdue": "breached",
        "clocks": [["firstResponse", False, True], ["nextResponse", True, False], ["resolution", True, False]],
        "resolved": [False, False],
    }


def test_the_sla_timeline_tells_when_clocks_ran_stopped_and_alerted(page):
    timeline = run(page, "/js/sla.js", """m.slaTimeline(
        { createdAt: "2026-11-27T08:00:00Z", firstRespondedAt: "2026-11-27T08:30:00Z" },
        [
            { action: "sla_warning", to: "resolution", createdAt: "2026-11-27T11:12:00Z" },
            { action: "status_changed", from: "open", to: "pending", actorName: "Sami", createdAt: "2026-11-27T08:31:00Z" },
            { action: "status_changed", from: "pending", to: "resolved", actorName: "Sami", createdAt: "2026-11-27T12:00:00Z" },
            { action: "status_changed", from: "resolved", to: "open", actorName: "Alice", createdAt: "2026-11-28T09:00:00Z" },
            { action: "sla_breached", to: "resolution", createdAt: "2026-11-28T10:00:00Z" },
        ]).map((e) => [e.event, e.target ?? e.status ?? null])""")
    assert timeline == [["started", None], ["met", "firstResponse"], ["warning", "resolution"], ["paused", "resolved"],
                        ["resumed", "open"], ["breached", "resolution"]]


def test_known_system_messages_are_translated_and_others_kept(page):
    page.evaluate("import('/js/i18n.js').then((m) => m.setLanguage('ar'))")
    texts = run(page, "/js/system-messages.js", """[
        m.systemMessageText("Sami Agent changed the status from open to pending."),
        m.systemMessageText("Sami Agent assigned the ticket to Dana Admin."),
        m.systemMessageText("Sami Agent removed the assignee."),
        m.systemMessageText("Sami Agent changed the status from open to pending. Really."),
    ]""")
    page.evaluate("import('/js/i18n.js').then((m) => m.setLanguage('en'))")
    assert texts == [
        "غيّر Sami Agent الحالة من مفتوحة إلى قيد المعالجة.",
        "أسند Sami Agent التذكرة إلى Dana Admin.",
        "أزال Sami Agent الإسناد.",
        "Sami Agent changed the status from open to pending. Really.",
    ]


def test_countdowns_and_numbers_follow_the_language(page):
    english = run(page, "/js/i18n.js", "[m.formatDuration(3 * 3600e3 + 5 * 60e3 + 9e3), m.formatDuration(-(26 * 3600e3 + 61e3)), m.t('list.unread', { count: 1200 })]")
    assert english == ["3:05:09", "1 d 2:01:01", "1,200 unread"]


def test_the_two_translations_have_the_same_keys_and_placeholders(page):
    same = page.evaluate("""Promise.all(["en", "ar"].map((code) => fetch(`/i18n/${code}.json`).then((r) => r.json())))
        .then(([en, ar]) => {
            const placeholders = (text) => (text.match(/\\{\\w+\\}/g) ?? []).sort().join();
            const keys = Object.keys(en).sort().join() === Object.keys(ar).sort().join();
            const mismatched = Object.keys(en).filter((key) => placeholders(en[key]) !== placeholders(ar[key] ?? ""));
            return { keys, mismatched };
        })""")
    assert same == {"keys": True, "mismatched": []}


def test_every_string_the_pages_ask_for_is_translated():
    public = pathlib.Path(__file__).resolve().parents[2] / "Public"
    pattern = re.compile(r'\bt\("([\w.]+)"|data-i18n(?:-\w+)?="([\w.]+)"|"data-i18n(?:-\w+)?": "([\w.]+)"|"(login\.\w+)"')
    used = set()
    for path in [*public.rglob("*.js"), *public.glob("*.html")]:
        used |= {key for match in pattern.findall(path.read_text()) for key in match if key}
    english = json.loads((public / "i18n" / "en.json").read_text())
    assert len(used) > 80
    assert sorted(used - english.keys()) == []
