// <notification-bell>: the signed-in user's notifications — a count that follows them live, a panel
// listing them (choosing one opens its ticket and marks it read), the kinds the user wants, and the
// browser's own notifications while the tab is hidden.
import { api } from "../api.js";
import { h, replaceChildren } from "../dom.js";
import { formatNumber, formatRelative, t } from "../i18n.js";

export class NotificationBell extends HTMLElement {
  #user;
  #unread = 0;
  /** How many notifications came live, so a page read meanwhile does not drop them. */
  #arrivals = 0;
  #items = [];
  #button;
  #badge;
  #panel;
  #list;
  #announcer;
  #preferences = { muted: [], browser: false };
  #settings;

  async configure({ user, realtime }) {
    this.#user = user;
    this.#badge = h("span", { className: "badge", hidden: true });
    this.#button = h("button", { type: "button", className: "bell", "aria-expanded": "false", "aria-haspopup": "true",
      onclick: () => this.#toggle() }, h("span", { className: "bell-icon", "aria-hidden": "true" }), this.#badge);
    this.#list = h("ol", { className: "bell-list" });
    this.#settings = h("details", { className: "bell-settings" });
    this.#panel = h("div", { className: "bell-panel panel", hidden: true, role: "region" },
      h("div", { className: "bell-head" }, h("h2", {}, t("bell.heading")),
        h("button", { type: "button", className: "link", onclick: () => this.#markAllRead() }, t("bell.markAll"))),
      this.#list, this.#settings);
    this.#announcer = h("p", { className: "visually-hidden", "aria-live": "polite" });
    replaceChildren(this, this.#button, this.#panel, this.#announcer);
    this.addEventListener("keydown", (event) => event.key === "Escape" && this.#close());
    document.addEventListener("click", (event) => !this.contains(event.target) && this.#close());
    document.addEventListener("languagechange", () => this.#render());
    realtime.on("notification", (note) => this.#arrived(note));
    realtime.on("connect", () => this.#load());
    this.#preferences = await api.notificationPreferences().catch(() => this.#preferences);
    await this.#load();
  }

  /** The kinds this user can receive, for the settings. */
  get #kinds() {
    return this.#user.role === "customer" ? ["agent_reply"]
      : ["new_ticket", "assigned", "customer_message", "mention", "sla_warning", "sla_breached"];
  }

  async #savePreferences(changes) {
    const wanted = { ...this.#preferences, ...changes };
    if (changes.browser && "Notification" in window && Notification.permission === "default") await Notification.requestPermission();
    this.#preferences = await api.saveNotificationPreferences(wanted).catch(() => this.#preferences);
    this.#renderSettings();
  }

  #renderSettings() {
    const open = this.#settings.open;
    const muted = new Set(this.#preferences.muted);
    replaceChildren(this.#settings,
      h("summary", {}, t("bell.settings")),
      this.#kinds.map((kind) => h("label", { className: "check" },
        h("input", { type: "checkbox", name: kind, checked: !muted.has(kind), onchange: (event) => this.#savePreferences({
          muted: event.target.checked ? [...muted].filter((item) => item !== kind) : [...muted, kind],
        }) }), " ", t(`bell.kind.${kind}`))),
      h("label", { className: "check" },
        h("input", { type: "checkbox", name: "browser", checked: this.#preferences.browser,
          onchange: (event) => this.#savePreferences({ browser: event.target.checked }) }), " ", t("bell.browser")),
      "Notification" in window && Notification.permission === "denied" && this.#preferences.browser
        ? h("p", { className: "muted" }, t("bell.browserBlocked")) : null);
    this.#settings.open = open;
  }

  /** Shows the browser's own notification when the tab is hidden and the user asked for them. */
  #showInBrowser(note) {
    if (!document.hidden || !this.#preferences.browser || !("Notification" in window) || Notification.permission !== "granted") return;
    const shown = new Notification(t("app.name"), { body: this.#text(note), tag: note.id, lang: document.documentElement.lang });
    shown.onclick = () => {
      focus();
      this.#open(note);
    };
  }

  /** Reads the newest page; notifications that arrived live while it was on its way stay in front. */
  async #load() {
    const arrivedBefore = this.#arrivals;
    const page = await api.notifications().catch(() => null);
    if (!page) return;
    const late = this.#items.slice(0, this.#arrivals - arrivedBefore)
      .filter((note) => !page.notifications.some((item) => item.id === note.id));
    this.#items = [...late, ...page.notifications];
    this.#unread = page.unreadCount + late.length;
    this.#render();
  }

  #arrived(note) {
    if (this.#items.some((item) => item.id === note.id)) return;
    this.#items.unshift(note);
    this.#arrivals += 1;
    this.#unread += 1;
    this.#announcer.textContent = this.#text(note);
    this.#render();
    this.#showInBrowser(note);
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
    this.#renderSettings();
  }
}

customElements.define("notification-bell", NotificationBell);
