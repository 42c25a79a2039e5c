import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/a11y";

test("home page renders in the public layout with a skip link and no serious a11y violations", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Run your whole business from one place");
  await expect(page).toHaveTitle("Verso — run your whole business from one place");
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /self-hosted platform/);
  await expect(page.getByRole("link", { name: "Skip to content" })).toHaveAttribute("href", "#main");
  await expect(page.getByRole("main")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("the language switcher is a plain form and switches to Spanish", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Language").selectOption("es");
  await page.getByRole("button", { name: "Change" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gestiona todo tu negocio desde un solo lugar");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page).toHaveTitle("Verso — gestiona todo tu negocio desde un solo lugar");
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /autoalojada/);
});

test("an unknown page is a 404 inside the layout", async ({ page }) => {
  const response = await page.goto("/this-page-does-not-exist");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeAttached();
});
