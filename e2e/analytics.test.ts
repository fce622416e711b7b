import { describe, expect, it } from "vitest";
import { z } from "zod";
import { apiCookie, apiGet, findSchoolByCode } from "./support/api";
import {
  ClustersPage,
  ContextModelPage,
  chooseOption,
  countRows,
  FORBIDDEN_TEXT,
  IdentificationPage,
  parseRuNumber,
  pickOption,
  SchoolCard,
  SchoolCategoriesSection,
  type Shell,
  statValue,
} from "./support/app.po";
import { saveScreenshot } from "./support/browser";
import { waitForChart } from "./support/chart";
import { setUpApp } from "./support/fixture";
import { findOrRunIdentification, runSchema } from "./support/runs";

const app = setUpApp();

/** The demo region: 27 municipalities, 367 schools, values for 2023–2025. */
const MUNICIPALITIES = 27;
const SCHOOLS = 367;
const DOROGOBUZH_SCHOOLS = 11;

const resultSchema = z.object({
  schoolCode: z.string(),
  municipalityName: z.string(),
  category: z.string(),
  reasons: z.array(z.string()),
});

/** GET through the API as a given user (to check what the page shows against the server's own figures). */
function apiGetAs<T>(cookie: string, path: string, schema: z.ZodType<T>): Promise<T> {
  return apiGet(app.baseUrl(), cookie, path, schema);
}

const signIn = app.signIn;

async function expectClean(shell: Shell): Promise<void> {
  expect(await shell.mainText()).not.toMatch(FORBIDDEN_TEXT);
}

// The specs share one server, but none relies on another having run: each signs in on its own and makes or finds
// the runs it reads (support/runs.ts), so that any one of them passes alone (`-t`).
describe("identification", () => {
  it("analyst runs 2025: counts by category, municipality summary, reasons, filters, approval; a МОЦ sees only its municipality, only once approved", async () => {
    const { shell, errors } = await signIn("analyst", "demo-analyst");
    const { page } = shell;
    const ident = new IdentificationPage(page);
    await ident.open();
    const jobId = await ident.startRun(2025);
    // The run is a job: a progress bar (stage, schools done of total) until it is done.
    if (await ident.progress.isVisible()) await saveScreenshot(page, "analyst", "identification-progress");
    const runId = await ident.waitForRun(jobId);

    const analyst = await apiCookie(app.baseUrl(), "analyst", "demo-analyst");
    const run = await apiGetAs(analyst, `/api/identification/runs/${runId}`, runSchema);
    expect(run.year).toBe(2025);
    expect(run.status).toBe("done");
    expect(run.counts.schools).toBe(SCHOOLS);
    // The demo is built so that the programme catches some schools, not none and not all.
    expect(run.counts.flagged).toBeGreaterThan(10);
    expect(run.counts.flagged).toBeLessThan(SCHOOLS / 2);

    // The figures on the page are the run's counts.
    const view = ident.runView;
    expect(parseRuNumber(await statValue(view, "Школ").innerText())).toBe(SCHOOLS);
    expect(parseRuNumber(await statValue(view, "ШНРО").innerText())).toBe(run.counts.shnro);
    expect(parseRuNumber(await statValue(view, "ШФНСУ").innerText())).toBe(run.counts.shfnsu);
    expect(parseRuNumber(await statValue(view, "ШНРО и ШФНСУ").innerText())).toBe(run.counts.both);
    const ruralShare = await page.getByTestId("run-rural-share-value").innerText();
    expect(ruralShare).toMatch(/^\d+(,\d+)?\s?%$/);
    // Seeds 001/003: about 70 % of ШНРО and ШФНСУ are rural (65 % of the region's schools are).
    expect(parseRuNumber(ruralShare.replace("%", ""))).toBeGreaterThan(65);
    expect(parseRuNumber(ruralShare.replace("%", ""))).toBeLessThan(85);
    const runRow = ident.runsTable.locator(`tr[data-run-id="${run.id}"]`);
    expect(await runRow.innerText()).toContain("не утверждён");

    // The municipality summary: every municipality, its school counts adding up to the region.
    expect(await countRows(ident.summary)).toBe(MUNICIPALITIES);
    const perMunicipality = (await ident.summary.locator("tbody tr td:nth-child(2)").allInnerTexts()).map(
      parseRuNumber,
    );
    expect(perMunicipality.reduce((a, b) => a + b, 0)).toBe(SCHOOLS);

    // Results: ШНРО only, each with at least one plain-Russian reason carrying a figure.
    await chooseOption(page, page.getByTestId("results-category"), "ШНРО");
    await expect.poll(async () => new Set(await ident.resultCategories())).toEqual(new Set(["shnro"]));
    // The results are paged on the server: the total under the filters counts every page.
    await expect.poll(() => ident.resultsTotal()).toBe(run.counts.shnro);
    const firstReasons = ident.results.locator("tbody tr").first().locator("li");
    expect(await firstReasons.count()).toBeGreaterThan(0);
    expect(await firstReasons.first().innerText()).toMatch(/[а-яё].*\d/);

    // ШНРО or ШФНСУ in one municipality.
    await chooseOption(page, page.getByTestId("results-category"), "ШНРО или ШФНСУ");
    await pickOption(page, page.getByTestId("results-municipality"), "Дорогобужский район");
    await expect
      .poll(async () => new Set(await ident.results.locator("tbody tr td:nth-child(2)").allInnerTexts()))
      .toEqual(new Set(["Дорогобужский район"]));
    const dorogobuzhFlagged = await ident.results.locator("tbody tr").count();
    expect(dorogobuzhFlagged).toBeGreaterThan(0);
    for (const category of await ident.resultCategories()) {
      expect(["shnro", "shfnsu", "both"]).toContain(category);
    }
    await expectClean(shell);
    await saveScreenshot(page, "analyst", "identification");

    // Before approval a МОЦ coordinator does not see the run (on a fresh server: no run at all).
    const moc = await signIn("moc.dorogobuzh", "demo-moc");
    const mocCookie = await apiCookie(app.baseUrl(), "moc.dorogobuzh", "demo-moc");
    const mocRuns = await apiGetAs(mocCookie, "/api/identification/runs", z.array(runSchema));
    expect(mocRuns.map((r) => r.id)).not.toContain(run.id);
    const mocIdent = new IdentificationPage(moc.shell.page);
    await mocIdent.open();
    await mocIdent.runsTable.or(moc.shell.page.getByText("Запусков пока нет")).first().waitFor();
    expect(await mocIdent.runsTable.locator(`tr[data-run-id="${run.id}"]`).count()).toBe(0);
    expect(await moc.shell.page.getByTestId("run-start").count()).toBe(0);
    await saveScreenshot(moc.shell.page, "moc", "identification-before-approval");

    await ident.approve();
    await expect.poll(() => runRow.innerText()).not.toContain("не утверждён");
    expect(await runRow.innerText()).toContain("утверждён");
    await page.getByRole("link", { name: "Приложение к приказу (DOCX)" }).waitFor();
    expect(await page.getByTestId("run-approve").count()).toBe(0);

    // After approval: the МОЦ sees the run with its municipality's figures and rows only.
    await moc.shell.page.reload();
    await mocIdent.runsTable.locator(`tr[data-run-id="${run.id}"]`).click();
    await mocIdent.runView
      .getByRole("heading", { level: 3, name: new RegExp(`^Запуск № ${run.id} за `) })
      .waitFor();
    const mocPage = moc.shell.page;
    expect(parseRuNumber(await statValue(mocIdent.runView, "Школ").innerText())).toBe(DOROGOBUZH_SCHOOLS);
    expect(await mocIdent.summary.count()).toBe(0);
    // By default the identified schools; every school of the municipality on asking.
    await countRows(mocIdent.results);
    await chooseOption(mocPage, mocPage.getByTestId("results-category"), "Все школы");
    await expect.poll(() => mocIdent.resultsTotal()).toBe(DOROGOBUZH_SCHOOLS);
    expect(await countRows(mocIdent.results)).toBe(DOROGOBUZH_SCHOOLS);
    expect(new Set(await mocIdent.results.locator("tbody tr td:nth-child(2)").allInnerTexts())).toEqual(
      new Set(["Дорогобужский район"]),
    );
    const mocFlagged = (await mocIdent.resultCategories()).filter((c) => c !== "none").length;
    expect(mocFlagged).toBe(dorogobuzhFlagged);
    expect(await mocPage.getByTestId("run-approve").count()).toBe(0);
    expect(await mocIdent.runView.innerText()).not.toContain("г. Смоленск");
    await expectClean(moc.shell);
    await saveScreenshot(mocPage, "moc", "identification");
    expect(errors).toEqual([]);
    expect(moc.errors).toEqual([]);
  });

  it("the rule-set editor, as a form or as JSON, previews how many schools each criterion catches, live, and flags invalid text; a set is created and deleted", async () => {
    const { shell, errors } = await signIn("analyst", "demo-analyst");
    const { page } = shell;
    const ident = new IdentificationPage(page);
    await ident.open();
    await page.getByTestId("tab-rules").click();
    const table = page.getByTestId("rule-sets-table");
    expect(await countRows(table)).toBeGreaterThanOrEqual(3);
    await table.getByText("Смоленская модель: ШНРО", { exact: true }).click();

    // The form: the set's five criteria, each with how many schools it catches, as in the preview table.
    const form = page.getByTestId("rule-set-form");
    await expect.poll(() => page.getByTestId("rule-form-name").inputValue()).toBe("Смоленская модель: ШНРО");
    expect(await form.getByTestId("rule-form-criterion").count()).toBe(5);
    const preview = page.getByTestId("rule-set-preview");
    await preview.waitFor();
    const mathRow = preview.locator('tr[data-criterion="ege_math_fail"]');
    const metBefore = Number(await mathRow.locator("td").nth(1).innerText());
    expect(metBefore).toBeGreaterThan(0);
    const mathCard = form.locator('[data-criterion="ege_math_fail"]');
    expect(
      parseRuNumber((await mathCard.getByTestId("rule-form-met").innerText()).replace(/\D+/g, " ").trim()),
    ).toBe(metBefore);
    await saveScreenshot(page, "analyst", "rule-sets");

    // A threshold no school can reach, typed in the form: the criterion catches nobody.
    const threshold = mathCard.getByTestId("rule-form-value");
    await threshold.fill("1,01");
    await expect.poll(async () => Number(await mathRow.locator("td").nth(1).innerText())).toBe(0);

    // The same definition as JSON; broken text gives a Russian warning, and saving is not offered.
    await page.getByTestId("rule-set-tab-json").click();
    const editor = page.getByTestId("rule-set-json");
    expect(await editor.inputValue()).toContain('"value": 1.01');
    await editor.fill("{ not json");
    await page.getByText(/^Не JSON:/).waitFor();
    expect(await page.getByTestId("rule-set-save").isDisabled()).toBe(true);
    await saveScreenshot(page, "analyst", "rule-set-invalid");
    await page.getByTestId("rule-set-tab-form").click();
    await page.getByText("не читается как JSON").waitFor();

    // A new rule set from the template is created, then deleted after a confirmation.
    const before = await countRows(table);
    await page.getByTestId("rule-set-new").click();
    await expect.poll(() => page.getByTestId("rule-form-name").inputValue()).toBe("Новый набор правил");
    await page.getByTestId("rule-form-name").fill("Проверочный набор");
    await page.getByTestId("rule-set-save").click();
    await expect.poll(() => countRows(table)).toBe(before + 1);
    expect(await table.innerText()).toContain("Проверочный набор");
    await page.getByTestId("rule-set-delete").click();
    const dialog = page.getByRole("dialog", { name: "Удалить набор правил?" });
    await dialog.getByText("Прошедшие запуски сохранят свою копию правил").waitFor();
    await saveScreenshot(page, "analyst", "rule-set-delete");
    await dialog.getByRole("button", { name: "Удалить набор" }).click();
    await expect.poll(() => countRows(table)).toBe(before);
    expect(await table.innerText()).not.toContain("Проверочный набор");
    expect(await page.getByTestId("rule-set-editor").count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it("the school card shows the school's categories by year; a МОЦ sees only approved runs", async () => {
    const analyst = await apiCookie(app.baseUrl(), "analyst", "demo-analyst");
    // Setup through the API (or the runs an earlier spec left): 2025 and 2024 approved, 2023 left unapproved.
    const base = app.baseUrl();
    const run2025 = await findOrRunIdentification(base, analyst, { year: 2025, status: "approved" });
    await findOrRunIdentification(base, analyst, { year: 2024, status: "approved" });
    await findOrRunIdentification(base, analyst, { year: 2023, status: "done" });
    const { items: flagged } = await apiGetAs(
      analyst,
      `/api/identification/runs/${run2025.id}/results?category=flagged&pageSize=200`,
      z.object({ items: z.array(resultSchema) }),
    );
    const target = flagged.find((r) => r.municipalityName === "Дорогобужский район");
    if (!target) throw new Error("no flagged school in Дорогобужский район");
    const school = await findSchoolByCode(app.baseUrl(), analyst, target.schoolCode);

    const { shell, errors } = await signIn("analyst", "demo-analyst");
    await shell.page.goto(`/schools/${school.id}`);
    await new SchoolCard(shell.page).passport.waitFor();
    const section = new SchoolCategoriesSection(shell.page);
    const entries = await section.entries();
    expect(entries.map((e) => e.year)).toEqual(["2025", "2024", "2023"]);
    expect(entries[0]?.category).toBe(target.category);
    // The 2025 reasons on the card are the run's reasons.
    const reasons2025 = await section.rows.first().locator("li").allInnerTexts();
    expect(reasons2025).toEqual(target.reasons);
    // The unapproved 2023 run is marked as such for the analyst.
    expect(await section.rows.nth(2).innerText()).toContain("не утверждён");
    await expectClean(shell);
    await saveScreenshot(shell.page, "analyst", "school-categories");

    const moc = await signIn("moc.dorogobuzh", "demo-moc");
    await moc.shell.page.goto(`/schools/${school.id}`);
    const mocSection = new SchoolCategoriesSection(moc.shell.page);
    expect((await mocSection.entries()).map((e) => e.year)).toEqual(["2025", "2024"]);
    expect(await mocSection.section.innerText()).not.toContain("не утверждён");
    await saveScreenshot(moc.shell.page, "moc", "school-categories");

    // A director sees their own school's verdicts from approved runs.
    const director = await signIn("director.67-133", "demo-director");
    await new SchoolCard(director.shell.page).passport.waitFor();
    const own = new SchoolCategoriesSection(director.shell.page);
    expect((await own.entries()).map((e) => e.year)).toEqual(["2025", "2024"]);
    await expectClean(director.shell);
    await saveScreenshot(director.shell.page, "director", "school-categories");
    expect([...errors, ...moc.errors, ...director.errors]).toEqual([]);
  });
});

describe("contextual model and clusters", () => {
  it("analyst fits the context model: figures, groups adding up, a drawn scatter, coefficients with the intercept", async () => {
    const { shell, errors } = await signIn("analyst", "demo-analyst");
    const { page } = shell;
    await shell.open("Контекстная модель");
    const model = new ContextModelPage(page);
    await page.getByText("Выберите показатель результата").waitFor();
    await model.runButton.click();
    await model.result.waitFor();

    const n = parseRuNumber(await statValue(model.result, "Школ в модели").innerText());
    const excluded = parseRuNumber(await statValue(model.result, "Исключено (нет данных)").innerText());
    expect(n).toBeGreaterThan(100);
    expect(n + excluded).toBe(SCHOOLS);
    const r2 = parseRuNumber(await statValue(model.result, "R² (доля объяснённой дисперсии)").innerText());
    // The demo links context to results: a real but imperfect fit.
    expect(r2).toBeGreaterThan(0.05);
    expect(r2).toBeLessThan(1);

    const groups = await Promise.all(
      ["low_result_hard_context", "underperforming", "resilient", "other"].map((q) => model.quadrantCount(q)),
    );
    expect(groups.reduce((a, b) => a + b, 0)).toBe(n);
    expect(groups[2]).toBeGreaterThan(0);

    // ECharts draws on a canvas: the canvas is there and sized.
    const canvas = model.scatter.locator("canvas").first();
    await canvas.waitFor();
    const box = await canvas.boundingBox();
    expect(box?.width).toBeGreaterThan(400);
    expect(box?.height).toBeGreaterThan(300);
    expect(await model.scatter.innerText()).toContain("Контекст и результат");

    const terms = await model.coefficients.locator("tbody tr td:first-child").allInnerTexts();
    expect(terms).toHaveLength(4);
    expect(terms.slice(1)).toEqual(expect.arrayContaining([expect.stringMatching(/высшее образование/i)]));
    await expectClean(shell);
    await saveScreenshot(page, "analyst", "context-model");

    // A resilient school's point: hovering names it, clicking opens its card. (No screenshot in between:
    // it resizes the viewport, which redraws the chart and hides the tooltip.)
    const point = await model.pointOfColour("#2f9e44");
    if (!point) throw new Error("no resilient point found on the scatter");
    await page.mouse.move(point.x - 20, point.y - 20);
    await page.mouse.move(point.x, point.y, { steps: 5 });
    await expect.poll(() => model.tooltip.innerText()).toContain("Устойчивая школа");
    const code = /\((\S+)\)/.exec(await model.tooltip.innerText())?.[1];
    if (!code) throw new Error("the tooltip names no school code");
    await page.mouse.click(point.x, point.y);
    await page.waitForURL(/\/schools\/\d+$/);
    const card = new SchoolCard(page);
    await card.passport.waitFor();
    expect(await card.field("Код").innerText()).toBe(code);
    expect(errors).toEqual([]);
  });

  it("a МОЦ coordinator sees the region's model with only its municipality's schools", async () => {
    const { shell, errors } = await signIn("moc.dorogobuzh", "demo-moc");
    const { page } = shell;
    await shell.open("Контекстная модель");
    const model = new ContextModelPage(page);
    await model.runButton.click();
    await model.result.waitFor();
    await page.getByText("Показаны школы вашего муниципалитета").waitFor();
    const groups = await Promise.all(
      ["low_result_hard_context", "underperforming", "resilient", "other"].map((q) => model.quadrantCount(q)),
    );
    const shown = groups.reduce((a, b) => a + b, 0);
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThanOrEqual(DOROGOBUZH_SCHOOLS);
    // The model itself is the region's: many more schools than the municipality has.
    expect(parseRuNumber(await statValue(model.result, "Школ в модели").innerText())).toBeGreaterThan(
      DOROGOBUZH_SCHOOLS,
    );
    await saveScreenshot(page, "moc", "context-model");
    expect(errors).toEqual([]);
  });

  it("analyst clusters the schools by social conditions: profiles sized to the region, shares from the 2025 run", async () => {
    const analyst = await apiCookie(app.baseUrl(), "analyst", "demo-analyst");
    await findOrRunIdentification(app.baseUrl(), analyst, { year: 2025 });
    const { shell, errors } = await signIn("analyst", "demo-analyst");
    const { page } = shell;
    await shell.open("Кластеры школ");
    const clusters = new ClustersPage(page);
    await page.getByText("Выберите показатели и год").waitFor();
    await clusters.runButton.click();
    await clusters.result.waitFor();

    const k = parseRuNumber(await statValue(clusters.result, "Кластеров").innerText());
    expect(k).toBeGreaterThanOrEqual(2);
    expect(await countRows(clusters.profiles)).toBe(k);
    const clustered = parseRuNumber(await statValue(clusters.result, "Школ распределено").innerText());
    const excluded = parseRuNumber(await statValue(clusters.result, "Исключено (нет данных)").innerText());
    expect(clustered + excluded).toBe(SCHOOLS);
    const sizes = (await clusters.profiles.locator("tbody tr td:nth-child(2)").allInnerTexts()).map((s) =>
      parseRuNumber(s.split("(")[0] ?? ""),
    );
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(clustered);
    // A 2025 identification run exists (made above if no spec made one), so the ШНРО shares are figures.
    const shnroShares = await clusters.profiles.locator("tbody tr td:nth-child(3)").allInnerTexts();
    for (const share of shnroShares) expect(share).toMatch(/%/);
    await page.getByText(/^Доли ШНРО и ШФНСУ: /).waitFor();
    const silhouette = parseRuNumber(await statValue(clusters.result, "Средний силуэт").innerText());
    expect(silhouette).toBeGreaterThan(0);
    expect(silhouette).toBeLessThanOrEqual(1);

    await waitForChart(clusters.chart);
    expect(await clusters.chart.locator("svg path").count()).toBeGreaterThan(k);
    await expectClean(shell);
    await saveScreenshot(page, "analyst", "clusters");

    // A fixed k of 3 gives three profiles.
    await chooseOption(page, page.getByRole("combobox", { name: "Число кластеров" }), "3");
    await clusters.runButton.click();
    await expect.poll(() => clusters.profiles.locator("tbody tr").count()).toBe(3);
    await statValue(clusters.result, "Кластеров").getByText("3").waitFor();
    expect(await clusters.result.innerText()).toContain("задано вручную");
    expect(errors).toEqual([]);
  });
});
