import { describe, expect, it } from "vitest";
import { formatDateTime, isValidTimeZone } from "./dates";

describe("dates", () => {
  it("accepts IANA zones and refuses anything else", () => {
    expect(isValidTimeZone("Europe/Madrid")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
    expect(isValidTimeZone(undefined)).toBe(false);
  });

  it("shows a UTC instant in the viewer's zone", () => {
    const instant = new Date("2026-01-15T23:30:00Z");
    expect(formatDateTime(instant, { locale: "en-GB", timeZone: "UTC" })).toContain("23:30");
    expect(formatDateTime(instant, { locale: "en-GB", timeZone: "Europe/Madrid" })).toContain("00:30");
    expect(formatDateTime(instant, { locale: "en-GB", timeZone: "Europe/Madrid" })).toContain("16 Jan 2026");
  });
});
