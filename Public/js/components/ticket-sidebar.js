// <ticket-sidebar>: the console's filters, live counts and the "new ticket" button.
import { h, replaceChildren } from "../dom.js";
import { formatNumber, labelFor, t } from "../i18n.js";

const STATUSES = ["open", "pending", "resolved", "closed"];

export class TicketSidebar extends HTMLElement {
  #desk = { categories: [], priorities: [] };
  #stats = null;
  filter = { view: "all", status: "", priority: "", category: "" };

  configure({ desk }) {
    this.#desk = desk;
    this.render();
    document.addEventListener("languagechange", () => this.render());
  }

  setStats(stats) {
    this.#stats = stats;
    this.render();
  }

  #set(changes) {
    Object.assign(this.filter, changes);
    this.render();
    this.dispatchEvent(new CustomEvent("filterchange", { detail: { ...this.filter } }));
  }

  #count(value) {
    return this.#stats ? h("span", { className: "count" }, formatNumber(value)) : null;
  }

  #choice(labelKey, count, selected, onclick) {
    return h("li", {}, h("button", { type: "button", className: "filter", "aria-pressed": String(selected), onclick },
      h("span", {}, t(labelKey)), this.#count(count)));
  }

  render() {
    const stats = this.#stats ?? { byStatus: {}, total: 0, assignedToMe: 0, unassigned: 0, slaBreached: 0, slaDueSoon: 0 };
    const select = (key, options, labelKey) => {
      const element = h("select", { onchange: () => this.#set({ [key]: element.value }) },
        h("option", { value: "" }, t("filter.any")),
        options.map((value) => h("option", { value }, labelFor(key, value))));
      element.value = this.filter[key];
      return h("label", { className: "field" }, h("span", {}, t(labelKey)), element);
    };
    replaceChildren(this,
      h("button", { type: "button", className: "button primary new-ticket", onclick: () => this.dispatchEvent(new CustomEvent("newticket")) },
        t("sidebar.newTicket")),
      h("nav", { "aria-label": t("sidebar.views") },
        h("h2", {}, t("sidebar.views")),
        h("ul", { className: "filters" },
          this.#choice("view.all", stats.total, this.filter.view === "all", () => this.#set({ view: "all" })),
          this.#choice("view.mine", stats.assignedToMe, this.filter.view === "mine", () => this.#set({ view: "mine" })),
          this.#choice("view.unassigned", stats.unassigned, this.filter.view === "unassigned", () => this.#set({ view: "unassigned" }))),
        h("h2", {}, t("sidebar.status")),
        h("ul", { className: "filters status-filters" },
          this.#choice("filter.any", stats.total, this.filter.status === "", () => this.#set({ status: "" })),
          STATUSES.map((status) => this.#choice(`status.${status}`, stats.byStatus[status] ?? 0, this.filter.status === status,
            () => this.#set({ status }))))),
      h("section", { className: "sla-summary", "aria-label": t("sidebar.sla") },
        h("h2", {}, t("sidebar.sla")),
        h("p", { className: "sla-count breached" }, h("span", {}, t("sla.breachedCount")), this.#count(stats.slaBreached)),
        h("p", { className: "sla-count near" }, h("span", {}, t("sla.dueSoonCount")), this.#count(stats.slaDueSoon))),
      h("div", { className: "sidebar-selects" },
        select("priority", this.#desk.priorities, "sidebar.priority"),
        select("category", this.#desk.categories, "sidebar.category")));
  }
}

customElements.define("ticket-sidebar", TicketSidebar);
