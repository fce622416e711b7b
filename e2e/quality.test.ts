import { describe, expect, it } from "vitest";
import { saveScreenshot } from "./support/browser";
import { setUpApp } from "./support/fixture";

const app = setUpApp();

/** The demo's support year, whose МОЦ reports the demo writes (src/server/modules/demo/demo-quality.ts). */
const YEAR = 2026;

describe("report-quality control", () => {
  it("the region opens /quality, sees the copied МОЦ report and the shared passages side by side", async () => {
    const { shell, errors } = await app.signIn("analyst", "demo-analyst");
    const page = shell.page;
    await shell.navigation.getByRole("link", { name: "Качество отчётов", exact: true }).click();
    await shell.heading("Контроль качества отчётов").waitFor();
    await page.goto(`/quality?year=${YEAR}`);
    await shell.heading("Контроль качества отчётов").waitFor();

    const copy = page.getByTestId("duplicate-flag").filter({ hasText: "Аналитический отчёт МОЦ" });
    await copy.first().waitFor();
    expect(await copy.count()).toBe(1);
    const sentence = await copy.innerText();
    expect(sentence).toMatch(/Дорогобужского района/);
    expect(sentence).toMatch(/города Смоленска/);
    expect(sentence).toContain("Возможно копирование сведений");
    const pairs = copy.getByTestId("passage-pair");
    expect(await pairs.count()).toBeGreaterThan(0);
    // side by side: the same passage on the left and on the right
    const texts = await pairs.first().getByTestId("passage-text").allInnerTexts();
    expect(texts).toHaveLength(2);
    expect(texts[0]).toBe(texts[1]);
    const boxes = await Promise.all(
      [0, 1].map((i) => pairs.first().getByTestId("passage-text").nth(i).boundingBox()),
    );
    expect(boxes[1]?.x ?? 0).toBeGreaterThan((boxes[0]?.x ?? 0) + (boxes[0]?.width ?? 0) / 2);
    await expect.poll(() => page.getByTestId("flag-no_comparison").count()).toBe(1);
    await saveScreenshot(page, "analyst", "quality");

    await page
      .getByTestId("moc-reports")
      .getByRole("link", { name: /города Смоленска/ })
      .click();
    await page.getByRole("heading", { level: 2, name: /города Смоленска/ }).waitFor();
    await page.getByTestId("duplicate-flag").waitFor();
    expect(await page.getByTestId("recommendation").count()).toBe(3);
    await saveScreenshot(page, "analyst", "quality-moc-report");
    expect(errors).toEqual([]);
  });

  it("a МОЦ sees the flag on its own report with the other municipality's text withheld", async () => {
    const { shell, errors } = await app.signIn("moc.smolensk", "demo-moc");
    const page = shell.page;
    await page.goto(`/quality?year=${YEAR}`);
    const link = page.getByTestId("moc-reports").getByRole("link");
    await link.first().waitFor();
    expect(await link.count()).toBe(1);
    await link.first().click();
    await page.getByRole("heading", { level: 2, name: /города Смоленска/ }).waitFor();
    const flag = page.getByTestId("duplicate-flag");
    await flag.waitFor();
    expect(await flag.innerText()).not.toMatch(/Дорогобуж/);
    expect(await flag.innerText()).toContain("Текст другого муниципалитета не показывается");
    await saveScreenshot(page, "moc", "quality-moc-report");
    expect(errors).toEqual([]);
  });
});
