import type { Locator, Page } from "playwright-core";

/** Words that must never reach a Russian user: leaked code values and untranslated UI. */
export const FORBIDDEN_TEXT =
  /\b(undefined|null|NaN|Error|Loading|Invalid|Not found|Unauthorized|Forbidden)\b/;

/** The sign-in page. */
export class LoginPage {
  constructor(readonly page: Page) {}

  /** Opens /login. */
  async goto(): Promise<void> {
    await this.page.goto("/login");
    await this.page.getByRole("button", { name: "Войти" }).waitFor();
  }

  /** Fills the form and submits it, without waiting for the result. */
  async submit(login: string, password: string): Promise<void> {
    await this.page.getByLabel("Логин").fill(login);
    await this.page.getByLabel("Пароль", { exact: true }).fill(password);
    await this.page.getByRole("button", { name: "Войти" }).click();
  }

  /** Signs in and waits for the shell. */
  async signIn(login: string, password: string): Promise<Shell> {
    await this.submit(login, password);
    const shell = new Shell(this.page);
    await shell.userName.waitFor();
    return shell;
  }

  /** The server's error message under the form title. */
  get error(): Locator {
    return this.page.getByTestId("login-error");
  }

  /** The demo accounts box (only on a demo installation). */
  get demoBox(): Locator {
    return this.page.getByTestId("demo-sign-ins");
  }
}

/** The frame of signed-in pages: header, navigation, demo banner. */
export class Shell {
  constructor(readonly page: Page) {}

  get userName(): Locator {
    return this.page.getByTestId("shell-user-name");
  }

  get userRole(): Locator {
    return this.page.getByTestId("shell-user-role");
  }

  get demoBanner(): Locator {
    return this.page.getByTestId("demo-banner");
  }

  get navigation(): Locator {
    return this.page.getByRole("navigation", { name: "Разделы" });
  }

  /** Labels of the navigation links, in order. */
  async navLabels(): Promise<string[]> {
    return (await this.navigation.getByRole("link").allInnerTexts()).map((s) => s.trim());
  }

  /** Opens a section from the navigation and waits for its title. */
  async open(label: string): Promise<void> {
    await this.navigation.getByRole("link", { name: label, exact: true }).click();
    await this.heading(label).waitFor();
  }

  /** The page's main title (h2). */
  heading(name: string): Locator {
    return this.page.getByRole("heading", { level: 2, name, exact: true });
  }

  /** The visible text of the main area, to look for leaked English or code values. */
  async mainText(): Promise<string> {
    return this.page.locator("main").innerText();
  }

  /** A message shown in place of page content (no access, not found). */
  get message(): Locator {
    return this.page.getByTestId("message-page");
  }

  /** Signs out and waits for the sign-in page. */
  async signOut(): Promise<void> {
    await this.page.getByRole("button", { name: "Выйти" }).click();
    await this.page.getByRole("button", { name: "Войти" }).waitFor();
  }
}

/** A Mantine Select or MultiSelect: type to filter, pick the option by its label. */
export async function pickOption(page: Page, input: Locator, label: string): Promise<void> {
  await input.click();
  await input.fill(label);
  await page.getByRole("option", { name: label, exact: true }).first().click();
}

/** Waits until a table has at least one body row and returns its rows. */
export async function tableRows(table: Locator): Promise<Locator> {
  const rows = table.locator("tbody tr");
  await rows.first().waitFor();
  return rows;
}
