// Request logs never carry secrets from the query string, and the request store is one per process.
import { type AsyncLocalStorage } from "node:async_hooks";
import { describe, expect, it } from "vitest";
import { redactUrl, requestStore } from "./logger.server";

describe("redactUrl", () => {
  it("leaves URLs without secret-looking parameters unchanged", () => {
    expect(redactUrl("/shop?page=2&sort=price")).toBe("/shop?page=2&sort=price");
    expect(redactUrl("/about")).toBe("/about");
    expect(redactUrl(undefined)).toBeUndefined();
  });

  it("replaces the values of password, token, code and similar parameters", () => {
    const url = redactUrl("/auth/reset-password?token=abc123&password=hunter2&redirectTo=%2Faccount&Code=999")!;
    expect(url).not.toMatch(/abc123|hunter2|999/);
    const params = new URL(url, "http://x").searchParams;
    expect(params.get("token")).toBe("[redacted]");
    expect(params.get("password")).toBe("[redacted]");
    expect(params.get("Code")).toBe("[redacted]");
    expect(params.get("redirectTo")).toBe("/account");
  });

  it("redacts every occurrence of a repeated parameter", () => {
    expect(redactUrl("/x?t=one&t=two")).toBe("/x?t=%5Bredacted%5D");
  });
});

describe("requestStore", () => {
  it("is shared through globalThis, so every bundle of this module sees the same request id", () => {
    const shared = (globalThis as { __versoRequestStore?: AsyncLocalStorage<{ requestId: string }> }).__versoRequestStore;
    expect(shared).toBe(requestStore);
    requestStore.run({ requestId: "r-1" }, () => expect(shared?.getStore()?.requestId).toBe("r-1"));
  });
});
