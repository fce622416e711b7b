import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { apiCookie, findSchoolByCode } from "./support/api";
import {
  countRows,
  DashboardPage,
  DataFormPage,
  FORBIDDEN_TEXT,
  parseRuNumber,
  type Shell,
} from "./support/app.po";
import { saveScreenshot } from "./support/browser";
import { waitForChart } from "./support/chart";
import { setUpApp } from "./support/fixture";

const app = setUpApp();

const MUNICIPALITIES = 27;
const SCHOOLS = 367;
/** The demo keeps the directors' schools in draft for the latest year so that a visitor can fill them. */
const YEAR = 2025;

const signIn = app.signIn;

async function expectClean(shell: Shell): Promise<void> {
  expect(await shell.mainText()).not.toMatch(FORBIDDEN_TEXT);
}

/** A school's stored value of one indicator for the year, read through the API. */
async function formValue(login: string, password: string, schoolId: number, code: string) {
  const cookie = await apiCookie(app.baseUrl(), login, password);
  const res = await fetch(`${app.baseUrl()}/api/schools/${schoolId}/forms/${YEAR}`, { headers: { cookie } });
  const form = z
    .object({ fields: z.array(z.object({ code: z.string(), value: z.number().nullable() })) })
    .parse(await res.json());
  return form.fields.find((f) => f.code === code)?.value;
}

describe("indicator catalogue", () => {
  it("admin sees the catalogue by group, adds an indicator and retires it; an analyst only reads", async () => {
    const { shell, errors } = await signIn("admin", "demo-admin");
    const { page } = shell;
    await shell.open("Показатели");
    const table = page.getByTestId("indicators-table");
    await table.locator("tbody tr").first().waitFor();
    const text = await table.innerText();
    for (const code of ["ege_math_below_min_share", "good_marks_share", "parents_higher_education_share"]) {
      expect(text).toContain(code);
    }
    expect(text).toContain("Доля обучающихся, закончивших учебный год на «4» и «5»");
    expect(text).toMatch(/выше — лучше|ниже — лучше|чем выше|чем ниже/i);
    await expectClean(shell);
    await saveScreenshot(page, "admin", "indicators");

    await page.getByRole("button", { name: "Добавить показатель" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    // The code is checked before anything is sent.
    await dialog.getByRole("textbox", { name: "Код" }).fill("Неверный код");
    await dialog
      .getByRole("textbox", { name: "Показатель" })
      .fill("Доля выпускников, поступивших в вузы региона");
    await dialog.getByRole("textbox", { name: "Источник" }).fill("Мониторинг e2e");
    await dialog.getByRole("button", { name: "Сохранить" }).click();
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await saveScreenshot(page, "admin", "indicator-form-error");
    await dialog.getByRole("textbox", { name: "Код" }).fill("e2e_university_share");
    await dialog.getByRole("button", { name: "Сохранить" }).click();
    await dialog.waitFor({ state: "detached" });
    const added = table.locator("tbody tr").filter({ hasText: "e2e_university_share" });
    await added.waitFor();
    expect(await added.innerText()).toContain("Доля выпускников, поступивших в вузы региона");

    await added.getByRole("button", { name: "Вывести" }).click();
    const confirm = page.getByRole("dialog");
    expect(await confirm.innerText()).toContain("Доля выпускников, поступивших в вузы региона");
    await confirm.getByRole("button", { name: "Вывести" }).click();
    await added.waitFor({ state: "detached" });
    await page.locator(".mantine-Modal-overlay").waitFor({ state: "detached" });
    await page.getByRole("switch", { name: "Показывать выведенные из употребления" }).click();
    await expect.poll(() => added.innerText()).toContain("выведен");
    expect(errors).toEqual([]);

    const analyst = await signIn("analyst", "demo-analyst");
    await analyst.shell.open("Показатели");
    await analyst.shell.page.getByTestId("indicators-table").locator("tbody tr").first().waitFor();
    expect(await analyst.shell.page.getByRole("button", { name: "Добавить показатель" }).count()).toBe(0);
    expect(await analyst.shell.page.getByRole("button", { name: "Вывести" }).count()).toBe(0);
    await saveScreenshot(analyst.shell.page, "analyst", "indicators");
    expect(analyst.errors).toEqual([]);
  });
});

describe("school form and approval", () => {
  it("a director fills and submits; the МОЦ returns it with a message the director sees; resubmitted and approved, it locks; the dashboard counts follow", async () => {
    const analyst = await signIn("analyst", "demo-analyst");
    await analyst.shell.open("Сбор данных");
    const dashboard = new DashboardPage(analyst.shell.page);
    expect(await countRows(dashboard.table)).toBe(MUNICIPALITIES);
    const totals = (await dashboard.table.locator("tbody tr td:nth-child(2)").allInnerTexts()).map(
      parseRuNumber,
    );
    expect(totals.reduce((a, b) => a + b, 0)).toBe(SCHOOLS);
    const before = await dashboard.row("Дорогобужский район");
    expect(before.total).toBe(11);
    expect(before.draft + before.returned + before.submitted + before.approved + before.accepted).toBe(11);
    expect(before.draft).toBeGreaterThanOrEqual(1);
    const chart = analyst.shell.page.getByTestId("progress-chart");
    await waitForChart(chart);
    // Bars for every municipality: well over one drawn shape per municipality.
    expect(await chart.locator("svg path").count()).toBeGreaterThan(MUNICIPALITIES);
    expect(await chart.innerText()).toContain("Дорогобужский район");
    // each bar carries its total at the end; the legend follows the table's columns
    const chartText = await chart.innerText();
    for (const row of ["Вяземский район", "г. Смоленск"]) {
      expect(chartText).toContain(String((await dashboard.row(row)).total));
    }
    const legend = [
      "Черновик",
      "Возвращена на доработку",
      "Отправлена в МОЦ",
      "Согласована МОЦ",
      "Принята регионом",
    ];
    const positions = legend.map((name) => chartText.indexOf(name));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    await expectClean(analyst.shell);
    await saveScreenshot(analyst.shell.page, "analyst", "data-dashboard");

    // The director goes from «Сбор данных» straight to their form for the year.
    const director = await signIn("director.67-133", "demo-director");
    const dPage = director.shell.page;
    await director.shell.navigation.getByRole("link", { name: "Сбор данных", exact: true }).click();
    const form = new DataFormPage(dPage);
    await form.waitForStatus("Черновик");
    const school = await findSchoolByCode(
      app.baseUrl(),
      await apiCookie(app.baseUrl(), "admin", "demo-admin"),
      "67-133",
    );
    expect(new URL(dPage.url()).pathname).toBe(`/schools/${school.id}/forms/${YEAR}`);

    // A share above 1 is refused with the reason at the field.
    const share = form.field("good_marks_share");
    await share.fill("1,5");
    await form.button("Сохранить значения").click();
    await dPage.getByTestId("form-error").waitFor();
    await saveScreenshot(dPage, "director", "form-invalid");
    await share.fill("0,55");
    await form.button("Сохранить значения").click();
    await expect
      .poll(() => formValue("director.67-133", "demo-director", school.id, "good_marks_share"))
      .toBe(0.55);
    await expect.poll(() => form.button("Сохранить значения").isDisabled()).toBe(true);
    // Emptying a saved value and saving clears it; the list of changes says who cleared it.
    await share.fill("");
    await form.button("Сохранить значения").click();
    await expect
      .poll(() => formValue("director.67-133", "demo-director", school.id, "good_marks_share"))
      .toBeNull();
    await expect.poll(() => form.changes.innerText()).toMatch(/0,55 → пусто\s*очищено/);
    expect(await share.inputValue()).toBe("");
    await saveScreenshot(dPage, "director", "form-cleared");
    await share.fill("0,55");
    await form.button("Сохранить значения").click();
    await expect
      .poll(() => formValue("director.67-133", "demo-director", school.id, "good_marks_share"))
      .toBe(0.55);
    await expect.poll(() => form.button("Сохранить значения").isDisabled()).toBe(true);
    await form.button("Отправить в МОЦ").click();
    await form.waitForStatus("Отправлена в МОЦ");
    expect(await share.isDisabled()).toBe(true);
    await expectClean(director.shell);
    await saveScreenshot(dPage, "director", "form-submitted");

    // The МОЦ finds the school in its municipality's list and returns the form with a message.
    const moc = await signIn("moc.dorogobuzh", "demo-moc");
    const mPage = moc.shell.page;
    await moc.shell.open("Сбор данных");
    const mocDashboard = new DashboardPage(mPage);
    expect(await countRows(mocDashboard.table)).toBe(1);
    await mocDashboard.schools.getByRole("link", { name: "Дорогобужская СШ № 1" }).click();
    const mocForm = new DataFormPage(mPage);
    await mocForm.waitForStatus("Отправлена в МОЦ");
    expect(await mocForm.field("good_marks_share").inputValue()).toBe("0,55");
    await mocForm.button("Вернуть на доработку").click();
    const dialog = mPage.getByRole("dialog");
    await dialog
      .getByRole("textbox", { name: "Что нужно исправить" })
      .fill("Уточните долю на «4» и «5»: расходится с журналом");
    await saveScreenshot(mPage, "moc", "form-return");
    await dialog.getByRole("button", { name: "Вернуть на доработку" }).click();
    await dialog.waitFor({ state: "detached" });
    await mocForm.waitForStatus("Возвращена на доработку");

    await dPage.reload();
    await form.waitForStatus("Возвращена на доработку");
    expect(await form.returnMessage.innerText()).toContain(
      "Уточните долю на «4» и «5»: расходится с журналом",
    );
    expect(await form.history.innerText()).toContain("Уточните долю на «4» и «5»");
    expect(await share.isDisabled()).toBe(false);
    await saveScreenshot(dPage, "director", "form-returned");

    await share.fill("0,52");
    await form.button("Сохранить значения").click();
    await expect.poll(() => form.button("Сохранить значения").isDisabled()).toBe(true);
    await form.button("Отправить в МОЦ").click();
    await form.waitForStatus("Отправлена в МОЦ");

    await mPage.reload();
    await mocForm.waitForStatus("Отправлена в МОЦ");
    await mocForm.button("Согласовать").click();
    await mocForm.waitForStatus("Согласована МОЦ");
    await saveScreenshot(mPage, "moc", "form-approved");
    // The form links back to the school card, and the card to the form of the year being collected.
    await mPage.getByRole("link", { name: "Дорогобужская СШ № 1", exact: true }).click();
    const formLink = mPage.getByTestId("school-form-link");
    await formLink.waitFor();
    expect(await formLink.innerText()).toBe(`Форма данных ${YEAR - 1}/${YEAR}`);
    expect(await formLink.getAttribute("href")).toBe(`/schools/${school.id}/forms/${YEAR}`);
    await saveScreenshot(mPage, "moc", "school-card-form-link");
    await formLink.click();
    await mocForm.waitForStatus("Согласована МОЦ");

    await dPage.reload();
    await form.waitForStatus("Согласована МОЦ");
    await dPage.getByText("Данные согласованы и заблокированы").waitFor();
    expect(await share.isDisabled()).toBe(true);
    expect(await share.inputValue()).toBe("0,52");
    expect(await form.button("Сохранить значения").count()).toBe(0);
    await saveScreenshot(dPage, "director", "form-locked");

    // The dashboard: one draft fewer, one approved more in the municipality.
    await analyst.shell.page.reload();
    await dashboard.table.locator("tbody tr").first().waitFor();
    const after = await dashboard.row("Дорогобужский район");
    expect(after.draft).toBe(before.draft - 1);
    expect(after.approved).toBe(before.approved + 1);
    expect(after.total).toBe(11);
    // The refused share above 1 is the one expected error answer (400).
    const unexpected = director.errors.filter((e) => !e.includes("status of 400"));
    expect([...analyst.errors, ...unexpected, ...moc.errors]).toEqual([]);
  });
});

describe("import page", () => {
  it("a CSV with errors writes nothing and lists them by row and column; a clean one shows the mapping, the dry run and loads", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "opora-e2e-import-"));
    const header =
      "Код школы;Год;Доля обучающихся, закончивших учебный год на «4» и «5»;teachers_trained_share";
    const broken = path.join(dir, "broken.csv");
    await writeFile(
      broken,
      `\ufeff${header}\n67-001;${YEAR};0,61;0,8\n99-999;${YEAR};0,4;0,9\n67-001;${YEAR};1,7;0,8\n`,
    );
    const clean = path.join(dir, "clean.csv");
    await writeFile(clean, `\ufeff${header};Примечание\n67-001;${YEAR};0,61;0,85;проверено\n`);
    const school = await findSchoolByCode(
      app.baseUrl(),
      await apiCookie(app.baseUrl(), "admin", "demo-admin"),
      "67-001",
    );
    const valueBefore = await formValue("admin", "demo-admin", school.id, "good_marks_share");
    expect(valueBefore).not.toBe(0.61);

    const { shell, errors } = await signIn("analyst", "demo-analyst");
    const { page } = shell;
    await shell.open("Загрузка данных");
    const fileInput = page.locator('input[type="file"]');

    await fileInput.setInputFiles(broken);
    await page.getByRole("heading", { name: "Сопоставление столбцов: broken.csv" }).waitFor();
    await page.getByRole("button", { name: "Проверить (ничего не записывая)" }).click();
    const nothing = page.getByRole("alert").filter({ hasText: "Ничего не записано" });
    await nothing.waitFor();
    const errorRows = page.locator("table").filter({ hasText: "Ошибка" }).last().locator("tbody tr");
    const errorText = (await errorRows.allInnerTexts()).join("\n");
    expect(errorText).toContain("99-999");
    expect(errorText).toMatch(/^3\t/m);
    expect(errorText).toMatch(/^4\t/m);
    expect(await page.getByRole("button", { name: "Загрузить", exact: true }).isDisabled()).toBe(true);
    await expectClean(shell);
    await saveScreenshot(page, "analyst", "import-errors");
    expect(await formValue("admin", "demo-admin", school.id, "good_marks_share")).toBe(valueBefore);

    await fileInput.setInputFiles(clean);
    await page.getByRole("heading", { name: "Сопоставление столбцов: clean.csv" }).waitFor();
    // The proposed (or remembered) mapping: the code column and each indicator column recognised.
    expect(await page.getByRole("combobox", { name: "Код школы" }).inputValue()).toBe("Код школы");
    expect(await page.getByRole("combobox", { name: "Год", exact: true }).inputValue()).toBe("Год");
    expect(
      await page
        .getByRole("combobox", {
          name: "Показатель для столбца Доля обучающихся, закончивших учебный год на «4» и «5»",
        })
        .inputValue(),
    ).toMatch(/^good_marks_share — /);
    expect(
      await page
        .getByRole("combobox", { name: "Показатель для столбца teachers_trained_share" })
        .inputValue(),
    ).toMatch(/^teachers_trained_share — /);
    // Where the mapping comes from, and the column it leaves out.
    await expect
      .poll(() => page.getByTestId("mapping-source").innerText())
      .toMatch(/^Сопоставление (предложено по названиям столбцов|запомнено для файлов с такой же шапкой)/);
    expect(await page.getByTestId("ignored-columns").innerText()).toBe(
      "Не загружаются столбцы, не сопоставленные ни с чем: «Примечание».",
    );
    await saveScreenshot(page, "analyst", "import-mapping");
    // A long indicator name reads whole in the open dropdown (wrapped, not cut).
    const select = page.getByRole("combobox", { name: "Показатель для столбца Примечание" });
    await select.click();
    const option = page.getByRole("option", { name: /^good_marks_share — / });
    await option.waitFor();
    const fits = await option.evaluate((element) => element.scrollWidth <= element.clientWidth + 1);
    expect(fits).toBe(true);
    await saveScreenshot(page, "analyst", "import-mapping-dropdown");
    await page.keyboard.press("Escape");

    await page.getByRole("button", { name: "Проверить (ничего не записывая)" }).click();
    await page.getByRole("alert").filter({ hasText: "Проверка пройдена" }).waitFor();
    const summary = page.locator("table").filter({ hasText: "Строк в файле" });
    const figure = async (label: string) =>
      parseRuNumber(await summary.locator("tr").filter({ hasText: label }).locator("td").nth(1).innerText());
    expect(await figure("Строк в файле")).toBe(1);
    const created = await figure("Новых значений");
    const updated = await figure("Изменённых");
    const unchanged = await figure("Без изменений");
    expect(created + updated + unchanged).toBe(2);
    expect(updated + created).toBeGreaterThanOrEqual(1);
    // The dry run lists each value it would create or change: whose, which, the year, old → new.
    const changes = page.getByRole("table", { name: "Новые и изменённые значения" }).locator("tbody tr");
    expect(await changes.count()).toBe(created + updated);
    const goodMarks = await changes.filter({ hasText: "good_marks_share" }).locator("td").allInnerTexts();
    expect(goodMarks[0]).toBe("2");
    expect(goodMarks[1]).toMatch(/^67-001 — /);
    expect(goodMarks[3]).toBe(String(YEAR));
    expect(goodMarks[4] === "нет значения" ? null : parseRuNumber(goodMarks[4] ?? "")).toBe(
      valueBefore ?? null,
    );
    expect(parseRuNumber(goodMarks[5] ?? "")).toBe(0.61);
    expect(await page.getByTestId("result-ignored-columns").innerText()).toBe(
      "Не загружаются столбцы, не сопоставленные ни с чем: «Примечание».",
    );
    await saveScreenshot(page, "analyst", "import-dry-run");
    expect(await formValue("admin", "demo-admin", school.id, "good_marks_share")).toBe(valueBefore);

    await page.getByRole("button", { name: "Загрузить", exact: true }).click();
    await page.getByRole("alert").filter({ hasText: "Данные загружены" }).waitFor();
    await expect.poll(() => formValue("admin", "demo-admin", school.id, "good_marks_share")).toBe(0.61);
    await saveScreenshot(page, "analyst", "import-done");
    expect(errors).toEqual([]);
  });
});
