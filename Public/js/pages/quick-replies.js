// /admin/quick-replies: agents keep their own quick replies; admins also keep the shared ones.
import { api } from "../api.js";
import { h, replaceChildren } from "../dom.js";
import { t } from "../i18n.js";
import { markReady, showNotice, startPage } from "../shell.js";

const { user: me } = await startPage(["agent", "admin"]);
const form = document.querySelector("form.quick-reply-form");
const table = document.querySelector(".quick-replies tbody");
const notice = document.querySelector(".notice");
const cancel = form.querySelector(".cancel");
let replies = [];
let editing = null;

function show(message, isError = false) {
  showNotice(notice, message, isError);
}

function canChange(reply) {
  return !reply.shared || me.role === "admin";
}

function row(reply) {
  return h("tr", { dataset: { id: reply.id } },
    h("td", { dir: "ltr" }, "/" + reply.shortcut),
    h("td", { className: "text", dir: "auto" }, reply.text),
    h("td", {}, h("span", { className: "chip" }, t(reply.shared ? "quickReplies.shared" : "quickReplies.personal"))),
    h("td", { className: "actions" }, canChange(reply) ? [
      h("button", { type: "button", className: "button subtle", onclick: () => edit(reply) }, t("quickReplies.edit")),
      h("button", { type: "button", className: "button subtle danger", onclick: () => remove(reply) }, t("quickReplies.remove")),
    ] : null));
}

function draw() {
  replaceChildren(table, replies.length ? replies.map(row) : h("tr", {}, h("td", { colSpan: 4, className: "muted" }, t("quickReplies.none"))));
  replaceChildren(form.querySelector("h2"), t(editing ? "quickReplies.editing" : "quickReplies.add"));
  replaceChildren(form.querySelector("button[type=submit]"), t(editing ? "quickReplies.save" : "quickReplies.addSubmit"));
  cancel.hidden = !editing;
}

function edit(reply) {
  editing = reply;
  form.elements.shortcut.value = reply.shortcut;
  form.elements.text.value = reply.text;
  form.elements.shared.checked = reply.shared;
  draw();
  form.elements.text.focus();
}

function stopEditing() {
  editing = null;
  form.reset();
  draw();
}

async function remove(reply) {
  if (!window.confirm(t("quickReplies.confirmRemove", { shortcut: reply.shortcut }))) return;
  try {
    await api.deleteQuickReply(reply.id);
    replies = replies.filter((other) => other.id !== reply.id);
    if (editing?.id === reply.id) stopEditing();
    draw();
  } catch (error) {
    show(error.message, true);
  }
}

function insertPlaceholder(name) {
  const text = form.elements.text;
  const at = text.selectionStart ?? text.value.length;
  text.setRangeText(`{{${name}}}`, at, text.selectionEnd ?? at, "end");
  text.focus();
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const body = { shortcut: form.elements.shortcut.value, text: form.elements.text.value };
  if (me.role === "admin") body.shared = form.elements.shared.checked;
  try {
    if (editing) {
      const saved = await api.updateQuickReply(editing.id, body);
      replies = replies.map((other) => (other.id === saved.id ? saved : other));
      show(t("quickReplies.saved", { shortcut: saved.shortcut }));
    } else {
      const created = await api.createQuickReply(body);
      replies.push(created);
      show(t("quickReplies.added", { shortcut: created.shortcut }));
    }
    replies.sort((a, b) => a.shortcut.localeCompare(b.shortcut));
    stopEditing();
  } catch (error) {
    show(error.message, true);
  }
});
cancel.addEventListener("click", stopEditing);
document.addEventListener("languagechange", draw);

const listed = await api.quickReplies();
replies = listed.quickReplies;
form.querySelector(".shared-choice").hidden = me.role !== "admin";
replaceChildren(form.querySelector(".placeholders"), listed.placeholders.map((name) =>
  h("button", { type: "button", className: "button subtle chip", dir: "ltr", onclick: () => insertPlaceholder(name) }, `{{${name}}}`)));
draw();
markReady();
