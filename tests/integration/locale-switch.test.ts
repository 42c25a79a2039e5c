// The language switch in the footer: with the page's CSRF token as everywhere, and on the shop's
// publicly cached pages (no token) only when the browser shows the form came from this site.
import { describe, expect, it } from "vitest";
import { localeCookie } from "~/infra/cookies.server";
import { action } from "~/routes/resources+/locale";
import { BASE, context, formRequest } from "../setup/requests";

async function run(request: Request) {
  try {
    return await action({ request, params: {}, context: context() });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe("language switch", () => {
  it("accepts the page's token and remembers the language", async () => {
    const response = await run(await formRequest("/resources/locale", { locale: "es", redirectTo: "/shop" }));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/shop");
    expect(await localeCookie.parse(response.headers.get("Set-Cookie"))).toBe("es");
  });

  it("accepts a token-less form from a cached shop page when the Origin is this site", async () => {
    const request = await formRequest(
      "/resources/locale",
      { locale: "es", redirectTo: "/shop?page=2" },
      { csrf: false, headers: { Origin: new URL(BASE).origin } },
    );
    const response = await run(request);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/shop?page=2");
    expect(await localeCookie.parse(response.headers.get("Set-Cookie"))).toBe("es");
  });

  it("refuses a token-less form from another site, or with no origin at all", async () => {
    for (const headers of [{ Origin: "https://evil.example" }, {} as Record<string, string>]) {
      const response = await run(await formRequest("/resources/locale", { locale: "es" }, { csrf: false, headers }));
      expect(response.status).toBe(403);
      expect(response.headers.get("Set-Cookie")).toBeNull();
    }
  });
});
