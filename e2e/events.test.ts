import { describe, expect, it } from "vitest";
import { chooseOption, FORBIDDEN_TEXT, pickOption } from "./support/app.po";
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

  it("the regional operator adds a course with its competences and edits it on its card", async () => {
    const { shell, errors } = await app.signIn("analyst", "demo-analyst");
    const { page } = shell;
    await shell.open("Курсы повышения квалификации");
    await page.getByRole("button", { name: "Добавить курс" }).click();
    const form = page.getByTestId("course-form");
    // the schema's message beside the field: a course has a title
    await form.getByRole("button", { name: "Сохранить" }).click();
    await form.getByText("Укажите название курса").waitFor();
    await form.getByLabel("Название").fill("Формирующее оценивание на уроках математики");
    await chooseOption(page, form.getByLabel("Часы"), "72 ч");
    await form.getByLabel("Организатор").fill("СОИРО");
    await form.getByLabel("Начало").fill("2026-10-05");
    await form.getByLabel("Окончание").fill("2026-10-30");
    await pickOption(
      page,
      form.getByLabel("Компетенции (блоки профстандарта)"),
      "Оценка образовательных результатов",
    );
    await saveScreenshot(page, "analyst", "course-form");
    await form.getByRole("button", { name: "Сохранить" }).click();
    await form.waitFor({ state: "detached" });
    const link = page
      .getByTestId("courses-table")
      .getByRole("link", { name: "Формирующее оценивание на уроках математики" });
    await link.click();
    await page.getByText("Слушатели курса").waitFor();
    expect(await page.locator("main").innerText()).toContain("72 ч");
    await page.getByTestId("course-edit").click();
    const edit = page.getByTestId("course-form");
    await chooseOption(page, edit.getByLabel("Часы"), "Другое");
    await edit.getByLabel("Часов").fill("48");
    await edit.getByLabel("Окончание").fill("2026-10-01");
    await edit.getByRole("button", { name: "Сохранить" }).click();
    // the end before the start is refused beside the field
    await edit.getByText("Окончание не может быть раньше начала").waitFor();
    await edit.getByLabel("Окончание").fill("2026-11-06");
    await saveScreenshot(page, "analyst", "course-edit");
    await edit.getByRole("button", { name: "Сохранить" }).click();
    await edit.waitFor({ state: "detached" });
    await page.getByText("48 ч · Очно · СОИРО").waitFor();
    await page.getByText("05.10.2026 – 06.11.2026").waitFor();
    await saveScreenshot(page, "analyst", "course-card-edited");
    expect(errors).toEqual([]);
  });

  it("a МОЦ edits an event: its topic, a participating school found by name, the numbers of people", async () => {
    const { shell, errors } = await app.signIn("moc.dorogobuzh", "demo-moc");
    const { page } = shell;
    await shell.open("Мероприятия");
    const table = page.getByTestId("events-table");
    const row = table
      .locator("tbody tr")
      .filter({ has: page.getByRole("button", { name: "Изменить" }) })
      .first();
    await row.getByRole("button", { name: "Изменить" }).click();
    const form = page.getByTestId("event-form");
    await form.getByLabel("Тема").fill("Семинар: разбор ВПР по математике с педагогами района");
    const schools = form.getByLabel("Школы-участники");
    await schools.click();
    await schools.fill("67-13");
    await page.getByRole("option").first().click();
    await form.getByLabel("Педагогов").fill("73");
    await form.getByLabel("Районов").fill("7");
    await saveScreenshot(page, "moc", "event-form");
    await form.getByRole("button", { name: "Сохранить" }).click();
    await form.waitFor({ state: "detached" });
    const edited = table
      .locator("tbody tr")
      .filter({ hasText: "Семинар: разбор ВПР по математике с педагогами района" });
    await edited.getByText("73 педагога из 7 районов").waitFor();
    await saveScreenshot(page, "moc", "events-edited");
    expect(errors).toEqual([]);
  });
});
