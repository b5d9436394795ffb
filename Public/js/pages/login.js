// /login: sign in, or sign up as a customer when the desk allows it; then on to the user's page.
import { api } from "../api.js";
import { replaceChildren } from "../dom.js";
import { initI18n, t, translate } from "../i18n.js";
import { homeFor, languageSwitch, markReady } from "../shell.js";

await initI18n();
const desk = await fetch("/api/desk").then((response) => response.json());
const form = document.querySelector("form.login");
const alert = form.querySelector(".alert");
let registering = false;

function destination(user) {
  const next = new URLSearchParams(location.search).get("next");
  const allowed = user.role === "customer" ? ["/user/support"] : ["/admin/tickets", "/admin/users"];
  return next && allowed.includes(next) ? next : homeFor(user);
}

function draw() {
  form.querySelector(".name-field").hidden = !registering;
  form.elements.name.required = registering;
  form.elements.password.autocomplete = registering ? "new-password" : "current-password";
  form.querySelector("h1").dataset.i18n = registering ? "login.registerHeading" : "login.heading";
  form.querySelector("button[type=submit]").dataset.i18n = registering ? "login.register" : "login.submit";
  const toggle = document.querySelector(".switch-mode");
  toggle.hidden = !desk.allowsRegistration;
  toggle.dataset.i18n = registering ? "login.haveAccount" : "login.noAccount";
  translate(document);
}

document.querySelector(".language").append(languageSwitch());
document.querySelector(".switch-mode").addEventListener("click", () => {
  registering = !registering;
  alert.hidden = true;
  draw();
});
document.addEventListener("languagechange", draw);

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  alert.hidden = true;
  const { email, password, name } = form.elements;
  const submit = form.querySelector("button[type=submit]");
  submit.disabled = true;
  try {
    const { user } = registering
      ? await api.register(email.value.trim(), name.value.trim(), password.value)
      : await api.login(email.value.trim(), password.value);
    location.assign(destination(user));
  } catch (error) {
    alert.hidden = false;
    replaceChildren(alert, error.code === "UNAUTHORIZED" ? t("login.wrongPassword") : error.message);
    submit.disabled = false;
  }
});

try {
  location.replace(destination(await api.me()));
} catch {
  draw();
  markReady();
}
