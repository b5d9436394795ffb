// <ticket-chat>: one ticket's conversation — history with paging upward, sending with pending →
// sent states (and waiting while offline), typing, who is viewing, and read receipts.
import { api } from "../api.js";
import { h, replaceChildren } from "../dom.js";
import { formatDateTime, formatList, formatNumber, formatTime, t } from "../i18n.js";
import { systemMessageText } from "../system-messages.js";
import "./quick-reply-picker.js";
import "./ticket-rating.js";

const TYPING_REFRESH_MS = 3000;

/** An image inline as a thumbnail that opens the full one; any other file as a card to download. */
function attachmentView(attachment) {
  if (attachment.mimeType.startsWith("image/")) {
    return h("a", { className: "attachment-image", href: attachment.url, target: "_blank", rel: "noopener" },
      h("img", { src: attachment.url, alt: attachment.name, loading: "lazy" }));
  }
  return h("a", { className: "attachment-file", href: attachment.url, download: attachment.name },
    h("span", { className: "file-icon", "aria-hidden": "true" }),
    h("span", { className: "file-name", dir: "auto" }, attachment.name),
    h("span", { className: "muted" }, formatSize(attachment.size)));
}

/** 1,234 B, 12.3 KB, 4.5 MB. */
function formatSize(bytes) {
  if (bytes < 1024) return `${formatNumber(bytes)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round(bytes / 102.4) / 10)} KB`;
  return `${formatNumber(Math.round(bytes / 104857.6) / 10)} MB`;
}
const TYPING_IDLE_MS = 3000;
const TYPING_SHOWN_MS = 6000;

export class TicketChat extends HTMLElement {
  #user;
  #realtime;
  #maxLength = 10000;
  #onRead = () => {};
  #ticket = null;
  #messages = new Map();
  #pending = [];
  /** Files being uploaded or uploaded for the next message: { key, file, progress, attachment, error }. */
  #files = [];
  #pendingKey = 0;
  #lastSeq = 0;
  #firstSeq = 0;
  #hasOlder = false;
  #loadingOlder = null;
  #lastMarkedSeq = 0;
  #othersReadSeq = 0;
  #present = new Map();
  #typists = new Map();
  #typingSentAt = 0;
  #typingStopTimer = null;
  #elements = {};
  #stickToEnd = true;

  configure({ user, realtime, desk, onRead }) {
    this.#user = user;
    this.#realtime = realtime;
    this.#maxLength = desk.maxMessageLength;
    this.#onRead = onRead;
    this.#build();
    realtime.on("message_received", ({ message, ticketId }) => ticketId === this.#ticket?.id && this.#receive(message));
    realtime.on("typing_indicator", (event) => event.ticketId === this.#ticket?.id && this.#typingChanged(event));
    realtime.on("user_joined", (event) => event.ticketId === this.#ticket?.id && this.#joined(event));
    realtime.on("user_left", (event) => event.ticketId === this.#ticket?.id && this.#left(event));
    realtime.on("messages_read", (event) => event.ticketId === this.#ticket?.id && this.#readBy(event));
    // A resync that fails (the network dropped again) is retried by the next connect.
    realtime.on("connect", () => this.#ticket && this.#resync().catch(() => {}));
    realtime.on("disconnect", () => this.#renderPending());
    document.addEventListener("visibilitychange", () => this.#markRead());
    document.addEventListener("languagechange", () => this.#rerender());
  }

  get ticketId() {
    return this.#ticket?.id ?? null;
  }

  /** Shows a ticket from its detail ({ ticket, messages, hasOlderMessages }) and joins its room. */
  show(detail) {
    if (this.#ticket && this.#ticket.id !== detail.ticket.id) this.#leave();
    const switching = this.#ticket?.id !== detail.ticket.id;
    this.#ticket = detail.ticket;
    if (switching) {
      this.#messages.clear();
      this.#present.clear();
      this.#typists.clear();
      this.#lastSeq = 0;
      this.#firstSeq = 0;
      this.#othersReadSeq = 0;
      this.#lastMarkedSeq = 0;
      this.#elements.list.replaceChildren();
      this.#elements.composer.querySelector("textarea").value = "";
      this.#elements.picker?.reset();
      this.#files = [];
      this.#renderFiles();
    }
    this.hidden = false;
    this.#hasOlder = detail.hasOlderMessages;
    const othersRead = (detail.readCursors ?? []).filter((cursor) => cursor.userId !== this.#user.id).map((cursor) => cursor.lastReadSeq);
    this.#othersReadSeq = Math.max(this.#othersReadSeq, 0, ...othersRead);
    this.#merge(detail.messages);
    this.#renderReceipts();
    this.#renderPending();
    this.updateTicket(detail.ticket);
    this.#renderPresence();
    this.#renderTyping();
    this.#scrollToEnd();
    if (this.#realtime.connected) this.#join();
    this.#markRead();
  }

  focusComposer() {
    this.#elements.composer.querySelector("textarea").focus();
  }

  /** Refreshes the header and the composer after the shown ticket changed (another ticket is ignored). */
  updateTicket(ticket) {
    if (ticket.id !== this.#ticket?.id) return;
    this.#ticket = { ...this.#ticket, ...ticket };
    const { title, number, status } = this.#elements;
    title.textContent = this.#ticket.title;
    number.textContent = this.#ticket.ticketNumber;
    status.className = `chip status-${this.#ticket.status}`;
    status.textContent = t(`status.${this.#ticket.status}`);
    const closed = this.#ticket.status === "closed";
    const composer = this.#elements.composer;
    for (const control of composer.querySelectorAll("textarea, button")) control.disabled = closed;
    this.#elements.closedNote.hidden = !closed;
    if (this.#ticket.userId === this.#user.id) this.#elements.rating.update(this.#ticket);
  }

  #build() {
    const textarea = h("textarea", { rows: 1, dir: "auto", maxLength: this.#maxLength, "data-i18n-placeholder": "chat.placeholder",
      "data-i18n-label": "chat.message", placeholder: t("chat.placeholder"), "aria-label": t("chat.message"),
      "data-i18n-title": "chat.keys", title: t("chat.keys"), "aria-describedby": "composer-keys",
      onkeydown: (event) => this.#keydown(event), oninput: () => this.#typed(), onblur: () => this.#stopTyping() });
    const fileInput = h("input", { type: "file", multiple: true, hidden: true, onchange: () => { this.#attach([...fileInput.files]); fileInput.value = ""; } });
    const attachButton = h("button", { type: "button", className: "button subtle attach", "data-i18n-label": "chat.attach", "aria-label": t("chat.attach"),
      "data-i18n-title": "chat.attach", title: t("chat.attach"), onclick: () => fileInput.click() });
    textarea.addEventListener("paste", (event) => {
      const files = [...(event.clipboardData?.files ?? [])];
      if (files.length) {
        event.preventDefault();
        this.#attach(files);
      }
    });
    const composer = h("form", { className: "composer", onsubmit: (event) => { event.preventDefault(); this.#submit(); } },
      attachButton, fileInput,
      textarea, h("button", { type: "submit", className: "button primary", "data-i18n": "chat.send" }, t("chat.send")),
      h("span", { id: "composer-keys", className: "visually-hidden", "data-i18n": "chat.keys" }, t("chat.keys")));
    this.#elements = {
      back: h("button", { type: "button", className: "button subtle back", "data-i18n": "chat.back",
        onclick: () => this.dispatchEvent(new CustomEvent("back")) }, t("chat.back")),
      title: h("h2", { className: "chat-title", dir: "auto" }),
      number: h("span", { className: "number" }),
      status: h("span", { className: "chip" }),
      presence: h("p", { className: "presence", "aria-live": "polite" }),
      older: h("button", { type: "button", className: "button subtle older", hidden: true, "data-i18n": "chat.older",
        onclick: () => this.#loadOlder() }, t("chat.older")),
      list: h("ol", { className: "messages", role: "log", "aria-live": "polite", "aria-relevant": "additions", "data-i18n-label": "chat.history",
        "aria-label": t("chat.history") }),
      typing: h("p", { className: "typing", "aria-live": "polite" }),
      closedNote: h("p", { className: "closed-note", hidden: true, "data-i18n": "chat.closed" }, t("chat.closed")),
      rating: h("ticket-rating", { hidden: true }),
      files: h("ul", { className: "composer-files", hidden: true, "aria-live": "polite" }),
      picker: this.#user.role === "customer" ? null : h("quick-reply-picker"),
      composer,
    };
    const e = this.#elements;
    e.scroller = h("div", { className: "message-scroll" }, e.older, e.list);
    replaceChildren(this,
      h("header", { className: "chat-header" }, e.back, h("div", { className: "chat-heading" }, e.title, h("div", { className: "chat-meta" }, e.number, e.status)), e.presence),
      e.scroller, e.typing, e.rating, e.closedNote, e.files, composer);
    for (const type of ["dragenter", "dragover"]) {
      this.addEventListener(type, (event) => {
        if (!event.dataTransfer?.types.includes("Files") || this.#ticket?.status === "closed") return;
        event.preventDefault();
        this.classList.add("dropping");
      });
    }
    this.addEventListener("dragleave", (event) => { if (!this.contains(event.relatedTarget)) this.classList.remove("dropping"); });
    this.addEventListener("drop", (event) => {
      this.classList.remove("dropping");
      if (!event.dataTransfer?.files.length || this.#ticket?.status === "closed") return;
      event.preventDefault();
      this.#attach([...event.dataTransfer.files]);
    });
    e.rating.configure({ onRated: (ticket) => this.updateTicket(ticket) });
    if (e.picker) {
      composer.append(e.picker);
      e.picker.attach({ textarea, form: composer, load: () => api.quickReplies(this.#ticket.id).then((data) => data.quickReplies) });
    }
    new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) this.#loadOlder();
    }, { root: e.scroller }).observe(e.older);
    e.scroller.addEventListener("scroll", () => { this.#stickToEnd = this.#nearEnd(); });
    new ResizeObserver(() => this.#stickToEnd && this.#scrollToEnd()).observe(e.scroller);
    this.hidden = true;
  }

  // Messages

  /** Adds messages not shown yet, each in its place by sequence number; answers whether any was new. */
  #merge(messages) {
    let added = false;
    for (const message of messages) {
      if (this.#messages.has(message.id)) continue;
      this.#messages.set(message.id, message);
      this.#lastSeq = Math.max(this.#lastSeq, message.seq);
      this.#firstSeq = this.#firstSeq ? Math.min(this.#firstSeq, message.seq) : message.seq;
      const later = [...this.#elements.list.children].find((item) => item.classList.contains("pending") || Number(item.dataset.seq) > message.seq);
      this.#elements.list.insertBefore(this.#messageItem(message), later ?? null);
      added = true;
    }
    this.#elements.older.hidden = !this.#hasOlder;
    return added;
  }

  #receive(message) {
    const nearEnd = this.#nearEnd();
    this.#claimPending([message]);
    if (this.#merge([message]) && nearEnd) this.#scrollToEnd();
    this.#typists.delete(message.senderId);
    this.#renderTyping();
    this.#markRead();
  }

  /** Loads the page before the oldest message shown; a call while one is loading waits for that one. */
  #loadOlder() {
    if (!this.#hasOlder || !this.#ticket) return Promise.resolve();
    this.#loadingOlder ||= this.#fetchOlder().finally(() => { this.#loadingOlder = null; });
    return this.#loadingOlder;
  }

  async #fetchOlder() {
    const scroller = this.#elements.scroller;
    const fromEnd = scroller.scrollHeight - scroller.scrollTop;
    const ticketId = this.#ticket.id;
    const { messages } = await api.messages(ticketId, { before: this.#firstSeq, limit: 50 });
    if (ticketId !== this.#ticket?.id) return;
    this.#hasOlder = messages.length === 50;
    this.#merge(messages);
    scroller.scrollTop = scroller.scrollHeight - fromEnd;
  }

  /** Scrolls to the message numbered `seq` (loading older pages until it is there) and marks it for a moment. */
  async reveal(seq) {
    const ticketId = this.#ticket?.id;
    while (ticketId && ticketId === this.#ticket?.id && this.#firstSeq > seq && this.#hasOlder) await this.#loadOlder();
    const item = this.#elements.list.querySelector(`[data-seq="${seq}"]`);
    if (!item) return;
    this.#stickToEnd = false;
    item.scrollIntoView({ block: "center" });
    item.classList.remove("found");
    void item.offsetWidth;
    item.classList.add("found");
  }

  async #resync() {
    const ticketId = this.#ticket.id;
    await this.#join();
    let messages;
    do {
      ({ messages } = await api.messages(ticketId, { after: this.#lastSeq, limit: 200 }));
      if (ticketId !== this.#ticket?.id) return;
      this.#claimPending(messages);
      this.#merge(messages);
    } while (messages.length === 200);
    this.#scrollToEnd();
    for (const pending of [...this.#pending]) {
      if (pending.state === "waiting") await this.#deliver(pending);
    }
    this.#markRead();
  }

  // Sending

  #keydown(event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      this.#submit();
    }
  }

  /** Uploads files for the next message, each with its own progress. */
  #attach(files) {
    if (!this.#ticket) return;
    const ticketId = this.#ticket.id;
    for (const file of files) {
      const entry = { key: ++this.#pendingKey, file, progress: 0, attachment: null, error: null, ticketId };
      this.#files.push(entry);
      api.uploadAttachment(ticketId, file, (progress) => { entry.progress = progress; this.#renderFiles(); })
        .then((attachment) => { entry.attachment = attachment; })
        .catch((error) => { entry.error = error.message; })
        .finally(() => this.#renderFiles());
    }
    this.#renderFiles();
  }

  #renderFiles() {
    const files = this.#files.filter((entry) => entry.ticketId === this.#ticket?.id);
    this.#elements.files.hidden = files.length === 0;
    replaceChildren(this.#elements.files, files.map((entry) => h("li", { className: `composer-file${entry.error ? " failed" : ""}` },
      h("span", { className: "file-name", dir: "auto" }, entry.file.name || t("chat.pasted")),
      entry.error ? h("span", { className: "file-error", role: "alert" }, entry.error)
        : entry.attachment ? h("span", { className: "muted" }, formatSize(entry.attachment.size))
          : h("progress", { max: 1, value: entry.progress, "aria-label": t("chat.uploading", { name: entry.file.name }) }),
      h("button", { type: "button", className: "button subtle", "aria-label": t("chat.removeFile", { name: entry.file.name }),
        onclick: () => { this.#files = this.#files.filter((other) => other !== entry); this.#renderFiles(); } }, "×"))));
  }

  #submit() {
    const textarea = this.#elements.composer.querySelector("textarea");
    const content = textarea.value.trim();
    const files = this.#files.filter((entry) => entry.ticketId === this.#ticket?.id);
    if (files.some((entry) => !entry.attachment && !entry.error)) return;
    const attachments = files.filter((entry) => entry.attachment).map((entry) => entry.attachment.id);
    if ((!content && !attachments.length) || !this.#ticket) return;
    textarea.value = "";
    this.#files = this.#files.filter((entry) => !files.includes(entry));
    this.#renderFiles();
    this.#stopTyping();
    const pending = { key: ++this.#pendingKey, ticketId: this.#ticket.id, content, attachments, sentAfterSeq: this.#lastSeq, state: "waiting", error: null };
    this.#pending.push(pending);
    this.#deliver(pending);
    this.#scrollToEnd();
  }

  async #deliver(pending) {
    if (!this.#realtime.connected) {
      pending.state = "waiting";
      return this.#renderPending();
    }
    pending.state = "sending";
    this.#renderPending();
    try {
      const { message } = await this.#realtime.emit("send_message",
        { ticketId: pending.ticketId, content: pending.content, ...(pending.attachments.length ? { attachments: pending.attachments } : {}) });
      this.#pending = this.#pending.filter((other) => other !== pending);
      if (pending.ticketId === this.#ticket?.id) this.#merge([message]);
    } catch (error) {
      if (!this.#pending.includes(pending)) return;
      pending.state = error.code === "OFFLINE" || error.code === "TIMEOUT" ? "waiting" : "failed";
      pending.error = error.message;
    }
    this.#renderPending();
  }

  /** A message of mine that arrived from the server settles the oldest waiting one with the same text. */
  #claimPending(messages) {
    for (const message of messages) {
      if (message.senderId !== this.#user.id || this.#messages.has(message.id)) continue;
      const match = this.#pending.find((pending) => pending.state !== "failed" && pending.ticketId === message.ticketId
        && pending.content === message.content && pending.attachments.length === (message.attachments ?? []).length
        && message.seq > pending.sentAfterSeq);
      if (match) this.#pending = this.#pending.filter((pending) => pending !== match);
    }
    this.#renderPending();
  }

  // Typing, presence and receipts

  #typed() {
    if (!this.#realtime.connected || !this.#ticket) return;
    const now = Date.now();
    if (now - this.#typingSentAt > TYPING_REFRESH_MS) {
      this.#typingSentAt = now;
      this.#realtime.emit("typing", { ticketId: this.#ticket.id, isTyping: true }).catch(() => {});
    }
    clearTimeout(this.#typingStopTimer);
    this.#typingStopTimer = setTimeout(() => this.#stopTyping(), TYPING_IDLE_MS);
  }

  #stopTyping() {
    clearTimeout(this.#typingStopTimer);
    if (!this.#typingSentAt || !this.#ticket) return;
    this.#typingSentAt = 0;
    if (this.#realtime.connected) this.#realtime.emit("typing", { ticketId: this.#ticket.id, isTyping: false }).catch(() => {});
  }

  #typingChanged({ senderId, senderName, isTyping }) {
    if (senderId === this.#user.id) return;
    clearTimeout(this.#typists.get(senderId)?.timer);
    if (isTyping) {
      const timer = setTimeout(() => {
        this.#typists.delete(senderId);
        this.#renderTyping();
      }, TYPING_SHOWN_MS);
      this.#typists.set(senderId, { name: senderName, timer });
    } else {
      this.#typists.delete(senderId);
    }
    this.#renderTyping();
  }

  async #join() {
    const ticketId = this.#ticket.id;
    try {
      const { present } = await this.#realtime.emit("join_ticket", { ticketId });
      if (ticketId !== this.#ticket?.id) return;
      this.#present = new Map(present.map((person) => [person.userId, person]));
      this.#renderPresence();
    } catch {
      // The next connect joins again.
    }
  }

  #leave() {
    this.#stopTyping();
    if (this.#ticket && this.#realtime.connected) this.#realtime.emit("leave_ticket", { ticketId: this.#ticket.id }).catch(() => {});
  }

  #joined({ userId, userName, userType }) {
    this.#present.set(userId, { userId, userName, userType });
    this.#renderPresence();
  }

  #left({ userId }) {
    this.#present.delete(userId);
    this.#typists.delete(userId);
    this.#renderPresence();
    this.#renderTyping();
  }

  #readBy({ userId, lastReadSeq }) {
    if (userId === this.#user.id || lastReadSeq <= this.#othersReadSeq) return;
    this.#othersReadSeq = lastReadSeq;
    this.#renderReceipts();
  }

  #markRead() {
    if (!this.#ticket || this.hidden || document.visibilityState !== "visible" || !this.#realtime.connected) return;
    if (this.#lastSeq <= this.#lastMarkedSeq) return;
    this.#lastMarkedSeq = this.#lastSeq;
    const ticketId = this.#ticket.id;
    this.#realtime.emit("mark_as_read", { ticketId }).then(() => this.#onRead(ticketId), () => { this.#lastMarkedSeq = 0; });
  }

  // Rendering

  #nearEnd() {
    const scroller = this.#elements.scroller;
    return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 80;
  }

  #scrollToEnd() {
    const scroller = this.#elements.scroller;
    scroller.scrollTop = scroller.scrollHeight;
    this.#stickToEnd = true;
  }

  /** Redraws every message (the language changed); a message added later is inserted alone by #merge. */
  #renderMessages() {
    const sorted = [...this.#messages.values()].sort((a, b) => a.seq - b.seq);
    replaceChildren(this.#elements.list, sorted.map((message) => this.#messageItem(message)));
    this.#renderPending();
  }

  /** Turns "Sent" into "Seen" on my messages up to where someone else has read. */
  #renderReceipts() {
    for (const state of this.#elements.list.querySelectorAll(".message.mine:not(.pending) .state.sent")) {
      if (Number(state.closest(".message").dataset.seq) > this.#othersReadSeq) continue;
      state.className = "state seen";
      state.textContent = t("chat.seen");
    }
  }

  #messageItem(message) {
    if (message.sender === "system") {
      return h("li", { className: "message system", dataset: { seq: message.seq } },
        h("p", { className: "content", dir: "auto" }, systemMessageText(message.content)), h("time", { datetime: message.createdAt, title: formatDateTime(message.createdAt) }, formatTime(message.createdAt)));
    }
    const mine = message.senderId === this.#user.id;
    const seen = mine && message.seq <= this.#othersReadSeq;
    return h("li", { className: `message ${mine ? "mine" : "theirs"}`, dataset: { seq: message.seq, id: message.id } },
      h("div", { className: "bubble" },
        mine ? null : h("span", { className: "sender", dir: "auto" }, message.senderName),
        message.content ? h("p", { className: "content", dir: "auto" }, message.content) : null,
        (message.attachments ?? []).map((attachment) => attachmentView(attachment)),
        h("span", { className: "meta" },
          h("time", { datetime: message.createdAt, title: formatDateTime(message.createdAt) }, formatTime(message.createdAt)),
          mine ? h("span", { className: `state ${seen ? "seen" : "sent"}` }, t(seen ? "chat.seen" : "chat.sent")) : null)));
  }

  #renderPending() {
    for (const element of this.#elements.list.querySelectorAll(".pending")) element.remove();
    for (const pending of this.#pending) {
      if (pending.ticketId !== this.#ticket?.id) continue;
      const state = pending.state === "waiting" && !this.#realtime.connected ? "waiting" : pending.state;
      this.#elements.list.append(h("li", { className: `message mine pending ${state}`, dataset: { key: pending.key } },
        h("div", { className: "bubble" },
          h("p", { className: "content", dir: "auto" }, pending.content || t("chat.files", { count: pending.attachments.length })),
          h("span", { className: "meta" }, h("span", { className: "state" },
            state === "failed" ? t("chat.failed", { reason: pending.error ?? "" }) : t(`chat.${state}`))))));
    }
  }

  #renderPresence() {
    const others = [...this.#present.values()].filter((person) => person.userId !== this.#user.id);
    this.#elements.presence.textContent = others.length ? t("chat.viewing", { names: formatList(others.map((person) => person.userName)) }) : "";
  }

  #renderTyping() {
    const names = [...this.#typists.values()].map((typist) => typist.name);
    this.#elements.typing.textContent = names.length ? t("chat.typing", { names: formatList(names) }) : "";
  }

  #rerender() {
    if (!this.#ticket) return;
    this.updateTicket(this.#ticket);
    this.#renderMessages();
    this.#renderPresence();
    this.#renderTyping();
  }
}

customElements.define("ticket-chat", TicketChat);
