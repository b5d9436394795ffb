// System messages (status changes, assignments) are stored in English; this shows the known ones
// in the reader's language, and any other as stored.
import { t } from "./i18n.js";

const PATTERNS = [
  [/^(?<actor>.+) changed the status from (?<from>\w+) to (?<to>\w+)\.$/, ({ actor, from, to }) =>
    t("system.statusChanged", { actor, from: t(`status.${from}`), to: t(`status.${to}`) })],
  [/^(?<actor>.+) assigned the ticket to (?<assignee>.+)\.$/, ({ actor, assignee }) => t("system.assigned", { actor, assignee })],
  [/^(?<actor>.+) removed the assignee\.$/, ({ actor }) => t("system.unassigned", { actor })],
  [/^(?<actor>.+) rated the support (?<score>[1-5]) of 5\.$/, ({ actor, score }) => t("system.rated", { actor, score })],
  [/^(?<actor>.+) changed the rating from (?<from>[1-5]) to (?<to>[1-5]) of 5\.$/, ({ actor, from, to }) =>
    t("system.ratingChanged", { actor, from, to })],
];

export function systemMessageText(content) {
  for (const [pattern, translate] of PATTERNS) {
    const match = pattern.exec(content);
    if (match) return translate(match.groups);
  }
  return content;
}
