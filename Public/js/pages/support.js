// /user/support: a customer's tickets and conversations.
import { api } from "../api.js";
import { DeskPage } from "../desk-page.js";
import { markReady, startPage } from "../shell.js";

const { user, desk, realtime } = await startPage(["customer"]);
const page = new DeskPage({ user, desk, realtime, load: api.ownTickets });
document.querySelector(".new-ticket").addEventListener("click", () => page.newTicket());
realtime.connect();
await page.start();
markReady();
