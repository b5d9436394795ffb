// <quick-reply-picker>: typing "/" at the start of the message box lists the agent's quick replies,
// filtered as they type and navigable with the arrow keys; Enter, Tab or a click puts the chosen
// one's text, filled in for the ticket, in the box.
import { h, replaceChildren } from "../dom.js";
import { t } from "../i18n.js";

const SHOWN = 8;
let instances = 0;

export class QuickReplyPicker extends HTMLElement {
  #textarea = null;
  #load = async () => [];
  #replies = null;
  #matches = [];
  #active = 0;
  #query = null;

  /** Watches `textarea` (inside `form`); `load` answers the replies filled in for the shown ticket. */
  attach({ textarea, form, load }) {
    this.#textarea = textarea;
    this.#load = load;
    this.id = `quick-replies-${++instances}`;
    this.setAttribute("role", "listbox");
    this.hidden = true;
    textarea.setAttribute("aria-controls", this.id);
    textarea.setAttribute("aria-autocomplete", "list");
    textarea.setAttribute("aria-expanded", "false");
    textarea.addEventListener("input", () => this.#update());
    textarea.addEventListener("blur", () => this.#close());
    // Capturing on the form runs before the box's own Enter-sends handler.
    form.addEventListener("keydown", (event) => this.#keydown(event), true);
  }

  /** Forgets the replies: another ticket fills their placeholders in differently. */
  reset() {
    this.#replies = null;
    this.#close();
  }

  async #update() {
    const typed = /^\/(\S*)$/.exec(this.#textarea.value);
    if (!typed) return this.#close();
    this.#query = typed[1].toLowerCase();
    if (!this.#replies) {
      const replies = await this.#load().catch(() => []);
      this.#replies ??= replies;
    }
    if (this.#query === null) return;
    const query = this.#query;
    const starts = this.#replies.filter((reply) => reply.shortcut.startsWith(query));
    const mentions = this.#replies.filter((reply) => !reply.shortcut.startsWith(query) && reply.text.toLowerCase().includes(query));
    this.#matches = [...starts, ...mentions].slice(0, SHOWN);
    this.#active = 0;
    this.#render();
  }

  #keydown(event) {
    if (this.hidden || event.target !== this.#textarea || event.isComposing) return;
    const handled = {
      ArrowDown: () => this.#move(1),
      ArrowUp: () => this.#move(-1),
      Enter: () => this.#matches.length ? this.#choose(this.#matches[this.#active]) : this.#close(),
      Tab: () => this.#matches.length && this.#choose(this.#matches[this.#active]),
      Escape: () => this.#close(),
    }[event.key];
    if (!handled || (event.key === "Tab" && !this.#matches.length)) return;
    event.preventDefault();
    event.stopPropagation();
    handled();
  }

  #move(step) {
    if (!this.#matches.length) return;
    this.#active = (this.#active + step + this.#matches.length) % this.#matches.length;
    this.#render();
  }

  #choose(reply) {
    this.#close();
    this.#textarea.value = reply.expanded ?? reply.text;
    this.#textarea.focus();
    this.#textarea.setSelectionRange(this.#textarea.value.length, this.#textarea.value.length);
    this.#textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }

  #close() {
    this.#query = null;
    this.hidden = true;
    this.#textarea?.setAttribute("aria-expanded", "false");
    this.#textarea?.removeAttribute("aria-activedescendant");
  }

  #render() {
    this.hidden = false;
    this.setAttribute("aria-label", t("quickReplies.label"));
    this.#textarea.setAttribute("aria-expanded", "true");
    if (!this.#matches.length) {
      this.#textarea.removeAttribute("aria-activedescendant");
      return replaceChildren(this, h("p", { className: "muted" }, t(this.#replies.length ? "quickReplies.noMatch" : "quickReplies.none")));
    }
    replaceChildren(this, this.#matches.map((reply, index) => h("div", {
      id: `${this.id}-${index}`, role: "option", className: "quick-reply-option", "aria-selected": String(index === this.#active),
      onmousedown: (event) => event.preventDefault(), onclick: () => this.#choose(reply),
    }, h("span", { className: "shortcut", dir: "ltr" }, "/" + reply.shortcut),
    h("span", { className: "preview", dir: "auto" }, reply.expanded ?? reply.text))));
    this.#textarea.setAttribute("aria-activedescendant", `${this.id}-${this.#active}`);
    this.querySelector("[aria-selected=true]")?.scrollIntoView({ block: "nearest" });
  }
}

customElements.define("quick-reply-picker", QuickReplyPicker);
