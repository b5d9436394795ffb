// /admin/tickets: the agents' console.
import { api } from "../api.js";
import "../components/ticket-sidebar.js";
import { DeskPage } from "../desk-page.js";
import { coalesce, markReady, startPage } from "../shell.js";

const { user, desk, realtime } = await startPage(["agent", "admin"]);
const sidebar = document.querySelector("ticket-sidebar");
const refreshStats = coalesce(300, () => api.stats().then((stats) => sidebar.setStats(stats), () => {}));
const page = new DeskPage({ user, desk, realtime, load: api.tickets, onStatsChanged: () => refreshStats("stats") });

sidebar.configure({ desk });
sidebar.addEventListener("newticket", () => page.newTicket());
sidebar.addEventListener("filterchange", ({ detail: filter }) => {
  const assignee = filter.view === "mine" ? user.id : filter.view === "unassigned" ? "unassigned" : "";
  page.list.setFilter({ status: filter.status, priority: filter.priority, category: filter.category, assignee });
});
refreshStats("stats");
realtime.connect();
await page.start();
markReady();
