// The production web process raises the request body limit only on the two catalogue upload
// paths (image: 11 MB, digital file: 51 MB, i.e. the file limit plus 1 MB of multipart envelope);
// every other path keeps BODY_LIMIT_BYTES.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request, startServer, type RunningServer } from "./server-harness";

const BODY_LIMIT = 64 * 1024;
let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ BODY_LIMIT_BYTES: String(BODY_LIMIT) });
}, 360_000);

afterAll(async () => {
  await server?.stop();
});

const form = { "Content-Type": "application/x-www-form-urlencoded" };
const oversized = (bytes: number) =>
  request(server, "/admin/shop/products/p1/images", { method: "POST", headers: { ...form, "Content-Length": bytes } }).catch(
    (error: Error) => ({
      status: -1,
      body: error.message,
    }),
  );

describe("upload body limits", () => {
  it("lets a body over BODY_LIMIT_BYTES reach the image and file upload routes", async () => {
    const body = `intent=upload&pad=${"x".repeat(BODY_LIMIT + 1000)}`;
    for (const path of ["/admin/shop/products/p1/images", "/admin/shop/products/p1/file"]) {
      const res = await request(server, path, { method: "POST", headers: form, body });
      expect(res.status).not.toBe(413);
    }
  });

  it("keeps BODY_LIMIT_BYTES on the product form itself", async () => {
    const res = await request(server, "/admin/shop/products/p1", {
      method: "POST",
      headers: form,
      body: `pad=${"x".repeat(BODY_LIMIT + 1000)}`,
    });
    expect(res.status).toBe(413);
  });

  it("refuses an image upload over 11 MB and a file upload over 51 MB before reading them", async () => {
    expect((await oversized(11 * 1024 * 1024 + 1)).status).toBe(413);
    const file = await request(server, "/admin/shop/products/p1/file", {
      method: "POST",
      headers: { ...form, "Content-Length": 51 * 1024 * 1024 + 1 },
    }).catch((error: Error) => ({ status: -1, body: error.message }));
    expect(file.status).toBe(413);
  });
});
