import { describe, expect, it } from "vitest";
import { FORBIDDEN_TEXT } from "./support/app.po";
import { saveScreenshot } from "./support/browser";
import { waitForChart } from "./support/chart";
import { setUpApp } from "./support/fixture";

const app = setUpApp();

/** The district director: the demo leaves this school's final monitoring of the year to a visitor. */
const DIRECTOR = { login: "director.67-133", password: "demo-director" };
const NARRATIVE =
  "В отчётном году школа внесла изменения в учебный план; по сравнению с прошлым годом выросла доля участников олимпиад.";

describe("monitoring of the school programmes", () => {
  it("a director fills and submits the final monitoring, the МОЦ comments and approves, the analyst opens Table 2 for two years", async () => {
    const director = await app.signIn(DIRECTOR.login, DIRECTOR.password);
    const d = director.shell.page;
    await director.shell.navigation.getByRole("link", { name: "Мониторинг программ", exact: true }).click();
    await d.getByTestId("monitoring-indicators").waitFor();
    expect(await d.getByTestId("monitoring-status").innerText()).toBe("Черновик");
    // a computed indicator shows its rule; a reported one is filled
    await expect
      .poll(() => d.getByTestId("indicator-5.1").innerText())
      .toMatch(/Вычисляется по данным Опоры/);
    await d.getByTestId("value-1.3").getByText("Да", { exact: true }).click();
    await d.getByTestId("value-6.1").getByText("Да", { exact: true }).click();
    await d.getByTestId("monitoring-narrative").fill(NARRATIVE);
    await saveScreenshot(d, "director", "monitoring-report");
    await d.getByTestId("monitoring-submit").click();
    await expect.poll(() => d.getByTestId("monitoring-status").innerText()).toBe("Отправлен в МОЦ");
    expect(await director.shell.mainText()).not.toMatch(FORBIDDEN_TEXT);
    const reportUrl = new URL(d.url()).pathname;

    const moc = await app.signIn("moc.dorogobuzh", "demo-moc");
    const m = moc.shell.page;
    await moc.shell.open("Мониторинг программ");
    await m.getByTestId("monitoring-reports").waitFor();
    await saveScreenshot(m, "moc", "monitoring-list");
    await m.goto(reportUrl);
    await m.getByTestId("monitoring-moc-comment").waitFor();
    await m.getByTestId("moc-comment-1.3").fill("Приложите приказ об изменении учебного плана");
    await m
      .getByTestId("monitoring-moc-comment")
      .fill("Отчёт согласован: справка сравнивает результаты с прошлым годом.");
    await m.getByTestId("monitoring-approve").click();
    await expect.poll(() => m.getByTestId("monitoring-status").innerText()).toBe("Согласован");
    await saveScreenshot(m, "moc", "monitoring-report-approved");

    await d.reload();
    await expect.poll(() => d.getByTestId("monitoring-status").innerText()).toBe("Согласован");
    await expect.poll(() => d.getByText("Приложите приказ об изменении учебного плана").count()).toBe(1);

    const analyst = await app.signIn("analyst", "demo-analyst");
    const a = analyst.shell.page;
    await analyst.shell.navigation.getByRole("link", { name: "Таблица 2 мониторинга", exact: true }).click();
    await a.getByTestId("table2").waitFor();
    await waitForChart(a.getByTestId("table2-chart"));
    const header = await a.getByTestId("table2").locator("thead").innerText();
    expect(header).toMatch(/Значение 2025 года/);
    expect(header).toMatch(/Значение 2026 года/);
    expect(header).toMatch(/Изменение 2025–2026/);
    expect(await a.getByTestId("table2-row-1.2").innerText()).toMatch(/от числа ОО региона/);
    expect(await analyst.shell.mainText()).not.toMatch(FORBIDDEN_TEXT);
    await saveScreenshot(a, "analyst", "monitoring-table2");
    expect([...director.errors, ...moc.errors, ...analyst.errors]).toEqual([]);
  });
});
