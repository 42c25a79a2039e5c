import { describe, expect, it } from "vitest";
import { sanitizeHtml } from "./sanitize.server";

describe("sanitizeHtml", () => {
  it("keeps formatting and drops scripts, handlers and javascript: links", () => {
    const dirty = `<p onclick="steal()">Hi <strong>there</strong><script>alert(1)</script></p><a href="javascript:alert(1)">x</a><img src=x onerror=alert(1)>`;
    const clean = sanitizeHtml(dirty);
    expect(clean).toContain("<strong>there</strong>");
    expect(clean).not.toMatch(/script|onclick|onerror|javascript:/i);
  });

  it("hardens links", () => {
    expect(sanitizeHtml('<a href="https://example.com">site</a>')).toBe(
      '<a href="https://example.com" rel="noopener noreferrer nofollow">site</a>',
    );
  });

  it("is stable when applied twice (render-time pass over write-time output)", () => {
    const once = sanitizeHtml('<p style="color:red">a<iframe src="https://evil"></iframe></p>');
    expect(sanitizeHtml(once)).toBe(once);
    expect(once).toBe("<p>a</p>");
  });
});
