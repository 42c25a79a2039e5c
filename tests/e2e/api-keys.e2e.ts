// API keys end to end: create a key in the account area, see it once, call the API with it,
// revoke it; and the API reference page renders accessibly. Runs with JavaScript off and on.
import { expect, test } from "@playwright/test";
import { createUser } from "../fixtures/db";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { loginAs } from "./support/login";

test("a user creates an API key, sees it once, uses it, then revokes it", async ({ page }) => {
  const user = await createUser({ name: "Key Maker" });
  await loginAs(page, user.email, user.password, { redirectTo: "/account/security/api-keys" });
  await expect(page.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();
  await expect(page.getByText("No API keys yet.")).toBeVisible();
  await expect(page.getByRole("checkbox", { name: /users:read/ })).toHaveCount(0);

  await page.getByLabel("Name", { exact: true }).fill("E2E script");
  await page.getByRole("checkbox", { name: /me:read/ }).check();
  await page.getByRole("button", { name: "Create key" }).click();

  const keyField = page.getByRole("textbox", { name: "New API key" });
  await expect(keyField).toHaveValue(/^vk_live_[0-9A-Za-z]{8}_[0-9A-Za-z]{43}$/);
  await expect(page.getByText("it will not be shown again")).toBeVisible();
  const key = await keyField.inputValue();

  const me = await page.request.get("/api/v1/me", { headers: { Authorization: `Bearer ${key}` } });
  expect(me.status()).toBe(200);
  expect(me.headers()["ratelimit-limit"]).toBeTruthy();
  const body = await me.json();
  expect(body.user.email).toBe(user.email);
  expect(body.api_key.scopes).toEqual(["me:read"]);

  await page.goto("/account/security/api-keys");
  await expect(page.getByRole("textbox", { name: "New API key" })).toHaveCount(0);
  expect(await page.content()).not.toContain(key);
  const row = page.getByRole("row", { name: /E2E script/ });
  await expect(row).toContainText(key.slice(0, 16));
  await expect(row).toContainText("Active");

  await row.getByRole("button", { name: "Revoke key E2E script" }).click();
  await expect(page.getByRole("row", { name: /E2E script/ })).toContainText("Revoked");
  await expect(page.getByRole("row", { name: /E2E script/ }).getByRole("button")).toHaveCount(0);

  const refused = await page.request.get("/api/v1/me", { headers: { Authorization: `Bearer ${key}` } });
  expect(refused.status()).toBe(401);
  expect(refused.headers()["content-type"]).toBe("application/problem+json");
  expect(refused.headers()["www-authenticate"]).toContain("Bearer");
  expect((await refused.json()).title).toBe("Unauthorized");
});

test("unknown API paths are 404 problems, not the HTML page", async ({ page }) => {
  const response = await page.request.get("/api/v1/does-not-exist");
  expect(response.status()).toBe(404);
  expect(response.headers()["content-type"]).toBe("application/problem+json");
  const post = await page.request.post("/api/v1/me", { data: {} });
  expect(post.status()).toBe(405);
  expect(post.headers()["allow"]).toBe("GET, HEAD, OPTIONS");
});

test("the API reference renders from the OpenAPI document, in the public layout, accessibly", async ({ page }) => {
  await page.goto("/api/docs");
  await expect(page.getByRole("heading", { level: 1, name: "API documentation" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeAttached();
  for (const path of ["/api/v1/me", "/api/v1/users", "/api/v1/users/{userId}"]) {
    await expect(
      page.getByRole("heading", { level: 3, name: new RegExp(`^GET ${path.replace(/[{}/]/g, "\\$&")} —`) }),
    ).toBeVisible();
  }
  await expect(page.getByRole("table", { name: "Scopes" })).toContainText("users:read");
  await expect(page.getByRole("table", { name: "Scopes" })).toContainText("update:user:any");
  for (const [method, path] of [
    ["POST", "/api/v1/users"],
    ["PATCH", "/api/v1/users/{userId}"],
  ]) {
    await expect(
      page.getByRole("heading", { level: 3, name: new RegExp(`^${method} ${path.replace(/[{}/]/g, "\\$&")} —`) }),
    ).toBeVisible();
  }
  for (const convention of ["Filtering and fields", "Conditional requests (ETags)", "Idempotency"]) {
    await expect(page.getByRole("heading", { level: 2, name: convention })).toBeVisible();
  }
  await expect(page.locator("#problem-insufficient-scope")).toContainText("403");
  await expect(page.getByText('--header "Authorization: Bearer $VERSO_API_KEY"').first()).toBeVisible();
  await expect(page.locator("#schema-User")).toContainText("created_at");
  const openapi = await page.request.get("/api/v1/openapi.json");
  expect((await openapi.json()).openapi).toBe("3.1.0");
  await expectNoSeriousA11yViolations(page);
});
