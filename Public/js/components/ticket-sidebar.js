// <ticket-sidebar>: the console's filters, live counts, the "new ticket" button and downloads of
// the tickets the filters select.
import { h, replaceChildren } from "../dom.js";
import { formatNumber, labelFor, t } from "../i18n.js";

const STATUSES = ["open", "pending", "resolved", "closed"];

export class TicketSidebar extends HTMLElement {
  #desk = { categories: [], priorities: [] };
  #stats = null;
  filter = { view: "all", status: "", priority: "", category: "" };

  configure({ desk }) {
    this.#desk = desk;
    this.#render();
    document.addEventListener("languagechange", () => this.#render());
  }

  /** Updates the counts in place, so a control being used keeps its focus. */
  setStats(stats) {
    this.#stats = stats;
    for (const element of this.querySelectorAll("[data-count]")) element.textContent = this.#countText(element.dataset.count);
  }

  #countText(key) {
    if (!this.#stats) return "";
    const value = key.startsWith("status.") ? this.#stats.byStatus[key.slice(7)] : this.#stats[key];
    return formatNumber(value ?? 0);
  }

  #count(key) {
    return h("span", { className: "count", dataset: { count: key } }, this.#countText(key));
  }

  #set(changes) {
    Object.assign(this.filter, changes);
    for (const button of this.querySelectorAll("[data-filter]")) {
      const [key, value] = button.dataset.filter.split("=");
      button.setAttribute("aria-pressed", String(this.filter[key] === value));
    }
    this.#updateExports();
    this.dispatchEvent(new CustomEvent("filterchange", { detail: { ...this.filter } }));
  }

  /** The export's address for the current filters. */
  #exportAddress(format, history = false) {
    const { view, status, priority, category } = this.filter;
    const assignee = view === "mine" ? "me" : view === "unassigned" ? "unassigned" : "";
    const parameters = new URLSearchParams(Object.entries({ format, status, priority, category, assignee, include: history ? "messages" : "" })
      .filter(([, value]) => value));
    return `/api/exports/tickets?${parameters}`;
  }

  #updateExports() {
    for (const link of this.querySelectorAll("a[data-export]")) {
      link.href = this.#exportAddress(link.dataset.export, link.dataset.history === "yes");
    }
  }

  #choice(labelKey, countKey, key, value) {
    return h("li", {}, h("button", { type: "button", className: "filter", dataset: { filter: `${key}=${value}` },
      "aria-pressed": String(this.filter[key] === value), onclick: () => this.#set({ [key]: value }) },
      h("span", {}, t(labelKey)), this.#count(countKey)));
  }

  #select(key, options, labelKey) {
    const element = h("select", { onchange: () => this.#set({ [key]: element.value }) },
      h("option", { value: "" }, t("filter.any")),
      options.map((value) => h("option", { value }, labelFor(key, value))));
    element.value = this.filter[key];
    return h("label", { className: "field" }, h("span", {}, t(labelKey)), element);
  }

  #render() {
    replaceChildren(this,
      h("button", { type: "button", className: "button primary new-ticket", onclick: () => this.dispatchEvent(new CustomEvent("newticket")) },
        t("sidebar.newTicket")),
      h("nav", { "aria-label": t("sidebar.views") },
        h("h2", {}, t("sidebar.views")),
        h("ul", { className: "filters" },
          this.#choice("view.all", "total", "view", "all"),
          this.#choice("view.mine", "assignedToMe", "view", "mine"),
          this.#choice("view.unassigned", "unassigned", "view", "unassigned")),
        h("h2", {}, t("sidebar.status")),
        h("ul", { className: "filters status-filters" },
          this.#choice("filter.any", "total", "status", ""),
          STATUSES.map((status) => this.#choice(`status.${status}`, `status.${status}`, "status", status)))),
      h("section", { className: "sla-summary", "aria-label": t("sidebar.sla") },
        h("h2", {}, t("sidebar.sla")),
        h("p", { className: "sla-count breached" }, h("span", {}, t("sla.breachedCount")), this.#count("slaBreached")),
        h("p", { className: "sla-count near" }, h("span", {}, t("sla.dueSoonCount")), this.#count("slaDueSoon"))),
      h("div", { className: "sidebar-selects" },
        this.#select("priority", this.#desk.priorities, "sidebar.priority"),
        this.#select("category", this.#desk.categories, "sidebar.category")),
      h("p", { className: "exports" }, t("sidebar.export"), " ",
        h("a", { dataset: { export: "csv" }, href: this.#exportAddress("csv"), download: "" }, "CSV"), " · ",
        h("a", { dataset: { export: "jsonl", history: "yes" }, href: this.#exportAddress("jsonl", true), download: "" }, t("sidebar.exportFull"))));
  }
}

customElements.define("ticket-sidebar", TicketSidebar);
