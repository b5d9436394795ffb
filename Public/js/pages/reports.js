// /admin/reports: how the desk did over a period — volume per day (an SVG chart drawn here), the
// backlog, response and resolution times, SLA compliance and each agent's work; every table downloads as CSV.
import { api } from "../api.js";
import { h, replaceChildren } from "../dom.js";
import { formatDuration, formatNumber, labelFor, t } from "../i18n.js";
import { markReady, startPage } from "../shell.js";

const SVG = "http://www.w3.org/2000/svg";
const DAY = 24 * 3600 * 1000;

await startPage(["agent", "admin"]);
const form = document.querySelector("form.period");
const output = document.querySelector(".reports");
const notice = document.querySelector(".notice");
let report = null;

function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  for (const child of children) element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return element;
}

/** Grouped bars: tickets opened and resolved per day. */
function volumeChart(days) {
  const width = 720, height = 220, left = 36, bottom = 24, top = 8;
  const highest = Math.max(1, ...days.flatMap((day) => [day.created, day.resolved]));
  const step = (width - left) / Math.max(1, days.length);
  const bar = Math.max(1, Math.min(14, step / 2 - 1));
  const y = (value) => top + (height - top - bottom) * (1 - value / highest);
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "chart", role: "img", dir: "ltr",
    "aria-label": t("reports.chartLabel", { days: days.length }) });
  for (const fraction of [0, 0.5, 1]) {
    const value = Math.round(highest * fraction);
    chart.append(svg("line", { x1: left, x2: width, y1: y(value), y2: y(value), class: "grid" }),
      svg("text", { x: left - 6, y: y(value) + 4, class: "axis", "text-anchor": "end" }, formatNumber(value)));
  }
  days.forEach((day, index) => {
    const x = left + index * step + step / 2;
    chart.append(
      svg("rect", { x: x - bar, y: y(day.created), width: bar, height: y(0) - y(day.created), class: "created" },
        svg("title", {}, `${day.date}: ${t("reports.created")} ${formatNumber(day.created)}`)),
      svg("rect", { x, y: y(day.resolved), width: bar, height: y(0) - y(day.resolved), class: "resolved" },
        svg("title", {}, `${day.date}: ${t("reports.resolved")} ${formatNumber(day.resolved)}`)));
    if (days.length <= 14 || index % Math.ceil(days.length / 10) === 0) {
      chart.append(svg("text", { x, y: height - 6, class: "axis", "text-anchor": "middle" }, day.date.slice(5)));
    }
  });
  return chart;
}

function download(name, rows) {
  const text = rows.map((row) => row.map((cell) => `"${String(cell ?? "").replaceAll('"', '""')}"`).join(",")).join("\r\n");
  const link = h("a", { href: URL.createObjectURL(new Blob(["\ufeff" + text], { type: "text/csv;charset=utf-8" })), download: `${name}.csv` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

/** A titled table with a CSV download of the same rows. */
function section(name, title, header, rows, extra = null) {
  return h("section", { className: `panel report-${name}` },
    h("div", { className: "report-title" }, h("h2", {}, title),
      h("button", { type: "button", className: "button subtle", name: `csv-${name}`, onclick: () => download(name, [header, ...rows]) }, t("reports.csv"))),
    extra,
    h("div", { className: "table-scroll" }, h("table", { className: "report-table" },
      h("thead", {}, h("tr", {}, header.map((cell) => h("th", {}, cell)))),
      h("tbody", {}, rows.map((row) => h("tr", {}, row.map((cell) => h("td", {}, cell))))))));
}

function duration(seconds) {
  return seconds === null || seconds === undefined ? "—" : formatDuration(seconds * 1000);
}

function draw() {
  if (!report) return;
  const statuses = ["open", "pending"];
  replaceChildren(output,
    section("volume", t("reports.volume"), [t("reports.day"), t("reports.created"), t("reports.resolved")],
      report.days.map((day) => [day.date, day.created, day.resolved]),
      h("div", { className: "chart-box" }, volumeChart(report.days),
        h("p", { className: "legend" }, h("span", { className: "swatch created" }), t("reports.created"), " ",
          h("span", { className: "swatch resolved" }), t("reports.resolved")))),
    section("backlog", t("reports.backlog"), [t("sidebar.priority"), ...statuses.map((status) => t(`status.${status}`))],
      [[t("reports.allPriorities"), ...statuses.map((status) => report.backlog.byStatus[status] ?? 0)],
        ...Object.entries(report.backlog.byPriority).map(([priority, count]) => [labelFor("priority", priority), count, ""])]),
    section("times", t("reports.times"), ["", t("reports.count"), t("reports.median"), t("reports.p90")],
      [[t("details.firstResponse"), report.firstResponse.count, duration(report.firstResponse.medianSeconds), duration(report.firstResponse.p90Seconds)],
        [t("details.resolution"), report.resolution.count, duration(report.resolution.medianSeconds), duration(report.resolution.p90Seconds)]]),
    section("sla", t("reports.sla"), ["", t("reports.tickets"), t("reports.breached"), t("reports.compliance")],
      report.slaCompliance.map((line) => [t(`details.${line.target}`), line.tickets, line.breached,
        line.percent === null || line.percent === undefined ? "—" : `${formatNumber(line.percent)}%`])),
    section("agents", t("reports.agents"), [t("users.name"), t("reports.assigned"), t("reports.resolved"), t("reports.replies")],
      report.agents.map((agent) => [agent.name, agent.assigned, agent.resolved, agent.replies])),
    section("ratings", t("reports.ratings"), [t("reports.score"), t("reports.ratingCount")],
      ["5", "4", "3", "2", "1"].map((score) => [t("rating.score", { score }), report.ratings.distribution[score] ?? 0]),
      h("p", { className: "muted" }, report.ratings.count
        ? t("reports.average", { average: formatNumber(report.ratings.average), count: formatNumber(report.ratings.count) })
        : t("reports.noRatings"))));
}

async function load() {
  try {
    const to = new Date(form.elements.to.value + "T00:00:00Z").getTime() + DAY;
    report = await api.report(form.elements.from.value, new Date(to).toISOString().slice(0, 10));
    notice.hidden = true;
    draw();
  } catch (error) {
    notice.hidden = false;
    notice.className = "notice alert";
    notice.textContent = error.message;
  }
}

const today = new Date().toISOString().slice(0, 10);
form.elements.to.value = today;
form.elements.from.value = new Date(Date.parse(today) - 29 * DAY).toISOString().slice(0, 10);
form.addEventListener("submit", (event) => {
  event.preventDefault();
  load();
});
document.addEventListener("languagechange", draw);
await load();
markReady();
