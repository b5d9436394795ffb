// /admin/sla: admins set the SLA targets per priority and the business hours the clocks run in.
import { api } from "../api.js";
import { h, replaceChildren } from "../dom.js";
import { labelFor, t } from "../i18n.js";
import { markReady, startPage } from "../shell.js";

const TARGETS = ["firstResponseSeconds", "nextResponseSeconds", "resolutionSeconds"];
const DAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

const { desk } = await startPage(["admin"]);
const form = document.querySelector(".sla-form");
const notice = document.querySelector(".notice");
const hours = form.querySelector("fieldset.hours");
let policy = await api.slaPolicy();

function show(message, isError) {
  notice.hidden = false;
  notice.className = isError ? "notice alert" : "notice success";
  notice.setAttribute("role", isError ? "alert" : "status");
  replaceChildren(notice, message);
}

/** Hours with up to four decimals, so short test targets survive a round trip. */
function hoursOf(seconds) {
  return String(Math.round((seconds / 3600) * 10000) / 10000);
}

function draw() {
  replaceChildren(form.querySelector(".targets tbody"), desk.priorities.map((priority) => h("tr", {},
    h("th", { scope: "row" }, labelFor("priority", priority)),
    TARGETS.map((target) => h("td", {}, h("input", {
      type: "number", min: "0.0003", step: "any", required: true, name: `${priority}.${target}`, value: hoursOf(policy.targets[priority][target]),
      "aria-label": `${labelFor("priority", priority)} — ${t(`details.${target.replace("Seconds", "")}`)} (${t("slaPage.hoursUnit")})`,
    }), h("span", { className: "unit muted" }, " ", t("slaPage.hoursUnit")))))));

  const business = policy.businessHours;
  form.elements.useHours.checked = Boolean(business);
  hours.disabled = !business;
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : ["UTC"];
  const zone = business?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? "UTC";
  replaceChildren(form.elements.timeZone, [...new Set([zone, "UTC", ...zones])].map((name) => h("option", { value: name }, name)));
  form.elements.timeZone.value = zone;
  const byDay = new Map((business?.intervals ?? []).map((interval) => [interval.day, interval]));
  const dayName = (day) => new Intl.DateTimeFormat(document.documentElement.lang, { weekday: "long" }).format(new Date(Date.UTC(2026, 10, 1 + DAYS.indexOf(day))));
  replaceChildren(form.querySelector(".week tbody"), DAYS.map((day) => {
    const interval = byDay.get(day);
    return h("tr", {},
      h("th", { scope: "row" }, h("label", { className: "check" },
        h("input", { type: "checkbox", name: `${day}.open`, checked: business ? Boolean(interval) : day !== "saturday" && day !== "sunday" }), " ", dayName(day))),
      h("td", {}, h("input", { type: "time", name: `${day}.start`, value: interval?.start ?? "09:00", "aria-label": `${dayName(day)} ${t("slaPage.opens")}` })),
      h("td", {}, h("input", { type: "time", name: `${day}.end`, value: interval?.end === "24:00" ? "23:59" : interval?.end ?? "17:00",
        "aria-label": `${dayName(day)} ${t("slaPage.closes")}` })));
  }));
  form.elements.holidays.value = (business?.holidays ?? []).join("\n");
}

function read() {
  const elements = form.elements;
  const targets = Object.fromEntries(desk.priorities.map((priority) => [priority, Object.fromEntries(TARGETS.map((target) =>
    [target, Math.round(Number(elements[`${priority}.${target}`].value) * 3600)]))]));
  if (!elements.useHours.checked) return { targets, businessHours: null };
  const intervals = DAYS.filter((day) => elements[`${day}.open`].checked).map((day) => ({
    day, start: elements[`${day}.start`].value, end: elements[`${day}.end`].value === "23:59" ? "24:00" : elements[`${day}.end`].value,
  }));
  const holidays = elements.holidays.value.split(/[\s,]+/).filter(Boolean);
  return { targets, businessHours: { timeZone: elements.timeZone.value, intervals, holidays } };
}

form.elements.useHours.addEventListener("change", () => { hours.disabled = !form.elements.useHours.checked; });
form.addEventListener("submit", async (event) => {
  event.preventDefault();
  try {
    policy = await api.saveSlaPolicy(read());
    draw();
    show(t("slaPage.saved"), false);
  } catch (error) {
    show(error.message, true);
  }
});
document.addEventListener("languagechange", draw);
draw();
markReady();
