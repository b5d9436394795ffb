// Where a ticket stands against its SLA deadline.

const ACTIVE = new Set(["open", "pending"]);

/** "breached" past the deadline, "near" within `dueSoonSeconds` of it, "ok", or "none" when the clock is stopped. */
export function slaState(ticket, dueSoonSeconds, now = Date.now()) {
  if (!ACTIVE.has(ticket.status) || !ticket.slaDeadline) return "none";
  const left = new Date(ticket.slaDeadline).getTime() - now;
  if (left <= 0) return "breached";
  return left <= dueSoonSeconds * 1000 ? "near" : "ok";
}
