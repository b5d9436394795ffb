// What every signed-in page shares: translations, the signed-in user, the header with language
// switch and sign-out, the live connection and its banner.
import { api, ApiError } from "./api.js";
import { h, replaceChildren } from "./dom.js";
import { currentLanguage, initI18n, LANGUAGES, setLanguage, t, translate } from "./i18n.js";
import { RealtimeClient } from "./realtime.js";
import "./components/notification-bell.js";

/** Where each role lands after signing in. */
export function homeFor(user) {
  return user.role === "customer" ? "/user/support" : "/admin/tickets";
}

export function goToLogin() {
  location.assign("/login?next=" + encodeURIComponent(location.pathname));
}

/**
 * Starts a page for `roles`: sends others to their own page (or to sign-in), draws the header,
 * and connects the socket. Resolves with { user, desk, realtime }.
 */
export async function startPage(roles) {
  await initI18n();
  let user;
  try {
    user = await api.me();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) goToLogin();
    throw error;
  }
  if (!roles.includes(user.role)) {
    location.replace(homeFor(user));
    throw new Error("wrong page for role");
  }
  const desk = await fetch("/api/desk").then((response) => response.json());
  const realtime = new RealtimeClient();
  drawHeader(user, realtime);
  translate(document);
  watchConnection(realtime);
  realtime.on("unauthorized", goToLogin);
  return { user, desk, realtime };
}

/** The language switch, shared with the sign-in page. */
export function languageSwitch() {
  const select = h("select", { className: "language-switch", "data-i18n-label": "header.language", onchange: () => setLanguage(select.value) },
    Object.entries(LANGUAGES).map(([code, name]) => h("option", { value: code, lang: code }, name)));
  select.value = currentLanguage();
  return select;
}

function drawHeader(user, realtime) {
  const bell = document.createElement("notification-bell");
  const header = document.querySelector(".app-header");
  const links = user.role === "customer" ? [] : [["/admin/tickets", "nav.tickets"], ["/admin/quick-replies", "nav.quickReplies"], ["/admin/reports", "nav.reports"],
    ...(user.role === "admin" ? [["/admin/users", "nav.users"], ["/admin/sla", "nav.sla"], ["/admin/webhooks", "nav.webhooks"]] : [])];
  replaceChildren(header,
    h("a", { className: "brand", href: homeFor(user) }, h("span", { className: "brand-mark", "aria-hidden": "true" }), h("span", { "data-i18n": "app.name" })),
    h("nav", { "data-i18n-label": "nav.label" },
      links.map(([href, key]) => h("a", { href, "data-i18n": key, "aria-current": location.pathname === href ? "page" : null }))),
    h("div", { className: "header-end" },
      bell,
      languageSwitch(),
      h("span", { className: "who", dir: "auto", title: user.email }, user.name),
      h("button", { type: "button", className: "button subtle", "data-i18n": "header.signOut", onclick: signOut })));
  bell.configure({ user, realtime });
}

async function signOut() {
  await api.logout().catch(() => {});
  location.assign("/login");
}

function watchConnection(realtime) {
  const banner = document.querySelector(".connection-banner");
  realtime.on("disconnect", () => {
    banner.hidden = false;
    banner.textContent = t("connection.lost");
  });
  realtime.on("connect", () => {
    banner.hidden = true;
  });
}

/** Tells tests and measurements that the page is usable: `data-ready` on the body and a performance mark. */
/** Shows a page's notice: a success (a status, read out politely) or an error (an alert). */
export function showNotice(notice, message, isError = false) {
  notice.hidden = false;
  notice.className = isError ? "notice alert" : "notice success";
  notice.setAttribute("role", isError ? "alert" : "status");
  replaceChildren(notice, message);
}

export function markReady() {
  document.body.dataset.ready = "true";
  performance.mark("helpdesk:ready");
}

/** Calls `run` at most once per `milliseconds` for each key, with the latest arguments. */
export function coalesce(milliseconds, run) {
  const timers = new Map();
  return (key, ...args) => {
    clearTimeout(timers.get(key));
    timers.set(key, setTimeout(() => {
      timers.delete(key);
      run(key, ...args);
    }, milliseconds));
  };
}
