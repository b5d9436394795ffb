// <notification-bell>: the signed-in user's notifications — a count that follows them live, and a
// panel listing them; choosing one opens its ticket and marks it read.
import { api } from "../api.js";
import { h, replaceChildren } from "../dom.js";
import { formatNumber, formatRelative, t } from "../i18n.js";

export class NotificationBell extends HTMLElement {
  #user;
  #unread = 0;
  #items = [];
  #button;
  #badge;
  #panel;
  #list;
  #announcer;

  async configure({ user, realtime }) {
    this.#user = user;
    this.#badge = h("span", { className: "badge", hidden: true });
    this.#button = h("button", { type: "button", className: "bell", "aria-expanded": "false", "aria-haspopup": "true",
      onclick: () => this.#toggle() }, h("span", { className: "bell-icon", "aria-hidden": "true" }), this.#badge);
    this.#list = h("ol", { className: "bell-list" });
    this.#panel = h("div", { className: "bell-panel panel", hidden: true, role: "region" },
      h("div", { className: "bell-head" }, h("h2", {}, t("bell.heading")),
        h("button", { type: "button", className: "link", onclick: () => this.#markAllRead() }, t("bell.markAll"))),
      this.#list);
    this.#announcer = h("p", { className: "visually-hidden", "aria-live": "polite" });
    replaceChildren(this, this.#button, this.#panel, this.#announcer);
    this.addEventListener("keydown", (event) => event.key === "Escape" && this.#close());
    document.addEventListener("click", (event) => !this.contains(event.target) && this.#close());
    document.addEventListener("languagechange", () => this.#render());
    realtime.on("notification", (note) => this.#arrived(note));
    realtime.on("connect", () => this.#load());
    await this.#load();
  }

  async #load() {
    const page = await api.notifications().catch(() => null);
    if (!page) return;
    this.#items = page.notifications;
    this.#unread = page.unreadCount;
    this.#render();
  }

  #arrived(note) {
    if (this.#items.some((item) => item.id === note.id)) return;
    this.#items.unshift(note);
    this.#unread += 1;
    this.#announcer.textContent = this.#text(note);
    this.#render();
  }

  #toggle() {
    if (this.#panel.hidden) {
      this.#panel.hidden = false;
      this.#button.setAttribute("aria-expanded", "true");
      this.#list.querySelector("button")?.focus();
    } else this.#close();
  }

  #close() {
    if (this.#panel.hidden) return;
    this.#panel.hidden = true;
    this.#button.setAttribute("aria-expanded", "false");
  }

  async #markAllRead() {
    const { unreadCount } = await api.markNotificationsRead();
    const now = new Date().toISOString();
    this.#items = this.#items.map((item) => ({ ...item, readAt: item.readAt ?? now }));
    this.#unread = unreadCount;
    this.#render();
  }

  async #open(note) {
    if (!note.readAt) {
      const { unreadCount } = await api.markNotificationsRead([note.id]).catch(() => ({ unreadCount: this.#unread }));
      note.readAt = new Date().toISOString();
      this.#unread = unreadCount;
      this.#render();
    }
    this.#close();
    const page = this.#user.role === "customer" ? "/user/support" : "/admin/tickets";
    const address = `${page}?ticket=${encodeURIComponent(note.ticketNumber)}`;
    if (location.pathname === page) {
      history.pushState(null, "", address);
      dispatchEvent(new PopStateEvent("popstate"));
    } else location.assign(address);
  }

  #text(note) {
    const target = note.detail && note.kind.startsWith("sla_") ? t(`details.${note.detail}`) : note.detail ?? "";
    return t(`bell.${note.kind}`, { actor: note.actorName, number: note.ticketNumber, title: note.ticketTitle, detail: target });
  }

  #render() {
    this.#badge.hidden = this.#unread === 0;
    this.#badge.textContent = formatNumber(this.#unread);
    this.#button.setAttribute("aria-label", t("bell.label", { count: this.#unread }));
    this.#panel.setAttribute("aria-label", t("bell.heading"));
    replaceChildren(this.#list, this.#items.length
      ? this.#items.map((note) => h("li", {}, h("button", { type: "button", className: `bell-item${note.readAt ? "" : " unread"}`,
          onclick: () => this.#open(note) },
          h("span", { dir: "auto" }, this.#text(note)),
          h("time", { datetime: note.createdAt }, formatRelative(note.createdAt)))))
      : h("li", { className: "muted empty" }, t("bell.empty")));
  }
}

customElements.define("notification-bell", NotificationBell);
