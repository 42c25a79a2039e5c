// axe-core needs script execution in the page. In the no-JavaScript project the same URL is
// opened in a JavaScript-enabled context with the same cookies, and analysed there.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

/** `exclude`: selectors axe skips, e.g. a sandboxed frame of third-party content where it cannot run. */
export async function expectNoSeriousA11yViolations(page: Page, { exclude = [] }: { exclude?: string[] } = {}) {
  const context = page.context();
  const browser = context.browser();
  let target = page;
  let extra: Awaited<ReturnType<NonNullable<typeof browser>["newContext"]>> | undefined;
  const jsEnabled = test.info().project.use.javaScriptEnabled !== false;
  if (!jsEnabled && browser) {
    extra = await browser.newContext({ javaScriptEnabled: true, storageState: await context.storageState() });
    target = await extra.newPage();
    await target.goto(page.url());
  }
  try {
    const builder = new AxeBuilder({ page: target });
    for (const selector of exclude) builder.exclude(selector);
    const results = await builder.analyze();
    const serious = results.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => ({
        id: violation.id,
        help: violation.help,
        nodes: violation.nodes.map((node) => node.target.join(" ")),
      }));
    expect(serious).toEqual([]);
  } finally {
    await extra?.close();
  }
}
