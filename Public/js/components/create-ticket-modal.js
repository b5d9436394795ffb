// <create-ticket-modal>: a dialog to open a ticket (title, category, priority, description; staff
// also pick the customer), validated as the user types and again by the server.
import { api } from "../api.js";
import { h, replaceChildren } from "../dom.js";
import { labelFor, t } from "../i18n.js";

export class CreateTicketModal extends HTMLElement {
  #user;
  #desk;
  #dialog;
  #form;
  #submitted = false;

  configure({ user, desk }) {
    this.#user = user;
    this.#desk = desk;
    document.addEventListener("languagechange", () => this.#dialog?.open || this.#build());
    this.#build();
  }

  get #forCustomer() {
    return this.#user.role !== "customer";
  }

  async open() {
    this.#build();
    if (this.#forCustomer) {
      const customers = await api.customers();
      const select = this.#form.elements.customerId;
      select.append(...customers.map((customer) => h("option", { value: customer.id }, `${customer.name} <${customer.email}>`)));
    }
    this.#dialog.showModal();
    this.#form.elements.title.focus();
  }

  #field(name, labelKey, control) {
    control.id = `new-ticket-${name}`;
    control.name = name;
    control.setAttribute("aria-describedby", `new-ticket-${name}-error`);
    control.addEventListener("input", () => this.#submitted && this.#validate());
    return h("div", { className: "field" },
      h("label", { htmlFor: control.id }, t(labelKey)),
      control,
      h("p", { className: "field-error", id: `new-ticket-${name}-error`, "aria-live": "polite" }));
  }

  #build() {
    this.#submitted = false;
    this.#form = h("form", { className: "modal-form", novalidate: true, onsubmit: (event) => { event.preventDefault(); this.#submit(); } },
      h("h2", { id: "new-ticket-heading" }, t("create.heading")),
      this.#forCustomer ? this.#field("customerId", "create.customer", h("select", {}, h("option", { value: "" }, t("create.chooseCustomer")))) : null,
      this.#field("title", "create.title", h("input", { type: "text", maxLength: this.#desk.maxTitleLength, dir: "auto", autocomplete: "off" })),
      h("div", { className: "field-row" },
        this.#field("category", "create.category", h("select", {}, this.#desk.categories.map((value) => h("option", { value }, labelFor("category", value))))),
        this.#field("priority", "create.priority", h("select", {}, this.#desk.priorities.map((value) => h("option", { value, selected: value === "medium" }, labelFor("priority", value)))))),
      this.#field("content", "create.description", h("textarea", { rows: 5, maxLength: this.#desk.maxMessageLength, dir: "auto" })),
      h("p", { className: "alert", role: "alert", hidden: true }),
      h("div", { className: "modal-actions" },
        h("button", { type: "button", className: "button subtle", onclick: () => this.#dialog.close() }, t("create.cancel")),
        h("button", { type: "submit", className: "button primary" }, t("create.submit"))));
    this.#dialog = h("dialog", { className: "modal", "aria-labelledby": "new-ticket-heading" }, this.#form);
    replaceChildren(this, this.#dialog);
  }

  #setError(name, message) {
    this.#form.querySelector(`#new-ticket-${name}-error`).textContent = message;
    this.#form.elements[name].setAttribute("aria-invalid", message ? "true" : "false");
  }

  #validate() {
    const elements = this.#form.elements;
    const errors = {
      title: elements.title.value.trim() ? "" : t("create.titleRequired"),
      content: elements.content.value.trim() ? "" : t("create.descriptionRequired"),
    };
    if (this.#forCustomer) errors.customerId = elements.customerId.value ? "" : t("create.customerRequired");
    for (const [name, message] of Object.entries(errors)) this.#setError(name, message);
    const firstInvalid = Object.keys(errors).find((name) => errors[name]);
    return firstInvalid ? elements[firstInvalid] : null;
  }

  async #submit() {
    this.#submitted = true;
    const invalid = this.#validate();
    if (invalid) return invalid.focus();
    const elements = this.#form.elements;
    const draft = { title: elements.title.value.trim(), category: elements.category.value, priority: elements.priority.value, content: elements.content.value.trim() };
    const alert = this.#form.querySelector(".alert");
    const submit = this.#form.querySelector("button[type=submit]");
    submit.disabled = true;
    try {
      const ticket = this.#forCustomer ? await api.openTicketFor({ ...draft, customerId: elements.customerId.value }) : await api.openTicket(draft);
      this.#dialog.close();
      this.dispatchEvent(new CustomEvent("ticketcreated", { detail: { ticket } }));
    } catch (error) {
      const field = ["title", "content", "category", "priority", "customerId"].find((name) => error.message?.startsWith(name));
      if (field) this.#setError(field, error.message);
      else {
        alert.hidden = false;
        alert.textContent = error.message;
      }
    } finally {
      submit.disabled = false;
    }
  }
}

customElements.define("create-ticket-modal", CreateTicketModal);
