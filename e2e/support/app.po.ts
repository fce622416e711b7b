import type { Locator, Page } from "playwright-core";
import { z } from "zod";
import { waitForChart } from "./chart";
import { waitForRunJob } from "./runs";
import { until } from "./wait";

/** Words that must never reach a Russian user: leaked code values and untranslated UI. */
export const FORBIDDEN_TEXT =
  /\b(undefined|null|NaN|Error|Loading|Invalid|Not found|Unauthorized|Forbidden)\b/;

/** The foundation's sections in the side navigation. */
export const FOUNDATION_NAV = [
  "Обзор региона",
  "Муниципалитеты",
  "Мой муниципалитет",
  "Школы",
  "Моя школа",
  "Пользователи",
  "Журнал действий",
];

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

  /**
   * Labels of the foundation's navigation links, in order: other sections (data collection, analytics…) are
   * left out, so that adding a section does not break these specs.
   */
  async foundationNav(): Promise<string[]> {
    return (await this.navLabels()).filter((label) => FOUNDATION_NAV.includes(label));
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

/** The number of body rows of a table, once it has any. */
export async function countRows(table: Locator): Promise<number> {
  const rows = table.locator("tbody tr");
  await rows.first().waitFor();
  return rows.count();
}

/** Waits until a table has at least one body row and returns its rows. */
export async function tableRows(table: Locator): Promise<Locator> {
  const rows = table.locator("tbody tr");
  await rows.first().waitFor();
  return rows;
}

/** «Обзор региона»: the key figures, the chart and the municipality table. */
export class OverviewPage {
  constructor(readonly page: Page) {}

  /** The big number of a key figure card (`total-municipalities`, `total-schools`). */
  figure(testId: "total-municipalities" | "total-schools"): Locator {
    return this.page.getByTestId(`${testId}-value`);
  }

  get chart(): Locator {
    return this.page.getByTestId("schools-chart");
  }

  get municipalitiesTable(): Locator {
    return this.page.getByTestId("municipalities-table");
  }
}

/** The school browser (on «Школы» and on a municipality's page): filters, table, count, pagination. */
export class SchoolsBrowser {
  constructor(readonly page: Page) {}

  get table(): Locator {
    return this.page.getByTestId("schools-table");
  }

  get rows(): Locator {
    return this.table.locator("tbody tr");
  }

  /** «Найдено 11 школ» or «Показаны 1–50 из 367». */
  get total(): Locator {
    return this.page.getByTestId("schools-total");
  }

  get search(): Locator {
    return this.page.getByRole("textbox", { name: "Поиск школы" });
  }

  get pagination(): Locator {
    return this.page.getByRole("navigation", { name: "Страницы списка школ" });
  }

  /** Texts of one column of the current page (0-based column index). */
  async column(index: number): Promise<string[]> {
    await this.rows.first().waitFor();
    return this.rows.locator(`td:nth-child(${index + 1})`).allInnerTexts();
  }

  /**
   * Clicks a sortable column header until the table says it is sorted that way: each click is followed by a wait
   * for the header's sort state to change, then a second click flips it if it sorted the other way.
   */
  async sortBy(label: string, direction: "ascending" | "descending"): Promise<void> {
    const header = this.table.getByRole("columnheader", { name: label });
    for (let click = 0; click < 2; click++) {
      const before = await header.getAttribute("aria-sort");
      await header.getByRole("button").click();
      const after = await until(`the column «${label}» to change its sort`, async () => {
        const state = await header.getAttribute("aria-sort");
        return state === before ? undefined : state;
      });
      if (after === direction) return;
    }
    throw new Error(`the column «${label}» did not sort ${direction}`);
  }
}

/** A school card: title, passport fields. */
export class SchoolCard {
  constructor(readonly page: Page) {}

  get passport(): Locator {
    return this.page.getByTestId("school-passport");
  }

  /** The value under a passport label («Код», «Адрес»…). */
  field(label: string): Locator {
    return this.passport.getByTestId(`passport-${label}`);
  }
}

/** A number from Russian-formatted text: «1 234» → 1234. */
export function parseRuNumber(text: string): number {
  return Number(text.replace(/[\s\u00a0\u202f]/g, "").replace(",", "."));
}

/** A key figure (StatCard) inside `scope`, found by its exact label: the big number under it. */
export function statValue(scope: Locator, label: string): Locator {
  const card = scope
    .locator("div.mantine-Paper-root")
    .filter({ has: scope.page().locator("p").getByText(label, { exact: true }) })
    .last();
  return card.locator("p").nth(1);
}

/** «Идентификация»: the run form, the runs table and the selected run's view; the rule-set tab. */
export class IdentificationPage {
  constructor(readonly page: Page) {}

  /** Opens the page from the navigation and waits for its title. */
  async open(): Promise<void> {
    const nav = this.page.getByRole("navigation", { name: "Разделы" });
    await nav.getByRole("link", { name: "Идентификация", exact: true }).click();
    await this.title.waitFor();
  }

  get title(): Locator {
    return this.page.getByRole("heading", { level: 2, name: "Идентификация ШНРО и ШФНСУ" });
  }

  get year(): Locator {
    return this.page.getByTestId("run-year");
  }

  get start(): Locator {
    return this.page.getByTestId("run-start");
  }

  get runsTable(): Locator {
    return this.page.getByTestId("runs-table");
  }

  get runView(): Locator {
    return this.page.getByTestId("run-view");
  }

  get summary(): Locator {
    return this.page.getByTestId("run-summary");
  }

  get results(): Locator {
    return this.page.getByTestId("results-table");
  }

  /** «Показаны 1–25 из 78» under the filters, or «Нет школ по этому отбору». */
  get resultsTotalText(): Locator {
    return this.page.getByTestId("results-total");
  }

  /** How many schools the results filter matches, across pages (0 for «Нет школ по этому отбору»). */
  async resultsTotal(): Promise<number> {
    const text = await this.resultsTotalText.innerText();
    const total = /из\s+([\d\s\u00a0\u202f]+)$/.exec(text.trim())?.[1];
    return total === undefined ? 0 : parseRuNumber(total);
  }

  /** The pages of the results (present when they do not fit on one). */
  get resultsPagination(): Locator {
    return this.page.getByRole("navigation", { name: "Страницы результатов" });
  }

  /** The search by school name or code above the results. */
  get resultsSearch(): Locator {
    return this.page.getByTestId("results-search");
  }

  /** «Утвердить перечень»: the button, then the confirmation dialog's button; waits for the dialog to close. */
  async approve(): Promise<void> {
    await this.page.getByTestId("run-approve").click();
    const dialog = this.page.getByTestId("approve-dialog");
    await dialog.waitFor();
    await dialog.getByTestId("approve-confirm").click();
    await dialog.waitFor({ state: "detached" });
  }

  /** «Отозвать утверждение» with a reason; waits for the dialog to close. */
  async withdraw(reason: string): Promise<void> {
    await this.page.getByTestId("run-withdraw").click();
    const dialog = this.page.getByTestId("withdraw-dialog");
    await dialog.getByTestId("withdraw-reason").fill(reason);
    await dialog.getByTestId("withdraw-confirm").click();
    await dialog.waitFor({ state: "detached" });
  }

  /** The category badges of the results shown (data-category values). */
  async resultCategories(): Promise<string[]> {
    await this.results.locator("tbody tr").first().waitFor();
    return this.results
      .locator("[data-category]")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-category") ?? ""));
  }

  /** The progress bar of a run at work (the run is a job on the server). */
  get progress(): Locator {
    return this.page.getByTestId("run-progress");
  }

  /** Starts a run for a year with the form and returns the id of its job, as the server answered the start. */
  async startRun(year: number): Promise<number> {
    await this.year.fill(String(year));
    const started = this.page.waitForResponse(
      (res) =>
        res.request().method() === "POST" && new URL(res.url()).pathname === "/api/identification/runs",
    );
    await this.start.click();
    const res = await started;
    if (!res.ok()) throw new Error(`starting the run answered ${res.status()}: ${await res.text()}`);
    return z.object({ jobId: z.number() }).parse(await res.json()).jobId;
  }

  /**
   * Waits for a started run's job to finish (polling its state on the server, with the page's own session, up to
   * JOB_TIMEOUT), then for the page to open the new run with its progress bar gone; returns the run's id.
   */
  async waitForRun(jobId: number): Promise<number> {
    const runId = await waitForRunJob(jobId, async (path) => {
      const res = await this.page.request.get(path);
      if (!res.ok()) throw new Error(`GET ${path}: ${res.status()}`);
      return res.json();
    });
    try {
      await this.page
        .getByRole("heading", { level: 3, name: new RegExp(`^Запуск № ${runId} за `) })
        .waitFor();
      await this.progress.waitFor({ state: "detached" });
    } catch (error) {
      // What the page showed instead, for whoever reads the failure.
      await this.page
        .screenshot({ path: `test-artifacts/screenshots/run-${runId}-not-opened.png` })
        .catch(() => undefined);
      throw error;
    }
    return runId;
  }
}

/** «Категории школы по годам» on a school card. */
export class SchoolCategoriesSection {
  constructor(readonly page: Page) {}

  get section(): Locator {
    return this.page.getByTestId("school-categories");
  }

  get rows(): Locator {
    return this.section.locator("tbody tr");
  }

  /** Year and category code of each row, newest first. */
  async entries(): Promise<{ year: string; category: string }[]> {
    await this.rows.first().waitFor();
    return this.rows.evaluateAll((rows) =>
      rows.map((row) => ({
        year: row.querySelector("td")?.textContent?.trim() ?? "",
        category: row.querySelector("[data-category]")?.getAttribute("data-category") ?? "",
      })),
    );
  }
}

/** «Контекстная модель»: the choice of indicators, the figures, the scatter and the coefficients. */
export class ContextModelPage {
  constructor(readonly page: Page) {}

  get runButton(): Locator {
    return this.page.getByTestId("context-run");
  }

  get result(): Locator {
    return this.page.getByTestId("context-result");
  }

  get scatter(): Locator {
    return this.page.getByTestId("context-scatter");
  }

  get coefficients(): Locator {
    return this.page.getByTestId("coefficients-table");
  }

  /** The count in a group badge («Устойчивые: 12» → 12). */
  async quadrantCount(quadrant: string): Promise<number> {
    const text = await this.page.getByTestId(`quadrant-${quadrant}`).innerText();
    return parseRuNumber(text.split(":").pop() ?? "");
  }

  /**
   * Page coordinates of the centre of a scatter point drawn in `hex` (possibly half-transparent over
   * white), found by reading the chart's canvas pixels: a pixel whose 5×5 neighbourhood is all that
   * colour is inside one point, clear of overlaps and edges (the legend above the plot is skipped).
   * Null when no such point is drawn.
   */
  async pointOfColour(hex: string): Promise<{ x: number; y: number } | null> {
    await waitForChart(this.scatter);
    const canvas = this.scatter.locator("canvas").first();
    // Read the pixels in the same page task as the check that the drawing is finished and fits the chart: a
    // redraw (new data, a resize) that starts after the wait above is seen here, and the read is made again.
    const found = await until("the scatter to be drawn", () =>
      canvas.evaluate((el, colour) => {
        if (!(el instanceof HTMLCanvasElement)) return null;
        const container = el.closest("[data-rendered]");
        const isSettled =
          container instanceof HTMLElement &&
          container.dataset.rendered === "true" &&
          el.clientWidth === container.clientWidth &&
          el.clientHeight === container.clientHeight;
        if (!isSettled) return undefined;
        const ctx = el.getContext("2d");
        if (!ctx) return null;
        const target = [1, 3, 5].map((i) => Number.parseInt(colour.slice(i, i + 2), 16));
        const { data, width, height } = ctx.getImageData(0, 0, el.width, el.height);
        // A pixel is the colour blended over white with some opacity a ≥ 0,5: p = a·c + (1 − a)·255.
        const isColour = (x: number, y: number) => {
          const at = (y * width + x) * 4;
          const alphas = target.map((c, k) => (c === 255 ? null : (255 - (data[at + k] ?? 0)) / (255 - c)));
          const known = alphas.filter((a): a is number => a !== null);
          const a = known.reduce((sum, v) => sum + v, 0) / known.length;
          return a >= 0.5 && a <= 1.05 && known.every((v) => Math.abs(v - a) < 0.06);
        };
        // The legend's icons share the colours: skip the band above the plot (grid top = 48 px).
        const plotTop = Math.ceil(48 * (el.height / el.clientHeight));
        for (let y = plotTop; y < height - 2; y++) {
          for (let x = 2; x < width - 2; x++) {
            if (!isColour(x, y)) continue;
            let all = true;
            for (let dy = -2; dy <= 2 && all; dy++)
              for (let dx = -2; dx <= 2 && all; dx++) all = isColour(x + dx, y + dy);
            if (all) return { x: x / (el.width / el.clientWidth), y: y / (el.height / el.clientHeight) };
          }
        }
        return null;
      }, hex),
    );
    if (!found) return null;
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    if (!box) return null;
    return { x: box.x + found.x, y: box.y + found.y };
  }

  /** The chart's tooltip (ECharts writes it as HTML beside the canvas). */
  get tooltip(): Locator {
    return this.scatter.locator("div", { hasText: /\(\S+\)/ }).last();
  }
}

/** «Кластеры школ»: the run button, the figures, the profile chart and table. */
export class ClustersPage {
  constructor(readonly page: Page) {}

  get runButton(): Locator {
    return this.page.getByTestId("clusters-run");
  }

  get result(): Locator {
    return this.page.getByTestId("clusters-result");
  }

  get profiles(): Locator {
    return this.page.getByTestId("profiles-table");
  }

  get chart(): Locator {
    return this.page.getByTestId("profiles-chart");
  }
}

/** A Mantine Select that cannot be typed into: open it and click the option by its label. */
export async function chooseOption(page: Page, input: Locator, label: string): Promise<void> {
  await input.click();
  await page.getByRole("option", { name: label, exact: true }).first().click();
}

/** A school's data form for a year: state badge, fields by indicator code, buttons, banners, history. */
export class DataFormPage {
  constructor(readonly page: Page) {}

  get status(): Locator {
    return this.page.getByTestId("form-status").first();
  }

  /** The input of an indicator's field (number inputs carry the test id themselves). */
  field(code: string): Locator {
    return this.page.getByTestId(`field-${code}`);
  }

  button(name: string): Locator {
    return this.page.getByRole("button", { name, exact: true });
  }

  get returnMessage(): Locator {
    return this.page.getByTestId("return-message");
  }

  get history(): Locator {
    return this.page.getByTestId("form-history");
  }

  /** The list of value changes (entered, changed, cleared). */
  get changes(): Locator {
    return this.page.getByTestId("form-changes");
  }

  /** Waits for the state badge to read `label`. */
  async waitForStatus(label: string): Promise<void> {
    await this.page.getByTestId("form-status").filter({ hasText: label }).first().waitFor();
  }
}

/** «Сбор данных»: the progress table by municipality, the chosen municipality's schools, the chart. */
export class DashboardPage {
  constructor(readonly page: Page) {}

  get table(): Locator {
    return this.page.getByTestId("progress-table");
  }

  get schools(): Locator {
    return this.page.getByTestId("school-forms");
  }

  /** One municipality's row as numbers: total, draft, returned, submitted, approved, accepted. */
  async row(municipality: string): Promise<{
    total: number;
    draft: number;
    returned: number;
    submitted: number;
    approved: number;
    accepted: number;
  }> {
    const cells = await this.table
      .locator("tbody tr")
      .filter({ has: this.page.getByRole("cell", { name: municipality, exact: true }) })
      .locator("td")
      .allInnerTexts();
    const [total, draft, returned, submitted, approved, accepted] = cells.slice(1, 7).map(parseRuNumber);
    return {
      total: total ?? Number.NaN,
      draft: draft ?? Number.NaN,
      returned: returned ?? Number.NaN,
      submitted: submitted ?? Number.NaN,
      approved: approved ?? Number.NaN,
      accepted: accepted ?? Number.NaN,
    };
  }
}
