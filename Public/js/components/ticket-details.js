// <ticket-details>: a ticket's status, priority, category and assignee (editable by staff; a customer
// may close or reopen), the customer, the SLA clocks with live countdowns, and the activity log.
import { api } from "../api.js";
import { h, replaceChildren } from "../dom.js";
import { formatDateTime, formatDuration, formatRelative, labelFor, t } from "../i18n.js";
import { slaClocks, slaTimeline, stateOf } from "../sla.js";

const TRANSITIONS = { open: ["pending", "resolved", "closed"], pending: ["open", "resolved", "closed"], resolved: ["closed", "open"], closed: ["open"] };

export class TicketDetails extends HTMLElement {
  #user;
  #desk;
  #agents = [];
  #ticket = null;
  #activities = [];
  #error = "";
  #clocks = [];

  async configure({ user, desk }) {
    this.#user = user;
    this.#desk = desk;
    this.hidden = true;
    setInterval(() => this.#tick(), 1000);
    document.addEventListener("languagechange", () => this.#render());
    if (user.role !== "customer") this.#agents = await api.agents().catch(() => []);
    this.#render();
  }

  get #isStaff() {
    return this.#user.role !== "customer";
  }

  /** Shows a ticket; a refresh that changed nothing shown here (a new message) leaves the controls alone. */
  show({ ticket, activityLogs }) {
    const activities = activityLogs ?? this.#activities;
    if (!this.hidden && !this.differs(ticket) && activities.length === this.#activities.length) return;
    this.#ticket = ticket;
    this.#activities = activities;
    this.#error = "";
    this.hidden = false;
    this.#render();
  }

  /** Whether `ticket` differs from the one shown in anything this panel shows. */
  differs(ticket) {
    const shown = (t) => t && [t.id, t.status, t.priority, t.category, t.assigneeId, t.slaDeadline, t.firstResponseDue,
      t.firstRespondedAt, t.nextResponseDue, t.rating?.updatedAt].join("|");
    return shown(ticket) !== shown(this.#ticket);
  }

  async #change(changes) {
    try {
      const ticket = await api.updateTicket(this.#ticket.id, changes);
      this.#error = "";
      this.dispatchEvent(new CustomEvent("ticketchange", { detail: { ticket } }));
    } catch (error) {
      this.#error = error.message;
      this.#render();
    }
  }

  #select(labelKey, name, value, options) {
    const select = h("select", { name, onchange: () => this.#change({ [name]: select.value === "" ? null : select.value }) },
      options.map(([optionValue, label]) => h("option", { value: optionValue }, label)));
    select.value = value ?? "";
    return h("label", { className: "field" }, h("span", {}, t(labelKey)), select);
  }

  #render() {
    if (!this.#ticket) return;
    const focused = this.contains(document.activeElement) ? document.activeElement.getAttribute("name") : null;
    const ticket = this.#ticket;
    const controls = this.#isStaff
      ? [
          this.#select("details.status", "status", ticket.status,
            [ticket.status, ...TRANSITIONS[ticket.status]].map((status) => [status, t(`status.${status}`)])),
          this.#select("details.priority", "priority", ticket.priority, this.#desk.priorities.map((value) => [value, labelFor("priority", value)])),
          this.#select("details.category", "category", ticket.category,
            [...new Set([ticket.category, ...this.#desk.categories])].map((value) => [value, labelFor("category", value)])),
          this.#select("details.assignee", "assigneeId", ticket.assigneeId,
            [["", t("details.unassigned")], ...this.#agents.map((agent) => [agent.id, agent.name])]),
        ]
      : [
          h("dl", { className: "facts" },
            h("dt", {}, t("details.status")), h("dd", {}, h("span", { className: `chip status-${ticket.status}` }, t(`status.${ticket.status}`))),
            h("dt", {}, t("details.priority")), h("dd", {}, labelFor("priority", ticket.priority)),
            h("dt", {}, t("details.category")), h("dd", {}, labelFor("category", ticket.category)),
            h("dt", {}, t("details.assignee")), h("dd", { dir: "auto" }, ticket.assigneeName ?? t("details.waitingForAgent"))),
          ticket.status === "closed" || ticket.status === "resolved"
            ? h("button", { type: "button", name: "reopen", className: "button", onclick: () => this.#change({ status: "open" }) }, t("details.reopen"))
            : h("button", { type: "button", name: "close", className: "button", onclick: () => this.#change({ status: "closed" }) }, t("details.close")),
        ];
    this.#clocks = slaClocks(ticket).map((clock) => ({ ...clock, countdown: h("p", { className: "countdown" }) }));
    replaceChildren(this,
      h("h2", { className: "visually-hidden" }, t("details.heading")),
      this.#error ? h("p", { className: "alert", role: "alert" }, this.#error) : null,
      h("section", { className: "details-controls" }, controls),
      this.#isStaff
        ? h("section", { className: "customer" },
            h("h3", {}, t("details.customer")),
            h("p", { dir: "auto" }, ticket.customerName),
            h("p", { className: "muted", dir: "ltr" }, ticket.customerEmail))
        : null,
      this.#isStaff && ticket.rating ? this.#rating(ticket.rating) : null,
      h("section", { className: "sla" },
        h("h3", {}, t("details.sla")),
        h("dl", { className: "clocks" }, this.#clocks.map((clock) => [
          h("dt", {}, t(`details.${clock.target}`),
            clock.dueAt !== null && clock.metAt === null ? h("span", { className: "muted" }, " · ", formatDateTime(clock.dueAt)) : null),
          h("dd", {}, clock.countdown),
        ])),
        h("ol", { className: "sla-timeline", "aria-label": t("details.slaTimeline") }, slaTimeline(ticket, this.#activities).map((entry) =>
          h("li", { className: `timeline-${entry.event}` },
            h("span", { dir: "auto" }, t(`timeline.${entry.event}`, {
              target: entry.target ? t(`details.${entry.target}`) : "", status: entry.status ? t(`status.${entry.status}`) : "", actor: entry.actor ?? "",
            })),
            h("time", { datetime: new Date(entry.at).toISOString() }, formatDateTime(entry.at)))))),
      h("p", { className: "transcript" }, t("details.transcript"), " ",
        h("a", { href: `/api/tickets/${encodeURIComponent(ticket.id)}/transcript?format=text`, download: "" }, t("details.transcriptText")), " · ",
        h("a", { href: `/api/tickets/${encodeURIComponent(ticket.id)}/transcript?format=html`, download: "" }, t("details.transcriptHtml"))),
      h("section", { className: "activity" },
        h("h3", {}, t("details.activity")),
        h("ol", { className: "activity-log" }, this.#activities.map((entry) => this.#activityItem(entry)).reverse())));
    if (focused) this.querySelector(`[name="${focused}"]`)?.focus();
    this.#tick();
  }

  #activityItem(entry) {
    const values = { actor: entry.actorName, from: this.#value(entry.action, entry.from), to: this.#value(entry.action, entry.to) };
    return h("li", {},
      h("span", { dir: "auto" }, t(`activity.${entry.action}`, values)),
      h("time", { datetime: entry.createdAt, title: formatDateTime(entry.createdAt) }, formatRelative(entry.createdAt)));
  }

  #rating(rating) {
    return h("section", { className: "rating" },
      h("h3", {}, t("details.rating")),
      h("p", {}, h("span", { className: "stars", "aria-hidden": "true" }, "★".repeat(rating.score), h("span", { className: "unlit" }, "★".repeat(5 - rating.score))),
        " ", t("rating.score", { score: rating.score }),
        rating.current ? null : h("span", { className: "muted" }, " · ", t("details.ratingEarlier"))),
      rating.comment ? h("blockquote", { dir: "auto" }, rating.comment) : null);
  }

  #value(action, value) {
    if (value === null || value === undefined) return "";
    if (action === "status_changed") return t(`status.${value}`);
    if (action === "priority_changed") return labelFor("priority", value);
    if (action === "category_changed") return labelFor("category", value);
    if (action === "sla_warning" || action === "sla_breached") return t(`details.${value}`);
    return value;
  }

  #tick() {
    const now = Date.now();
    for (const { countdown, dueAt, metAt, running } of this.#clocks) {
      const state = running ? stateOf(dueAt, this.#desk.dueSoonSeconds, now) : "none";
      countdown.className = `countdown sla-${metAt !== null ? "met" : state}`;
      countdown.textContent = metAt !== null ? t("sla.met", { time: formatDateTime(metAt) })
        : state === "none" ? t("sla.stopped")
        : state === "breached" ? t("sla.overdueBy", { time: formatDuration(dueAt - now) }) : t("sla.dueIn", { time: formatDuration(dueAt - now) });
    }
  }
}

customElements.define("ticket-details", TicketDetails);
