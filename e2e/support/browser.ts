import { mkdir } from "node:fs/promises";
import path from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { waitForAllCharts } from "./chart";
import { STEP_TIMEOUT } from "./wait";

/** Debian's Chromium; the tests never download a browser. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

const SCREENSHOT_DIR = path.resolve(import.meta.dirname, "../../test-artifacts/screenshots");

/** Launches headless Chromium with the flags a container needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/**
 * A fresh browser context (own cookies) on the app. The browser's time zone is UTC on purpose: the app must
 * still show Moscow time. Every wait of Playwright (an element, a navigation) gives up only after STEP_TIMEOUT:
 * on a busy machine a page can take many seconds to answer.
 */
export async function newAppContext(browser: Browser, baseUrl: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1440, height: 900 },
    locale: "ru-RU",
    timezoneId: "UTC",
  });
  context.setDefaultTimeout(STEP_TIMEOUT);
  context.setDefaultNavigationTimeout(STEP_TIMEOUT);
  return context;
}

/** Collects uncaught page errors and console errors so that a spec can assert there were none. */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const text = message.text();
    // Expected answers the app handles itself (sign-in with a wrong password, a school out of scope...).
    if (/Failed to load resource: the server responded with a status of (401|403|404|429)/.test(text)) return;
    errors.push(`console: ${text}`);
  });
  return errors;
}

/** Saves a full-page screenshot as test-artifacts/screenshots/<who>-<what>.png. */
export async function saveScreenshot(page: Page, who: string, what: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${who}-${what}.png`.replace(/[^\w.-]+/g, "_"));
  await page.evaluate(() => document.fonts.ready);
  // A viewport as tall as the page, rather than `fullPage`, so that the fixed header and navigation are drawn
  // the way a user sees them, not cut at the first screen.
  const viewport = page.viewportSize() ?? { width: 1440, height: 900 };
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({
    width: viewport.width,
    height: Math.min(Math.max(viewport.height, height), 8000),
  });
  // The charts redraw when the viewport changes: shoot once every one has finished at its new size.
  await waitForAllCharts(page);
  await page.screenshot({ path: file, animations: "disabled" });
  await page.setViewportSize(viewport);
  return file;
}
