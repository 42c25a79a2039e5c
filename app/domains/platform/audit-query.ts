// The /admin/audit filters as a query string, and the viewer's calendar days turned into UTC
// instants (a day "from 2025-03-01" starts at midnight where the viewer is). Pure.
import { parsePage, textParam, toSearch } from "./list-query";

export const AUDIT_PAGE_SIZE = 25;

export type AuditQuery = { actor: string; action: string; entityType: string; from: string; to: string; page: number };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TOKEN = /^[a-z][a-z0-9._-]{0,79}$/i;

function isCalendarDay(value: string) {
  if (!DAY.test(value)) return false;
  const [y, m, d] = value.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function parseAuditQuery(params: URLSearchParams): AuditQuery {
  const action = textParam(params, "action", 80);
  const entityType = textParam(params, "entityType", 80);
  const from = textParam(params, "from", 10);
  const to = textParam(params, "to", 10);
  return {
    actor: textParam(params, "actor", 200).toLowerCase(),
    action: TOKEN.test(action) ? action : "",
    entityType: TOKEN.test(entityType) ? entityType : "",
    from: isCalendarDay(from) ? from : "",
    to: isCalendarDay(to) ? to : "",
    page: parsePage(params.get("page")),
  };
}

export function auditSearch(query: AuditQuery, overrides: Partial<AuditQuery> = {}) {
  return toSearch({ ...query, ...overrides });
}

/** Milliseconds the zone is ahead of UTC at `instant`. */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The UTC instant at which calendar day `day` (YYYY-MM-DD) begins in `timeZone`. */
export function startOfDayInZone(day: string, timeZone: string): Date {
  const [y, m, d] = day.split("-").map(Number);
  const guess = Date.UTC(y, m - 1, d);
  let result = guess - zoneOffsetMs(new Date(guess), timeZone);
  // across a DST change the offset at the result can differ from the offset at the guess
  const corrected = guess - zoneOffsetMs(new Date(result), timeZone);
  if (corrected !== result) result = corrected;
  return new Date(result);
}

/** [from, to) in UTC for an inclusive range of the viewer's calendar days. */
export function dayRangeToUtc({ from, to }: { from: string; to: string }, timeZone: string): { from?: Date; to?: Date } {
  const range: { from?: Date; to?: Date } = {};
  if (from) range.from = startOfDayInZone(from, timeZone);
  if (to) {
    const [y, m, d] = to.split("-").map(Number);
    const next = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
    range.to = startOfDayInZone(next, timeZone);
  }
  return range;
}
