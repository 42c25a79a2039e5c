// The production web process over HTTP: graceful shutdown with a request in flight, and what
// reaches the logs (JSON lines, request ids, never a password).
import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csrfFromHome, request, startServer, type RunningServer } from "./server-harness";

const PASSWORD = "Correct-Horse-Battery-Staple-7391";

describe("logs", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ LOG_LEVEL: "trace" });
  }, 360_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("writes JSON lines whose request lines carry the request's id", async () => {
    const res = await request(server, "/", { headers: { "X-Request-Id": "ops-log-check-0001" } });
    expect(res.status).toBe(200);
    expect(res.headers["x-request-id"]).toBe("ops-log-check-0001");
    const generated = await request(server, "/resources/locale", { method: "POST", body: "locale=es" });
    const generatedId = String(generated.headers["x-request-id"]);
    expect(generatedId).toMatch(/^[0-9a-f-]{36}$/);

    await server.waitForLog((line) => line.reqId === generatedId);
    const lines = server.logs();
    const mine = lines.filter((line) => line.reqId === "ops-log-check-0001");
    expect(mine.length).toBeGreaterThan(0);
    for (const line of mine) expect((line.req as { url?: string } | undefined)?.url ?? "/").toBe("/");
    for (const line of lines.filter((l) => l.req !== undefined)) expect(typeof line.reqId).toBe("string");
  });

  it("never logs a submitted password", async () => {
    const { token, cookie } = await csrfFromHome(server);
    const form = { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie };
    const fields = {
      csrf: token,
      email: "nobody@example.com",
      password: PASSWORD,
      currentPassword: PASSWORD,
      newPassword: PASSWORD,
    };
    const ids: string[] = [];
    for (const path of ["/auth/login", "/auth/register", "/resources/locale", "/account/security"]) {
      const res = await request(server, path, { method: "POST", headers: form, body: new URLSearchParams(fields).toString() });
      ids.push(String(res.headers["x-request-id"]));
    }
    const json = await request(server, "/auth/login", {
      method: "POST",
      headers: { "Content-Type": "application/json", Cookie: cookie },
      body: JSON.stringify({ email: "nobody@example.com", password: PASSWORD }),
    });
    ids.push(String(json.headers["x-request-id"]));
    const query = await request(server, `/auth/login?password=${PASSWORD}`);
    ids.push(String(query.headers["x-request-id"]));

    for (const id of ids) await server.waitForLog((line) => line.reqId === id && line.res !== undefined);
    expect(server.stdout()).not.toContain(PASSWORD);
    expect(server.stderr()).not.toContain(PASSWORD);
  });
});

describe("graceful shutdown", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  }, 360_000);
  afterAll(async () => {
    await server?.stop("SIGKILL");
  });

  it("finishes the request in flight, refuses new connections and exits 0 on SIGTERM", async () => {
    const { token, cookie } = await csrfFromHome(server);
    const body = Buffer.from(
      new URLSearchParams({ csrf: token, locale: "es", redirectTo: "/", pad: "x".repeat(20_000) }).toString(),
    );
    const chunks = Array.from({ length: 10 }, (_, i) =>
      body.subarray(Math.floor((i * body.length) / 10), Math.floor(((i + 1) * body.length) / 10)),
    );

    let signalled!: () => void;
    const shutdownStarted = new Promise<void>((resolve) => (signalled = resolve));
    // Expect: 100-continue makes the server confirm it has parsed the request before we signal it.
    let continued!: () => void;
    const serverHasRequest = new Promise<void>((resolve) => (continued = resolve));
    const response = new Promise<{ status: number; location?: string; setCookie: string[]; body: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: "127.0.0.1",
          port: server.port,
          method: "POST",
          path: "/resources/locale",
          agent: false,
          headers: {
            "Content-Type": "application/x-www-form-urlencoded",
            "Content-Length": body.length,
            Cookie: cookie,
            Expect: "100-continue",
          },
        },
        (res) => {
          let text = "";
          res.on("data", (chunk: Buffer) => (text += chunk.toString()));
          res.on("end", () =>
            resolve({
              status: res.statusCode ?? 0,
              location: res.headers.location,
              setCookie: res.headers["set-cookie"] ?? [],
              body: text,
            }),
          );
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      req.on("continue", async () => {
        req.write(chunks[0]);
        continued();
        await shutdownStarted;
        for (const chunk of chunks.slice(1)) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          req.write(chunk);
        }
        req.end();
      });
    });

    await serverHasRequest;
    const exitCode = server.stop("SIGTERM");
    await server.waitForLog((line) => String(line.msg).startsWith("shutting down"));

    const refused = await new Promise<string>((resolve) => {
      const socket = net.connect({ host: "127.0.0.1", port: server.port });
      socket.once("connect", () => {
        socket.destroy();
        resolve("connected");
      });
      socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
    });
    expect(refused).toBe("ECONNREFUSED");
    signalled();

    const res = await response;
    expect(res.status).toBe(302);
    expect(res.location).toBe("/");
    const lng = res.setCookie
      .find((c) => c.startsWith("lng="))
      ?.split(";")[0]
      .slice("lng=".length);
    expect(Buffer.from(decodeURIComponent(lng ?? ""), "base64").toString()).toBe('"es"');
    expect(await exitCode).toBe(0);
    expect(server.logs().some((line) => line.msg === "shutdown complete")).toBe(true);
  });
});
