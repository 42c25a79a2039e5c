import { describe, expect, it } from "vitest";
import { parseLocalDateTime, toLocalDateTimeInput } from "./local-datetime";

describe("parseLocalDateTime", () => {
  it("reads the wall clock in the admin's zone, winter and summer", () => {
    expect(parseLocalDateTime("2026-12-24T18:00", "Europe/Madrid")?.toISOString()).toBe("2026-12-24T17:00:00.000Z");
    expect(parseLocalDateTime("2026-07-01T00:00", "Europe/Madrid")?.toISOString()).toBe("2026-06-30T22:00:00.000Z");
    expect(parseLocalDateTime("2026-07-01T00:00", "America/Los_Angeles")?.toISOString()).toBe("2026-07-01T07:00:00.000Z");
    expect(parseLocalDateTime("2026-07-01T00:00", "UTC")?.toISOString()).toBe("2026-07-01T00:00:00.000Z");
  });

  it("refuses what is not a date-time", () => {
    expect(parseLocalDateTime("2026-02-30T10:00", "UTC")).toBeNull();
    expect(parseLocalDateTime("tomorrow", "UTC")).toBeNull();
    expect(parseLocalDateTime("2026-01-01T25:00", "UTC")).toBeNull();
  });

  it("resolves a time skipped by daylight saving to the hour after", () => {
    // Madrid jumps from 02:00 to 03:00 on 2026-03-29.
    expect(parseLocalDateTime("2026-03-29T02:30", "Europe/Madrid")?.toISOString()).toBe("2026-03-29T01:30:00.000Z");
    // Los Angeles jumps from 02:00 to 03:00 on 2026-03-08: 02:30 is read as 03:30 PDT, not 01:30 PST.
    expect(parseLocalDateTime("2026-03-08T02:30", "America/Los_Angeles")?.toISOString()).toBe("2026-03-08T10:30:00.000Z");
  });

  it("reads the hours either side of a daylight-saving change with the right offset", () => {
    expect(parseLocalDateTime("2026-03-29T01:30", "Europe/Madrid")?.toISOString()).toBe("2026-03-29T00:30:00.000Z");
    expect(parseLocalDateTime("2026-03-29T03:30", "Europe/Madrid")?.toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(parseLocalDateTime("2026-10-25T03:30", "Europe/Madrid")?.toISOString()).toBe("2026-10-25T02:30:00.000Z");
    expect(parseLocalDateTime("2026-03-08T03:30", "America/Los_Angeles")?.toISOString()).toBe("2026-03-08T10:30:00.000Z");
    expect(parseLocalDateTime("2026-03-08T01:30", "America/Los_Angeles")?.toISOString()).toBe("2026-03-08T09:30:00.000Z");
  });
});

describe("toLocalDateTimeInput", () => {
  it("shows the instant as the zone's wall clock and round-trips", () => {
    const instant = new Date("2026-12-24T17:00:00Z");
    expect(toLocalDateTimeInput(instant, "Europe/Madrid")).toBe("2026-12-24T18:00");
    expect(parseLocalDateTime(toLocalDateTimeInput(instant, "Asia/Kolkata"), "Asia/Kolkata")?.getTime()).toBe(instant.getTime());
    expect(toLocalDateTimeInput(null, "UTC")).toBe("");
  });
});
