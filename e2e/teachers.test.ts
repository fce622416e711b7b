import { describe, expect, it } from "vitest";
import { z } from "zod";
import { apiCookie, apiGet } from "./support/api";
import { LoginPage } from "./support/app.po";
import { saveScreenshot } from "./support/browser";
import { waitForChart } from "./support/chart";
import { setUpApp } from "./support/fixture";
import { SchoolTeachersPage, TeacherCardPage } from "./support/teachers.po";

const app = setUpApp();
const YEAR = 2025;

describe("teachers, their deficits and the ИОМ", () => {
  it("the director reads the priority group, opens a teacher's scores and ИОМ, and adds an activity", async () => {
    const cookie = await apiCookie(app.baseUrl(), "director.67-001", "demo-director");
    const me = await apiGet(app.baseUrl(), cookie, "/api/auth/me", z.object({ schoolId: z.number() }));
    const { page, errors } = await app.newPage();
    await new LoginPage(page).goto();
    await new LoginPage(page).signIn("director.67-001", "demo-director");

    const list = new SchoolTeachersPage(page);
    await list.goto(me.schoolId, YEAR);
    expect(await list.rows.count()).toBeGreaterThanOrEqual(15);
    await saveScreenshot(page, "director", "teachers");

    // a priority teacher if there is one, otherwise the first with a diagnosis
    const target = (await list.priorityRows.count()) > 0 ? list.priorityRows.first() : list.rows.first();
    await target.getByRole("link").click();
    const card = new TeacherCardPage(page);
    await card.plan.waitFor();
    if ((await card.chart.count()) > 0) await waitForChart(card.chart);
    await saveScreenshot(page, "director", "teacher-card");

    await card.plan.getByRole("button", { name: "Добавить мероприятие" }).click();
    const last = card.planItems.locator("tbody tr").last();
    await last.locator("input").first().fill("Посетить семинар МОЦ по оцениванию");
    await last.locator("input").nth(1).fill("2025-05-20");
    await page.getByTestId("plan-save").click();
    await page.getByText("ИОМ сохранён").waitFor();
    await page.reload();
    await card.planItems.waitFor();
    await expect
      .poll(() =>
        card.planItems.locator("input").evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
      )
      .toContain("Посетить семинар МОЦ по оцениванию");
    await saveScreenshot(page, "director", "teacher-plan-saved");

    // a self-assessment: three statements of the assessment block answered, scored by the formula
    const history = page.getByTestId("teacher-history").locator("tbody tr");
    const before = await history.count();
    await page.getByRole("button", { name: "Заполнить самооценку" }).click();
    const modal = page.getByRole("dialog");
    await modal.getByLabel("Дата").fill("2025-05-28");
    for (const text of [
      "Я составляю проверочные работы",
      "Я разбираю результаты ВПР",
      "Я применяю формирующее",
    ]) {
      await modal.locator("div", { hasText: text }).last().getByText("4", { exact: true }).click();
    }
    await saveScreenshot(page, "director", "teacher-self-assessment");
    await modal.getByRole("button", { name: "Сохранить" }).click();
    await modal.waitFor({ state: "detached" });
    await expect.poll(() => history.count()).toBe(before + 1);
    expect(await history.first().innerText()).toContain("самооценка");
    expect(errors).toEqual([]);
  });
});
