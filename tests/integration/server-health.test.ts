// The production web process over HTTP: liveness, readiness with a live and a dead database.
import { createCookieSessionStorage } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_ENV } from "../setup/test-env";
import { freePort, request, startServer, type RunningServer } from "./server-harness";

describe("health checks", () => {
  let server: RunningServer;
  let noDatabase: RunningServer;

  beforeAll(async () => {
    const deadPort = await freePort();
    [server, noDatabase] = await Promise.all([
      startServer(),
      startServer({ DATABASE_URL: `postgres://postgres:postgres@127.0.0.1:${deadPort}/verso` }),
    ]);
  }, 360_000);

  afterAll(async () => {
    await Promise.all([server?.stop(), noDatabase?.stop()]);
  });

  it("/healthz answers 200 without caching", async () => {
    const res = await request(server, "/healthz");
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ status: "ok" });
    expect(res.headers["cache-control"]).toBe("no-store");
  });

  it("/readyz answers 200 when the database is reachable", async () => {
    const res = await request(server, "/readyz");
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, checks: { database: "ok" } });
  });

  it("/readyz answers 503 when the database is down, while /healthz stays 200", async () => {
    const ready = await request(noDatabase, "/readyz");
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.body)).toMatchObject({ ok: false, checks: { database: "down" } });
    expect((await request(noDatabase, "/healthz")).status).toBe(200);
  });

  it("tags every log line of a request with the same request id (a failing loader logs twice)", async () => {
    // A signed session cookie makes the root loader look the session up: with no database, it fails.
    const storage = createCookieSessionStorage({ cookie: { name: "__session", secrets: [TEST_ENV.SESSION_SECRET] } });
    const session = await storage.getSession();
    session.set("sessionId", "no-such-session");
    const cookie = (await storage.commitSession(session)).split(";")[0];
    const res = await request(noDatabase, "/", { headers: { Cookie: cookie, "X-Request-Id": "ops-failing-loader-01" } });
    expect(res.status).toBe(500);

    await noDatabase.waitForLog((line) => line.reqId === "ops-failing-loader-01" && line.res !== undefined);
    const lines = noDatabase.logs();
    const mine = lines.filter((line) => line.reqId === "ops-failing-loader-01");
    expect(mine.length).toBeGreaterThanOrEqual(2);
    expect(mine.some((line) => line.err !== undefined || Number(line.level) >= 50)).toBe(true);
    // background loops (the outbox runner, also failing without a database) are not requests
    const unattributed = lines.filter(
      (line) => line.reqId === undefined && line.loop === undefined && (line.err !== undefined || line.req !== undefined),
    );
    expect(unattributed).toEqual([]);
  });
});
