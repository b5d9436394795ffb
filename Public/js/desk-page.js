// The controller both ticket pages share: a list, the open ticket's chat and details, the
// create-ticket dialog, live updates, and the phone layout's list ⇄ conversation switch.
import { api } from "./api.js";
import { coalesce } from "./shell.js";
import "./components/create-ticket-modal.js";
import "./components/ticket-chat.js";
import "./components/ticket-details.js";
import "./components/ticket-list.js";

export class DeskPage {
  #refreshSoon;
  #opening = 0;

  constructor({ user, desk, realtime, load, onStatsChanged = () => {} }) {
    this.main = document.querySelector("main");
    this.list = document.querySelector("ticket-list");
    this.chat = document.querySelector("ticket-chat");
    this.details = document.querySelector("ticket-details");
    this.modal = document.querySelector("create-ticket-modal");
    this.onStatsChanged = onStatsChanged;

    this.list.configure({ load, search: api.search, showCustomer: user.role !== "customer", dueSoonSeconds: desk.dueSoonSeconds });
    this.chat.configure({ user, realtime, desk, onRead: (id) => this.list.markRead(id) });
    this.details.configure({ user, desk });
    this.modal.configure({ user, desk });

    this.list.addEventListener("ticketselect", async ({ detail }) => {
      await this.open(detail.ticket.id);
      if (detail.seq && this.chat.ticketId === detail.ticket.id) await this.chat.reveal(detail.seq);
      if (detail.byKeyboard) this.chat.focusComposer();
    });
    this.chat.addEventListener("back", () => this.#showList());
    this.details.addEventListener("ticketchange", (event) => this.#changed(event.detail.ticket));
    this.modal.addEventListener("ticketcreated", (event) => {
      this.list.upsert(event.detail.ticket);
      this.open(event.detail.ticket.id);
      this.onStatsChanged();
    });

    this.#refreshSoon = coalesce(200, (id) => this.#refresh(id));
    for (const event of ["sla_warning", "sla_breached"]) {
      realtime.on(event, ({ ticketId }) => ticketId === this.chat.ticketId && this.#refreshDetails(ticketId));
    }
    realtime.on("ticket_list_updated", (summary) => {
      this.#refreshSoon(summary.ticketId);
      this.onStatsChanged();
    });
    let connectedBefore = false;
    realtime.on("connect", ({ recovered }) => {
      if (connectedBefore && !recovered) {
        this.list.reload().catch(() => {});
        this.onStatsChanged();
        if (this.chat.ticketId) this.#refreshSoon(this.chat.ticketId);
      }
      connectedBefore = true;
    });
    addEventListener("popstate", () => this.#openFromAddress());
  }

  async start() {
    await this.list.reload();
    await this.#openFromAddress();
  }

  newTicket() {
    this.modal.open();
  }

  /** Shows a ticket; when several are chosen in quick succession, the last one chosen wins. */
  async open(id, { push = true } = {}) {
    const request = ++this.#opening;
    const detail = await api.ticket(id);
    if (request !== this.#opening) return;
    this.list.select(detail.ticket.id);
    this.list.markRead(detail.ticket.id);
    this.chat.show(detail);
    this.details.show(detail);
    this.main.dataset.view = "conversation";
    const address = `${location.pathname}?ticket=${encodeURIComponent(detail.ticket.ticketNumber)}`;
    if (push && location.pathname + location.search !== address) history.pushState(null, "", address);
  }

  async #openFromAddress() {
    const reference = new URLSearchParams(location.search).get("ticket");
    if (reference) await this.open(reference, { push: false }).catch(() => this.#showList());
    else this.#showList();
  }

  #showList() {
    this.main.dataset.view = "list";
  }

  #changed(ticket) {
    this.list.upsert(ticket);
    this.chat.updateTicket(ticket);
    this.#refreshSoon(ticket.id);
    this.onStatsChanged();
  }

  /** Re-reads a ticket that changed elsewhere: its row alone (a chat message changes nothing more), and
   * for the open ticket also its details when something they show changed. */
  async #refresh(id) {
    const ticket = await api.ticketSummary(id).catch(() => null);
    if (!ticket) return;
    this.list.upsert(ticket);
    if (this.chat.ticketId !== id) return;
    this.chat.updateTicket(ticket);
    if (this.details.differs(ticket)) await this.#refreshDetails(id);
  }

  /** Re-reads the open ticket with its activity, for its details panel. */
  async #refreshDetails(id) {
    const detail = await api.ticket(id).catch(() => null);
    if (detail && this.chat.ticketId === id) this.details.show(detail);
  }
}
