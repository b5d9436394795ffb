// /admin/webhooks: admins register endpoints, pause or remove them, and read each one's delivery log.
import { api } from "../api.js";
import { h, replaceChildren } from "../dom.js";
import { formatDateTime, t } from "../i18n.js";
import { markReady, showNotice, startPage } from "../shell.js";

await startPage(["admin"]);
const form = document.querySelector("form.add-webhook");
const eventBoxes = form.querySelector(".event-types");
const table = document.querySelector(".webhooks tbody");
const empty = document.querySelector(".webhooks + .empty");
const notice = document.querySelector(".notice");
const log = document.querySelector(".delivery-log");
const logRows = log.querySelector("tbody");
const more = log.querySelector(".more");
let webhooks = [];
let eventTypes = [];
let shown = null;
let deliveries = [];
let nextBefore = null;

function show(message, isError = false) {
  showNotice(notice, message, isError);
}

async function attempt(action) {
  try {
    await action();
  } catch (error) {
    show(error.message, true);
  }
}

function replace(updated) {
  webhooks = webhooks.map((existing) => (existing.id === updated.id ? updated : existing));
}

function row(webhook) {
  return h("tr", { dataset: { id: webhook.id } },
    h("td", {}, h("div", { dir: "ltr", className: "url" }, webhook.url),
      webhook.description ? h("div", { dir: "auto", className: "muted" }, webhook.description) : null),
    h("td", {}, webhook.events.map((type) => h("span", { className: "chip", dir: "ltr" }, type))),
    h("td", {}, h("span", { className: `chip ${webhook.isActive ? "status-open" : "status-closed"}` },
      t(webhook.isActive ? "webhooks.active" : "webhooks.paused"))),
    h("td", { className: "actions" },
      h("button", { type: "button", className: "button subtle", onclick: () => openLog(webhook) }, t("webhooks.log")),
      h("button", { type: "button", className: "button subtle",
        onclick: () => attempt(async () => { replace(await api.updateWebhook(webhook.id, { isActive: !webhook.isActive })); draw(); }) },
        t(webhook.isActive ? "webhooks.pause" : "webhooks.resume")),
      h("button", { type: "button", className: "button subtle danger", onclick: () => remove(webhook) }, t("webhooks.remove"))));
}

async function remove(webhook) {
  if (!window.confirm(t("webhooks.confirmRemove", { url: webhook.url }))) return;
  await attempt(async () => {
    await api.deleteWebhook(webhook.id);
    webhooks = webhooks.filter((existing) => existing.id !== webhook.id);
    if (shown?.id === webhook.id) shown = null;
    draw();
  });
}

function deliveryRow(delivery) {
  const status = { pending: "status-pending", delivered: "status-resolved", failed: "status-closed" }[delivery.status];
  const response = [delivery.responseStatus, delivery.lastError].filter((part) => part !== null && part !== undefined).join(" · ");
  return h("tr", { dataset: { id: String(delivery.id), status: delivery.status } },
    h("td", {}, String(delivery.id)),
    h("td", { dir: "ltr" }, delivery.eventType),
    h("td", {}, h("span", { className: `chip ${status}` }, t(`webhooks.state.${delivery.status}`))),
    h("td", {}, String(delivery.attempts)),
    h("td", { dir: "ltr" }, response),
    h("td", {}, formatDateTime(delivery.deliveredAt ?? delivery.lastAttemptAt ?? delivery.createdAt),
      delivery.status === "pending" && delivery.attempts > 0
        ? h("div", { className: "muted" }, t("webhooks.nextAttempt", { time: formatDateTime(delivery.nextAttemptAt) })) : null),
    h("td", {}, delivery.status === "pending" ? null : h("button", { type: "button", className: "button subtle",
      onclick: () => attempt(async () => { await api.redeliverWebhook(shown.id, delivery.id); await openLog(shown); }) },
    t("webhooks.redeliver"))));
}

async function openLog(webhook, before = null) {
  const page = await api.webhookDeliveries(webhook.id, before);
  deliveries = before ? deliveries.concat(page.deliveries) : page.deliveries;
  nextBefore = page.nextBefore ?? null;
  shown = webhook;
  draw();
}

function drawEventTypes() {
  replaceChildren(eventBoxes, h("legend", { dataset: { i18n: "webhooks.events" } }, t("webhooks.events")), eventTypes.map((type) => {
    const input = h("input", { type: "checkbox", name: "events", value: type });
    input.defaultChecked = type !== "rating.created";
    return h("label", { className: "check" }, input, h("span", { dir: "ltr" }, type));
  }));
}

function draw() {
  replaceChildren(table, webhooks.map(row));
  empty.hidden = webhooks.length > 0;
  log.hidden = !shown;
  if (shown) {
    replaceChildren(log.querySelector("h2"), t("webhooks.logOf", { url: shown.url }));
    replaceChildren(logRows, deliveries.length ? deliveries.map(deliveryRow)
      : h("tr", {}, h("td", { colSpan: 7, className: "muted" }, t("webhooks.noDeliveries"))));
    more.hidden = nextBefore === null;
  }
}

more.addEventListener("click", () => attempt(() => openLog(shown, nextBefore)));
form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const { url, description, secret } = form.elements;
  const events = [...form.querySelectorAll("input[name=events]:checked")].map((box) => box.value);
  await attempt(async () => {
    const created = await api.createWebhook({ url: url.value.trim(), description: description.value, events, secret: secret.value || undefined });
    webhooks.push(created);
    form.reset();
    show(t("webhooks.created", { secret: created.secret }));
    draw();
  });
});
document.addEventListener("languagechange", draw);

({ webhooks, eventTypes } = await api.webhooks());
drawEventTypes();
draw();
markReady();
