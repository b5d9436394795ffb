// Where a ticket stands against its SLA clocks: first response, next response and resolution.

const ACTIVE = new Set(["open", "pending"]);

function time(iso) {
  return iso ? new Date(iso).getTime() : null;
}

/** "breached", "near" (within `dueSoonSeconds`), "ok", or "none" when no clock runs. */
export function stateOf(dueAt, dueSoonSeconds, now = Date.now()) {
  if (dueAt === null) return "none";
  const left = dueAt - now;
  if (left <= 0) return "breached";
  return left <= dueSoonSeconds * 1000 ? "near" : "ok";
}

/** The ticket's state against its nearest running deadline. */
export function slaState(ticket, dueSoonSeconds, now = Date.now()) {
  if (!ACTIVE.has(ticket.status)) return "none";
  const deadlines = [ticket.firstResponseDue, ticket.nextResponseDue, ticket.slaDeadline].map(time).filter((at) => at !== null);
  return stateOf(deadlines.length ? Math.min(...deadlines) : null, dueSoonSeconds, now);
}

/**
 * Each clock for a details panel: { target, dueAt, metAt, running } with times in milliseconds.
 * Next response appears only while a customer waits for an answer.
 */
export function slaClocks(ticket) {
  const active = ACTIVE.has(ticket.status);
  const clocks = [{ target: "firstResponse", dueAt: time(ticket.firstResponseDue), metAt: time(ticket.firstRespondedAt) }];
  if (ticket.nextResponseDue) clocks.push({ target: "nextResponse", dueAt: time(ticket.nextResponseDue), metAt: null });
  clocks.push({ target: "resolution", dueAt: active ? time(ticket.slaDeadline) : null, metAt: null });
  return clocks.map((clock) => ({ ...clock, running: active && clock.dueAt !== null && clock.metAt === null }));
}

/**
 * The ticket's SLA story, oldest first: { at (ms), event, target?, status?, actor? } where event is
 * "started", "met", "warning", "breached", "paused" (resolved or closed) or "resumed" (reopened).
 */
export function slaTimeline(ticket, activities) {
  const entries = [{ at: time(ticket.createdAt), event: "started" }];
  if (ticket.firstRespondedAt) entries.push({ at: time(ticket.firstRespondedAt), event: "met", target: "firstResponse" });
  for (const entry of activities) {
    const at = time(entry.createdAt);
    if (entry.action === "sla_warning") entries.push({ at, event: "warning", target: entry.to });
    else if (entry.action === "sla_breached") entries.push({ at, event: "breached", target: entry.to });
    else if (entry.action === "status_changed") {
      const wasActive = ACTIVE.has(entry.from), isActive = ACTIVE.has(entry.to);
      if (wasActive && !isActive) entries.push({ at, event: "paused", status: entry.to, actor: entry.actorName });
      if (!wasActive && isActive) entries.push({ at, event: "resumed", status: entry.to, actor: entry.actorName });
    }
  }
  return entries.sort((a, b) => a.at - b.at);
}
