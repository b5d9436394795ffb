// /admin/users: admins list accounts, add one, change a role, disable or enable.
import { api } from "../api.js";
import { h, replaceChildren } from "../dom.js";
import { formatDateTime, t } from "../i18n.js";
import { markReady, showNotice, startPage } from "../shell.js";

const ROLES = ["customer", "agent", "admin"];
const { user: me } = await startPage(["admin"]);
const table = document.querySelector(".users tbody");
const form = document.querySelector("form.add-user");
const notice = document.querySelector(".notice");
let users = [];

function show(message, isError = false) {
  showNotice(notice, message, isError);
}

async function change(user, changes) {
  try {
    const updated = await api.updateUser(user.id, changes);
    users = users.map((existing) => (existing.id === updated.id ? updated : existing));
  } catch (error) {
    show(error.message, true);
  }
  draw();
}

function row(user) {
  const role = h("select", { "aria-label": t("users.roleOf", { name: user.name }), onchange: () => change(user, { role: role.value }) },
    ROLES.map((value) => h("option", { value }, t(`role.${value}`))));
  role.value = user.role;
  return h("tr", { dataset: { id: user.id } },
    h("td", { dir: "auto" }, user.name, user.id === me.id ? h("span", { className: "muted" }, " ", t("users.you")) : null),
    h("td", { dir: "ltr" }, user.email),
    h("td", {}, role),
    h("td", {}, h("span", { className: `chip ${user.disabled ? "status-closed" : "status-open"}` }, t(user.disabled ? "users.disabled" : "users.active"))),
    h("td", {}, user.createdAt ? formatDateTime(user.createdAt) : ""),
    h("td", {}, h("button", { type: "button", className: "button subtle", onclick: () => change(user, { disabled: !user.disabled }) },
      t(user.disabled ? "users.enable" : "users.disable"))));
}

function draw() {
  replaceChildren(table, users.map(row));
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const { email, name, role, password } = form.elements;
  try {
    const created = await api.createUser({ email: email.value.trim(), name: name.value.trim(), role: role.value, password: password.value || undefined });
    users.push(created.user);
    form.reset();
    show(created.generatedPassword ? t("users.createdWithPassword", { password: created.generatedPassword }) : t("users.added"));
    draw();
  } catch (error) {
    show(error.message, true);
  }
});
document.addEventListener("languagechange", draw);

users = await api.users();
draw();
markReady();
