import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { LoginPage, type Shell } from "./app.po";
import { launchBrowser, newAppContext, watchPageErrors } from "./browser";
import { type E2eServer, startE2eServer } from "./server";

/** A page in its own browser context (own cookies) with the errors it logged. */
export type AppPage = { page: Page; context: BrowserContext; errors: string[] };

/** What a spec file gets: the server's address, fresh pages on it, and a signed-in page. */
export type AppFixture = {
  baseUrl: () => string;
  newPage: () => Promise<AppPage>;
  /** A fresh page signed in through the login form, with the errors it logs. */
  signIn: (login: string, password: string) => Promise<{ shell: Shell; errors: string[] }>;
};

/** Starts one server (fresh demo database) and one browser for the spec file; stops both after it. */
export function setUpApp(): AppFixture {
  let server: E2eServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
    await browser?.close();
    await server?.stop();
  });

  const baseUrl = () => {
    if (!server) throw new Error("the server is not started");
    return server.baseUrl;
  };
  const newPage = async (): Promise<AppPage> => {
    if (!browser) throw new Error("the browser is not started");
    const context = await newAppContext(browser, baseUrl());
    contexts.push(context);
    const page = await context.newPage();
    return { page, context, errors: watchPageErrors(page) };
  };
  return {
    baseUrl,
    newPage,
    signIn: async (login, password) => {
      const { page, errors } = await newPage();
      await page.goto("/login");
      const shell = await new LoginPage(page).signIn(login, password);
      return { shell, errors };
    },
  };
}
