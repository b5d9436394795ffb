// <ticket-list>: an infinitely scrolling ticket list that updates live; typing in its search box
// turns it into full-text search results (titles, numbers and messages, with the matches marked).
import { h, replaceChildren } from "../dom.js";
import { formatDateTime, formatNumber, formatRelative, labelFor, t } from "../i18n.js";
import { slaState } from "../sla.js";
import { systemMessageText } from "../system-messages.js";

const PAGE_SIZE = 50;
const RESULT_PAGE_SIZE = 20;

export class TicketList extends HTMLElement {
  #load = null;
  #search = null;
  #results = 0;
  #showCustomer = false;
  #dueSoonSeconds = 7200;
  #filter = {};
  #text = "";
  #tickets = [];
  #elements = new Map();
  #cursor = null;
  #generation = 0;
  #loading = false;
  #selectedId = null;
  #list;
  #sentinel;
  #empty;
  #searchBox;
  #searchTimer = null;

  /** `load(parameters)` answers { tickets, nextCursor } for the list's filters; `search(parameters)`
   * answers { results, nextOffset } for a text and the same filters. */
  configure({ load, search, showCustomer, dueSoonSeconds }) {
    this.#load = load;
    this.#search = search;
    this.#showCustomer = showCustomer;
    this.#dueSoonSeconds = dueSoonSeconds;
    this.#searchBox = h("input", { type: "search", className: "search", "data-i18n-placeholder": "list.search", "data-i18n-label": "list.search",
      placeholder: t("list.search"), "aria-label": t("list.search"), oninput: () => this.#searchSoon() });
    this.#list = h("ul", { className: "tickets", role: "list", onkeydown: (event) => this.#moveFocus(event) });
    this.#empty = h("p", { className: "empty", hidden: true }, t("list.empty"));
    this.#sentinel = h("div", { className: "sentinel", "aria-hidden": "true" });
    replaceChildren(this, h("div", { className: "list-search" }, this.#searchBox), h("div", { className: "list-scroll" }, this.#list, this.#empty, this.#sentinel));
    new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) this.#loadMore();
    }, { root: this.querySelector(".list-scroll"), rootMargin: "400px" }).observe(this.#sentinel);
    setInterval(() => this.#refreshTimes(), 30000);
    document.addEventListener("languagechange", () => this.#redraw());
  }

  get selectedId() {
    return this.#selectedId;
  }

  ticket(id) {
    return this.#tickets.find((ticket) => ticket.id === id);
  }

  setFilter(filter) {
    this.#filter = filter;
    this.reload();
  }

  /** Starts again from the first page (filters changed, or the connection came back). */
  async reload() {
    this.#generation += 1;
    this.#results = 0;
    this.#tickets = [];
    this.#cursor = null;
    this.#elements.clear();
    this.#list.replaceChildren();
    await this.#loadMore(true);
  }

  /** Places a changed ticket where it belongs now, or removes it when it no longer matches. */
  upsert(ticket) {
    if (this.#searching) return;
    if (ticket.id === this.#selectedId && document.visibilityState === "visible") ticket = { ...ticket, unreadCount: 0 };
    const index = this.#tickets.findIndex((existing) => existing.id === ticket.id);
    if (index >= 0) this.#tickets.splice(index, 1);
    const previous = this.#elements.get(ticket.id);
    const hadFocus = previous?.contains(document.activeElement);
    previous?.remove();
    this.#elements.delete(ticket.id);
    if (!this.#matches(ticket)) return this.#updateEmpty();
    const position = this.#tickets.findIndex((existing) => existing.updatedAt < ticket.updatedAt);
    if (position < 0 && this.#cursor) return this.#updateEmpty();
    const at = position < 0 ? this.#tickets.length : position;
    this.#tickets.splice(at, 0, ticket);
    const element = this.#item(ticket);
    this.#list.insertBefore(element, this.#list.children[at] ?? null);
    if (hadFocus) element.querySelector("button").focus();
    this.#updateEmpty();
  }

  /** Clears a ticket's unread badge (its messages were just read here). */
  markRead(id) {
    const ticket = this.ticket(id);
    if (ticket && ticket.unreadCount) this.#replace({ ...ticket, unreadCount: 0 });
  }

  select(id) {
    const previous = this.#selectedId;
    this.#selectedId = id;
    for (const key of [previous, id]) {
      const ticket = key && this.ticket(key);
      if (ticket) this.#replace(ticket);
    }
  }

  #replace(ticket) {
    const index = this.#tickets.findIndex((existing) => existing.id === ticket.id);
    if (index < 0) return;
    this.#tickets[index] = ticket;
    const previous = this.#elements.get(ticket.id);
    const hadFocus = previous?.contains(document.activeElement);
    const element = this.#item(ticket);
    previous?.replaceWith(element);
    if (hadFocus) element.querySelector("button").focus();
  }

  #matches(ticket) {
    const filter = this.#filter;
    if (filter.status && ticket.status !== filter.status) return false;
    if (filter.priority && ticket.priority !== filter.priority) return false;
    if (filter.category && ticket.category !== filter.category) return false;
    if (filter.assignee === "unassigned" && ticket.assigneeId) return false;
    if (filter.assignee && filter.assignee !== "unassigned" && ticket.assigneeId !== filter.assignee) return false;
    const text = this.#text.toLowerCase();
    return !text || ticket.title.toLowerCase().includes(text) || ticket.ticketNumber.toLowerCase().startsWith(text);
  }

  #searchSoon() {
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => {
      this.#text = this.#searchBox.value.trim();
      this.reload();
    }, 250);
  }

  get #searching() {
    return Boolean(this.#text && this.#search);
  }

  async #loadMore(first = false) {
    if (this.#loading || (!first && this.#cursor === null)) return;
    this.#loading = true;
    const generation = this.#generation;
    try {
      const filters = { ...this.#filter };
      if (filters.assignee === "") delete filters.assignee;
      if (this.#searching) {
        const page = await this.#search({ ...filters, q: this.#text, limit: RESULT_PAGE_SIZE, offset: this.#cursor ?? 0 });
        if (generation !== this.#generation) return;
        for (const result of page.results) this.#list.append(this.#resultItem(result));
        this.#results += page.results.length;
        this.#cursor = page.nextOffset ?? null;
      } else {
        const page = await this.#load({ ...filters, q: this.#text, limit: PAGE_SIZE, cursor: this.#cursor });
        if (generation !== this.#generation) return;
        for (const ticket of page.tickets) {
          if (this.#elements.has(ticket.id)) continue;
          this.#tickets.push(ticket);
          this.#list.append(this.#item(ticket));
        }
        this.#cursor = page.nextCursor ?? null;
      }
      this.#updateEmpty();
      this.dispatchEvent(new CustomEvent("loaded"));
    } finally {
      this.#loading = false;
    }
    if (generation === this.#generation && this.#cursor && this.#sentinelVisible()) this.#loadMore();
  }

  #sentinelVisible() {
    const scroller = this.querySelector(".list-scroll").getBoundingClientRect();
    return this.#sentinel.getBoundingClientRect().top < scroller.bottom + 400;
  }

  #updateEmpty() {
    this.#empty.hidden = this.#tickets.length > 0 || this.#results > 0 || this.#loading;
    this.#empty.textContent = t(this.#searching ? "list.noResults" : "list.empty");
  }

  #item(ticket) {
    const sla = slaState(ticket, this.#dueSoonSeconds);
    const selected = ticket.id === this.#selectedId;
    const element = h("li", { dataset: { id: ticket.id } },
      h("button", { type: "button", className: "ticket-item", "aria-current": selected ? "true" : null,
        onclick: (event) => this.dispatchEvent(new CustomEvent("ticketselect", { detail: { ticket, byKeyboard: event.detail === 0 } })) },
        h("span", { className: "item-top" },
          h("span", { className: "number" }, ticket.ticketNumber),
          h("time", { className: "time", datetime: ticket.updatedAt }, formatRelative(ticket.updatedAt))),
        h("span", { className: "item-title", dir: "auto" }, ticket.title),
        this.#showCustomer ? h("span", { className: "item-customer", dir: "auto" }, ticket.customerName) : null,
        ticket.lastMessage ? h("span", { className: "item-preview", dir: "auto" }, systemMessageText(ticket.lastMessage)) : null,
        h("span", { className: "item-chips" },
          h("span", { className: `chip status-${ticket.status}` }, t(`status.${ticket.status}`)),
          h("span", { className: `chip priority-${ticket.priority}` }, labelFor("priority", ticket.priority)),
          sla !== "ok" && sla !== "none" ? h("span", { className: `chip sla-${sla}` }, t(`sla.${sla}`)) : null,
          this.#showCustomer ? h("span", { className: "item-assignee", dir: "auto" }, ticket.assigneeName ?? t("details.unassigned")) : null,
          ticket.unreadCount > 0
            ? h("span", { className: "badge", "aria-label": t("list.unread", { count: ticket.unreadCount }) }, formatNumber(ticket.unreadCount))
            : null)));
    this.#elements.set(ticket.id, element);
    return element;
  }

  /** A search result: the ticket, where it matched, and for a message its snippet with the matches marked. */
  #resultItem(result) {
    const { ticket, message } = result;
    const marked = (parts) => parts.map((part) => (part.match ? h("mark", {}, part.text) : part.text));
    const where = message
      ? t("list.foundInMessage", { name: message.senderName, time: formatDateTime(message.createdAt) })
      : t(result.kind === "number" ? "list.foundNumber" : "list.foundTitle");
    return h("li", { dataset: { id: ticket.id } },
      h("button", { type: "button", className: "ticket-item search-result", dataset: { kind: result.kind, seq: message?.seq ?? "" },
        onclick: (event) => this.dispatchEvent(new CustomEvent("ticketselect",
          { detail: { ticket, seq: message?.seq ?? null, byKeyboard: event.detail === 0 } })) },
        h("span", { className: "item-top" },
          h("span", { className: "number" }, result.kind === "number" ? marked(result.snippet) : ticket.ticketNumber),
          h("span", { className: "where" }, where)),
        h("span", { className: "item-title", dir: "auto" }, result.kind === "title" ? marked(result.snippet) : ticket.title),
        message ? h("span", { className: "item-snippet", dir: "auto" }, marked(result.snippet)) : null,
        h("span", { className: "item-chips" },
          h("span", { className: `chip status-${ticket.status}` }, t(`status.${ticket.status}`)),
          h("span", { className: `chip priority-${ticket.priority}` }, labelFor("priority", ticket.priority)))));
  }

  #redraw() {
    if (this.#searching) return this.reload();
    for (const ticket of this.#tickets) this.#replace(ticket);
    this.#updateEmpty();
  }

  #refreshTimes() {
    for (const time of this.#list.querySelectorAll("time")) time.textContent = formatRelative(time.dateTime);
  }

  #moveFocus(event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const buttons = [...this.#list.querySelectorAll(".ticket-item")];
    const index = buttons.indexOf(document.activeElement);
    const next = buttons[index + (event.key === "ArrowDown" ? 1 : -1)];
    if (next) {
      next.focus();
      event.preventDefault();
    }
  }
}

customElements.define("ticket-list", TicketList);
