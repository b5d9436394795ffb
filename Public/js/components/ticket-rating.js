// <ticket-rating>: asks the customer of a resolved ticket how it went (1–5 and a comment), shows
// the rating they gave, and lets them change it for 7 days.
import { api } from "../api.js";
import { h, replaceChildren } from "../dom.js";
import { t } from "../i18n.js";

const SCORES = [1, 2, 3, 4, 5];

export class TicketRating extends HTMLElement {
  #ticket = null;
  #editing = false;
  #error = "";
  #onRated = () => {};

  configure({ onRated }) {
    this.#onRated = onRated;
    this.hidden = true;
    document.addEventListener("languagechange", () => this.#render());
  }

  /** Follows `ticket`: asked once it is resolved (or closed after a resolution), quiet otherwise.
   * A live update that changes nothing shown here leaves a half-filled form alone. */
  update(ticket) {
    const shown = this.#shownState();
    if (ticket.id !== this.#ticket?.id) {
      this.#editing = false;
      this.#error = "";
    }
    this.#ticket = ticket;
    if (this.#shownState() !== shown) this.#render();
  }

  /** What the card shows for the ticket, as a key: whether it asks, and which rating it shows. */
  #shownState() {
    const ticket = this.#ticket;
    const rateable = Boolean(ticket?.resolvedAt) && (ticket.status === "resolved" || ticket.status === "closed");
    const rating = ticket?.rating?.current ? ticket.rating : null;
    return [ticket?.id, rateable, rating?.updatedAt, this.#editing].join("|");
  }

  #render() {
    const ticket = this.#ticket;
    const rateable = Boolean(ticket?.resolvedAt) && (ticket.status === "resolved" || ticket.status === "closed");
    this.hidden = !rateable;
    if (!rateable) return replaceChildren(this);
    const rating = ticket.rating?.current ? ticket.rating : null;
    if (rating && !this.#editing) {
      const changeable = Date.now() < Date.parse(rating.changeableUntil);
      return replaceChildren(this, h("div", { className: "rating-given" },
        h("p", {}, h("span", { className: "stars", "aria-hidden": "true" }, "★".repeat(rating.score), h("span", { className: "unlit" }, "★".repeat(5 - rating.score))),
          " ", t("rating.yours", { score: rating.score })),
        rating.comment ? h("p", { className: "muted", dir: "auto" }, rating.comment) : null,
        changeable ? h("button", { type: "button", name: "change-rating", className: "button subtle",
          onclick: () => { this.#editing = true; this.#render(); } }, t("rating.change")) : null));
    }
    const stars = h("fieldset", { className: "stars-input", dataset: { score: String(rating?.score ?? 0) },
      onchange: (event) => { stars.dataset.score = event.target.value; } },
    h("legend", {}, t("rating.question")),
    SCORES.map((score) => h("label", {},
      h("input", { type: "radio", name: "score", value: String(score), required: true, checked: rating?.score === score }),
      h("span", { "aria-hidden": "true" }, "★"),
      h("span", { className: "visually-hidden" }, t("rating.score", { score })))));
    const comment = h("textarea", { name: "comment", rows: 2, maxLength: 1000, dir: "auto", value: rating?.comment ?? "" });
    const form = h("form", { className: "rating-form", onsubmit: (event) => { event.preventDefault(); this.#submit(form); } },
      stars,
      h("label", { className: "field" }, h("span", {}, t("rating.comment")), comment),
      this.#error ? h("p", { className: "alert", role: "alert" }, this.#error) : null,
      h("button", { type: "submit", className: "button primary" }, t("rating.send")));
    replaceChildren(this, form);
  }

  async #submit(form) {
    try {
      const ticket = await api.rateTicket(this.#ticket.id, { score: Number(form.elements.score.value), comment: form.elements.comment.value });
      this.#editing = false;
      this.#error = "";
      this.#ticket = ticket;
      this.#render();
      this.#onRated(ticket);
    } catch (error) {
      this.#error = error.message;
      this.#render();
    }
  }
}

customElements.define("ticket-rating", TicketRating);
