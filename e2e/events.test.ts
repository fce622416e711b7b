import { describe, expect, it } from "vitest";
import { FORBIDDEN_TEXT } from "./support/app.po";
import { saveScreenshot } from "./support/browser";
import { waitForChart } from "./support/chart";
import { setUpApp } from "./support/fixture";

const app = setUpApp();

describe("courses and events", () => {
  it("analyst reads the events calendar with its chart by level and month, and the course catalogue", async () => {
    const { shell, errors } = await app.signIn("analyst", "demo-analyst");
    const { page } = shell;
    await shell.open("Мероприятия");
    await waitForChart(page.getByTestId("events-chart"));
    expect(await page.getByTestId("events-table").locator("tbody tr").count()).toBe(150);
    await expect.poll(() => page.getByText(/педагог(а|ов)? из \d+ район/).count()).toBeGreaterThan(0);
    await saveScreenshot(page, "analyst", "events");
    await shell.open("Курсы повышения квалификации");
    await page.getByTestId("courses-table").waitFor();
    expect(await page.getByTestId("courses-table").locator("tbody tr").count()).toBe(30);
    await saveScreenshot(page, "analyst", "courses");
    await page.getByTestId("courses-table").getByRole("link").first().click();
    await page.getByText("Слушатели курса").waitFor();
    expect(await shell.mainText()).not.toMatch(FORBIDDEN_TEXT);
    await saveScreenshot(page, "analyst", "course-card");
    expect(errors).toEqual([]);
  });

  it("a МОЦ sees its own municipality's events and may add municipal ones", async () => {
    const { shell, errors } = await app.signIn("moc.dorogobuzh", "demo-moc");
    const { page } = shell;
    await shell.open("Мероприятия");
    await waitForChart(page.getByTestId("events-chart"));
    const rows = await page.getByTestId("events-table").locator("tbody tr").count();
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThan(150);
    await page.getByRole("button", { name: "Добавить мероприятие" }).first().waitFor();
    await saveScreenshot(page, "moc", "events");
    expect(errors).toEqual([]);
  });
});
