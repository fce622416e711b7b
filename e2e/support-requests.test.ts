import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { schoolListSchema } from "../src/shared/api";
import { requestListSchema } from "../src/shared/support-api";
import { apiCookie, apiGet } from "./support/api";
import { chooseOption, pickOption } from "./support/app.po";
import { saveScreenshot } from "./support/browser";
import { waitForChart } from "./support/chart";
import { setUpApp } from "./support/fixture";

const app = setUpApp();

/** A programme school of the demo specialist (one that has a director account) and who acts on it. */
async function cast() {
  const base = app.baseUrl();
  const specialist = await apiCookie(base, "specialist", "demo-specialist");
  const me = await apiGet(base, specialist, "/api/auth/me", z.object({ fullName: z.string() }));
  const schools = await apiGet(base, specialist, "/api/schools?limit=50", schoolListSchema);
  for (const school of schools.items) {
    const login = `director.${school.code}`;
    const ok = await apiCookie(base, login, "demo-director").then(
      () => true,
      () => false,
    );
    if (ok) return { school, director: login, specialistName: me.fullName };
  }
  throw new Error("no school of the demo specialist has a director account");
}

/** The request page's state badge text. */
async function statusOf(page: Page): Promise<string> {
  return page.getByTestId("request-status").first().innerText();
}

/** A request page of the support section: its stages, forms and records. */
class RequestPage {
  constructor(readonly page: Page) {}

  async waitForStatus(label: string): Promise<void> {
    await expect.poll(() => statusOf(this.page)).toBe(label);
  }

  duration(key: "waiting" | "assignedStage" | "inWork" | "total") {
    return this.page.getByTestId(`duration-${key}`);
  }
}

describe("a specialist request from a school to the work done", () => {
  it("the director files it, the МОЦ assigns the demo specialist, the specialist records counts and closes it", async () => {
    const { school, director, specialistName } = await cast();

    // 1. the director of a programme school files a request
    const d = await app.signIn(director, "demo-director");
    const dp = d.shell.page;
    await d.shell.open("Заявки на специалистов");
    await dp.getByTestId("file-request").click();
    await expect.poll(() => dp.getByTestId("request-school").inputValue()).toContain(school.code);
    await chooseOption(dp, dp.getByTestId("request-kind"), "Педагог-психолог");
    await chooseOption(dp, dp.getByTestId("request-target"), "Дети");
    await dp.getByTestId("request-reason").fill("Повышенная тревожность выпускников 9 класса перед ОГЭ");
    expect(await dp.getByText("имена и другие персональные данные детей не вносятся").count()).toBe(1);
    await saveScreenshot(dp, "director", "support-request-form");
    await dp.getByTestId("request-submit").click();
    await dp.waitForURL(/\/support\/requests\/\d+$/);
    const id = Number(dp.url().split("/").pop());
    const request = new RequestPage(dp);
    await request.waitForStatus("Новая");
    await saveScreenshot(dp, "director", "support-request-filed");
    expect(d.errors).toEqual([]);

    // 2. the МОЦ of its municipality assigns the demo specialist with a date
    const moc = await app.signIn("moc.smolensky", "demo-moc");
    const mp = moc.shell.page;
    await moc.shell.open("Заявки на специалистов");
    await mp.getByTestId(`request-row-${id}`).waitFor();
    await saveScreenshot(mp, "moc", "support-requests");
    await mp.getByTestId(`request-row-${id}`).getByRole("link").first().click();
    const assigned = new RequestPage(mp);
    await assigned.waitForStatus("Новая");
    await chooseOption(mp, mp.getByTestId("assign-specialist"), specialistName);
    await mp.getByTestId("assign-submit").click();
    await assigned.waitForStatus("Назначена");
    await expect.poll(() => mp.getByTestId("request-specialist").innerText()).toContain(specialistName);
    await expect.poll(() => assigned.duration("waiting").innerText()).not.toBe("—");
    await saveScreenshot(mp, "moc", "support-request-assigned");
    expect(moc.errors).toEqual([]);

    // 3. the specialist sees only their requests, records a consultation as counts, closes the request
    const sp = await app.signIn("specialist", "demo-specialist");
    const page = sp.shell.page;
    await sp.shell.open("Заявки на специалистов");
    await page.getByTestId(`request-row-${id}`).waitFor();
    const cookie = await apiCookie(app.baseUrl(), "specialist", "demo-specialist");
    const mine = await apiGet(app.baseUrl(), cookie, "/api/support/requests", requestListSchema);
    expect(mine.items.every((r) => r.specialist?.fullName === specialistName)).toBe(true);
    const rows = await page.getByTestId("requests-table").locator("tbody tr").count();
    expect(rows).toBe(mine.items.length);
    await saveScreenshot(page, "specialist", "support-requests");

    await page.getByTestId(`request-row-${id}`).getByRole("link").first().click();
    const work = new RequestPage(page);
    await work.waitForStatus("Назначена");
    expect(await page.getByTestId("no-names").innerText()).toContain(
      "имена детей и другие персональные данные не вносятся",
    );
    await chooseOption(page, page.getByTestId("record-kind"), "Консультация");
    await chooseOption(page, page.getByTestId("count-band-0"), "15–18 лет");
    await page.getByTestId("count-value-0").fill("6");
    await page.getByTestId("count-add").click();
    await page.getByTestId("count-value-1").fill("2");
    await saveScreenshot(page, "specialist", "support-record-form");
    await page.getByTestId("record-submit").click();
    await work.waitForStatus("В работе");
    await expect
      .poll(() => page.getByTestId("request-reached").innerText())
      .toBe("Охвачено: дети 6, педагоги 0, родители 2");
    await page.getByTestId("request-complete").click();
    await work.waitForStatus("Выполнена");
    await expect.poll(() => work.duration("total").innerText()).not.toBe("—");
    await expect.poll(() => work.duration("inWork").innerText()).not.toBe("—");
    await saveScreenshot(page, "specialist", "support-request-done");
    expect(sp.errors).toEqual([]);
  });

  it("the МОЦ reads its year of log with the chart by audience and adds a visit with findings", async () => {
    const cookie = await apiCookie(app.baseUrl(), "moc.smolensky", "demo-moc");
    const schools = await apiGet(app.baseUrl(), cookie, "/api/schools?limit=1", schoolListSchema);
    const school = schools.items[0];
    if (!school) throw new Error("the МОЦ has no school");
    const moc = await app.signIn("moc.smolensky", "demo-moc");
    const page = moc.shell.page;
    await moc.shell.open("Журнал МОЦ");
    await page.getByTestId("log-table").waitFor();
    await waitForChart(page.getByTestId("log-chart"));
    await saveScreenshot(page, "moc", "support-log");

    await page.getByTestId("log-add").click();
    await pickOption(page, page.getByTestId("log-school"), `${school.code} ${school.shortName}`);
    await chooseOption(page, page.getByTestId("log-kind"), "Выезд в школу");
    await page.getByTestId("log-date").fill("2026-11-25");
    await page.getByTestId("log-people").fill("9");
    await page.getByTestId("log-topic").fill("Выезд: посещение уроков математики");
    await page.getByTestId("log-given-by").fill("Комиссия МОЦ");
    await page.getByLabel("Выводы").fill("Задания на уроках не дифференцированы; рекомендовано ШМО");
    await saveScreenshot(page, "moc", "support-log-form");
    await page.getByTestId("log-save").click();
    await page.getByTestId("log-table").getByText("Выезд: посещение уроков математики").waitFor();
    expect(moc.errors).toEqual([]);
  });
});
