// Strings from /i18n/<lang>.json, the document's language and direction, and Intl formatting.

const STORAGE_KEY = "helpdesk.language";
export const LANGUAGES = { en: "English", ar: "العربية" };
const RTL = new Set(["ar"]);

let language = "en";
let strings = {};

/** Loads the remembered (or the browser's) language and applies it to the document. */
export async function initI18n() {
  const saved = localStorage.getItem(STORAGE_KEY);
  const preferred = saved ?? (navigator.language?.toLowerCase().startsWith("ar") ? "ar" : "en");
  await load(LANGUAGES[preferred] ? preferred : "en");
}

async function load(code) {
  const response = await fetch(`/i18n/${code}.json`, { credentials: "same-origin" });
  strings = await response.json();
  language = code;
  document.documentElement.lang = code;
  document.documentElement.dir = RTL.has(code) ? "rtl" : "ltr";
}

/** Switches language, remembers it, re-translates static markup and tells components to re-render. */
export async function setLanguage(code) {
  localStorage.setItem(STORAGE_KEY, code);
  await load(code);
  translate(document);
  document.dispatchEvent(new CustomEvent("languagechange", { detail: { language: code } }));
}

export function currentLanguage() {
  return language;
}

/** The string for `key` with `{name}` placeholders filled in; the key itself when missing. */
export function t(key, values = {}) {
  const text = strings[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in values ? formatValue(values[name]) : match));
}

function formatValue(value) {
  return typeof value === "number" ? formatNumber(value) : String(value);
}

/** Fills `data-i18n` (text), `data-i18n-placeholder`, `data-i18n-label` (aria-label) and `data-i18n-title`. */
export function translate(root) {
  for (const element of root.querySelectorAll("[data-i18n]")) element.textContent = t(element.dataset.i18n);
  for (const element of root.querySelectorAll("[data-i18n-placeholder]")) element.placeholder = t(element.dataset.i18nPlaceholder);
  for (const element of root.querySelectorAll("[data-i18n-label]")) element.setAttribute("aria-label", t(element.dataset.i18nLabel));
  for (const element of root.querySelectorAll("[data-i18n-title]")) element.title = t(element.dataset.i18nTitle);
  if (document.body?.dataset.i18nDocumentTitle) document.title = t(document.body.dataset.i18nDocumentTitle);
}

export function formatNumber(value) {
  return new Intl.NumberFormat(language).format(value);
}

export function formatDateTime(iso) {
  return new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}

export function formatTime(iso) {
  return new Intl.DateTimeFormat(language, { hour: "numeric", minute: "2-digit" }).format(new Date(iso));
}

const UNITS = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "5 minutes ago", "in 2 hours", "now", in the current language. */
export function formatRelative(iso, now = Date.now()) {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const format = new Intl.RelativeTimeFormat(language, { numeric: "auto" });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return format.format(0, "second");
}

/** A countdown such as "3:05:09" (or "2 d 4:05:09"), for SLA deadlines. */
export function formatDuration(milliseconds) {
  const total = Math.max(0, Math.floor(Math.abs(milliseconds) / 1000));
  const days = Math.floor(total / 86400);
  const clock = [Math.floor((total % 86400) / 3600), Math.floor((total % 3600) / 60), total % 60]
    .map((part, index) => (index === 0 ? formatNumber(part) : new Intl.NumberFormat(language, { minimumIntegerDigits: 2 }).format(part)))
    .join(":");
  return days > 0 ? t("duration.daysAnd", { days, clock }) : clock;
}

/** The translated name of a value such as a category, or the value itself when it has none. */
export function labelFor(prefix, value) {
  const key = `${prefix}.${value}`;
  return key in strings ? strings[key] : value;
}

/** "A, B and C" in the current language. */
export function formatList(items) {
  return new Intl.ListFormat(language, { style: "long", type: "conjunction" }).format(items);
}
