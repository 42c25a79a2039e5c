// Dates an admin enters (<input type="datetime-local">: "2026-12-24T18:00", no zone) mean that wall
// clock time in the admin's time zone; they are stored as the UTC instant. Pure and isomorphic, so
// the browser's validation and the server's agree. Uses only Intl (no date library).

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The zone's offset from UTC in minutes at an instant (e.g. +60 for Madrid in winter). */
function offsetMinutes(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/**
 * "2026-12-24T18:00" in "Europe/Madrid" → 2026-12-24T17:00:00Z, or null when the text is not a
 * valid local date-time. A time skipped by a daylight-saving jump resolves to the instant after it.
 */
export function parseLocalDateTime(text: string, timeZone: string): Date | null {
  const match = LOCAL.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  // Two passes: the offset at the first guess may differ from the offset at the answer (DST).
  const offsetA = offsetMinutes(wall, timeZone);
  const guess = wall - offsetA * 60_000;
  const offsetB = offsetMinutes(guess, timeZone);
  const answer = wall - offsetB * 60_000;
  if (offsetMinutes(answer, timeZone) === offsetB) return new Date(answer);
  // No instant has this wall clock (the hour skipped when clocks go forward): read it with the
  // offset from before the jump, which lands the same distance past the jump, in every hemisphere.
  return new Date(wall - Math.min(offsetA, offsetB) * 60_000);
}

/** The value for a datetime-local input: the instant's wall clock in the zone ("2026-12-24T18:00"). */
export function toLocalDateTimeInput(value: Date | string | null | undefined, timeZone: string): string {
  if (!value) return "";
  const instant = new Date(value).getTime();
  const shifted = new Date(instant + offsetMinutes(instant, timeZone) * 60_000);
  return shifted.toISOString().slice(0, 16);
}
