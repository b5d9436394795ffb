"""Real headless Chromium (the system's, driven by Playwright) signed in as a desk user."""

import os
import shutil

from playwright.sync_api import expect

TIMEOUT_MS = 15_000
DESKTOP = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}
expect.set_options(timeout=TIMEOUT_MS)


def chromium_path():
    path = os.environ.get("HELPDESK_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        raise RuntimeError("Chromium is needed for the browser tests (Debian: apt-get install chromium)")
    return path


def open_page(browser, server, email, password, path, language="en", viewport=DESKTOP):
    """A fresh browser profile signed in as `email` (the HttpOnly session cookie), showing `path` once it is ready."""
    context = browser.new_context(viewport=viewport, base_url=server.url, is_mobile=viewport == PHONE, has_touch=viewport == PHONE)
    context.set_default_timeout(TIMEOUT_MS)
    context.add_init_script(f"localStorage.setItem('helpdesk.language', '{language}')")
    response = context.request.post("/api/auth/login", data={"email": email, "password": password})
    assert response.status == 200, response.text()
    page = context.new_page()
    page.dialogs = []
    page.errors = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(path)
    expect(page.locator("body")).to_have_attribute("data-ready", "true")
    return page


def ticket_item(page, title):
    return page.locator(".ticket-item", has=page.locator(".item-title", has_text=title))


def messages(page):
    """The conversation's message texts, in order (pending ones included)."""
    return page.locator("ticket-chat .message .content").all_inner_texts()


def has_horizontal_overflow(page):
    """Wider than the screen: a phone's browser would zoom the page out to fit, so compare with the
    viewport the page was opened with, not the window's (possibly widened) inner width."""
    return page.evaluate("document.documentElement.scrollWidth") > page.viewport_size["width"]
