import { describe, expect, it } from "vitest";
import {
  paragraphTexts,
  readDocx,
  tables,
  tableTexts,
} from "../src/server/modules/plans/documents/docx-read.test-support";
import { saveScreenshot } from "./support/browser";
import { setUpApp } from "./support/fixture";

const app = setUpApp();

describe("reports", () => {
  it("a МОЦ downloads its annual report in one click and the document reads month by month", async () => {
    const { shell, errors } = await app.signIn("moc.dorogobuzh", "demo-moc");
    const { page } = shell;
    await shell.open("Отчёты");
    const year = page.getByTestId("reports-year");
    await year.fill("2025");
    await year.blur();
    const card = page.getByTestId("report-moc_annual");
    await card.getByText("Дорогобужский район, 2025-2026 учебный год").waitFor();
    await expect.poll(() => card.getByText(/^Месяцев с записями: \d+/).count()).toBe(1);
    await page.getByLabel("Фамилия и инициалы").fill("С.В. Белова");
    await saveScreenshot(page, "moc", "reports");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("download-moc_annual-docx").click(),
    ]);
    const path = await download.path();
    const { readFile } = await import("node:fs/promises");
    const doc = await readDocx(await readFile(path));
    const texts = paragraphTexts(doc);
    expect(texts[0]).toBe("УТВЕРЖДЕН");
    expect(texts).toContain("С.В. Белова");
    expect(texts).toContain("о работе в 2025-2026 учебном году");
    expect(texts.at(-1)).toMatch(/^Координатор МОЦ\t/);
    const rows = tableTexts(tables(doc)[0] ?? { kind: "table", rows: [] });
    expect(rows[0]).toEqual(["Месяц", "Мероприятие", "Содержание"]);
    expect(rows[1]?.[0]).toBe("Сентябрь 2025");
    expect(await page.getByTestId("report-regional").count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it("the region sees both documents and downloads the regional analytical report", async () => {
    const { shell, errors } = await app.signIn("analyst", "demo-analyst");
    const { page } = shell;
    await shell.open("Отчёты");
    const card = page.getByTestId("report-regional");
    await card.waitFor();
    await page.getByTestId("report-moc_annual").waitFor();
    await saveScreenshot(page, "analyst", "reports");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("download-regional-docx").click(),
    ]);
    const { readFile } = await import("node:fs/promises");
    const texts = paragraphTexts(await readDocx(await readFile(await download.path())));
    expect(texts).toContain("1. Контекст");
    expect(texts.join("\n")).toMatch(/из \d+ функционирующих в регионе школ/);
    expect(errors).toEqual([]);
  });
});
