import { describe, expect, it } from "vitest";
import { chooseOption, FORBIDDEN_TEXT } from "./support/app.po";
import { saveScreenshot } from "./support/browser";
import { setUpApp } from "./support/fixture";

const app = setUpApp();

const TITLE = "Наставничество молодых педагогов в школе с низкими результатами";
const MATERIAL_FILE = {
  name: "nastavnichestvo.txt",
  mimeType: "text/plain",
  buffer: Buffer.from("Программа наставничества: встречи, открытые уроки, разбор работ.\n", "utf8"),
};
const AGREEMENT_FILE = {
  name: "dogovor-o-partnerstve.txt",
  mimeType: "text/plain",
  buffer: Buffer.from("Договор о сетевом взаимодействии\n", "utf8"),
};

describe("materials bank and partnerships: the forms", () => {
  it("a МОЦ adds a material with a file, finds it by a word form, links it to a measure and sees it there", async () => {
    const { shell, errors } = await app.signIn("moc.dorogobuzh", "demo-moc");
    const { page } = shell;
    await shell.navigation.getByRole("link", { name: "Банк материалов", exact: true }).click();
    await shell.heading("Банк методических материалов").waitFor();
    await page.getByTestId("material-add").click();
    const form = page.getByTestId("material-form");
    // the schema's message beside the field: a material has a title
    await form.getByRole("button", { name: "Сохранить" }).click();
    await form.getByText("Введите название").waitFor();
    await form.getByLabel("Название").fill(TITLE);
    await form.getByLabel("Автор").fill("МОЦ Дорогобужского района");
    await form
      .getByLabel("Описание")
      .fill("Как выстроить наставничество для педагогов с выявленными дефицитами.");
    await form.getByLabel("Метки").fill("наставничество");
    await form.getByLabel("Метки").press("Enter");
    await form.locator('input[type="file"]').setInputFiles(MATERIAL_FILE);
    await form.getByText(MATERIAL_FILE.name).waitFor();
    await saveScreenshot(page, "moc", "material-form");
    await form.getByRole("button", { name: "Сохранить" }).click();
    await form.waitFor({ state: "detached" });

    await page.getByTestId("materials-search").fill("наставника");
    const card = page.getByTestId("material-card").filter({ hasText: "Наставничество молодых педагогов" });
    await card.first().waitFor();
    await expect.poll(() => card.first().locator("mark").count()).toBeGreaterThan(0);
    expect(await card.first().getByRole("link", { name: "Скачать файл" }).count()).toBe(1);
    await saveScreenshot(page, "moc", "materials-search");

    await shell.navigation.getByRole("link", { name: "Меры", exact: true }).click();
    await shell.heading("Библиотека мер").waitFor();
    const first = page.locator('[data-testid^="material-link-measure-"]').first();
    await first.waitFor();
    const picker = page.getByTestId((await first.getAttribute("data-testid")) ?? "");
    const block = page.getByTestId("linked-materials").filter({ has: picker });
    await picker.click();
    await picker.fill("наставника");
    await page.getByRole("option", { name: TITLE, exact: true }).first().click();
    await block.getByRole("button", { name: "Привязать" }).click();
    await block.getByTestId("material-card").filter({ hasText: TITLE }).waitFor();
    await block.scrollIntoViewIfNeeded();
    await saveScreenshot(page, "moc", "measure-materials");
    expect(await shell.mainText()).not.toMatch(FORBIDDEN_TEXT);
    expect(errors).toEqual([]);
  });

  it("a МОЦ makes an agreement of a programme school from a suggestion and uploads its document", async () => {
    const { shell, errors } = await app.signIn("moc.dorogobuzh", "demo-moc");
    const { page } = shell;
    await shell.navigation.getByRole("link", { name: "Партнёрства", exact: true }).click();
    const schools = page.getByTestId("partners-schools");
    await schools.locator("tbody tr").first().waitFor();
    // a programme school with no partner school yet, so that its first suggestion is free
    const free = schools
      .locator("tbody tr")
      .filter({ has: page.locator("td:nth-child(3)", { hasText: /^0$/ }) });
    const row = (await free.count()) > 0 ? free.first() : schools.locator("tbody tr").first();
    await row.getByRole("link").click();
    await page.getByTestId("partner-suggestions").waitFor();
    await saveScreenshot(page, "moc", "school-partners");
    await page
      .getByTestId("partner-suggestions")
      .getByRole("button", { name: "Договор из предложения" })
      .first()
      .click();
    const form = page.getByTestId("agreement-form");
    await form.waitFor();
    await form.getByLabel("Предмет или направление").fill("Математика");
    await form.getByLabel("Начало").fill("2026-09-01");
    await form.getByLabel("Окончание").fill("2025-05-31");
    await chooseOption(page, form.getByLabel("Состояние"), "Заключён");
    await form.getByLabel("Номер договора").fill("17-П");
    await form.locator('input[type="file"]').setInputFiles(AGREEMENT_FILE);
    await form.getByRole("button", { name: "Сохранить" }).click();
    // the end before the start is refused beside the field, and nothing is sent
    await form.getByText("Окончание не может быть раньше начала").waitFor();
    await form.getByLabel("Окончание").fill("2027-05-31");
    await saveScreenshot(page, "moc", "agreement-form");
    await form.getByRole("button", { name: "Сохранить" }).click();
    await form.waitFor({ state: "detached" });
    const agreement = page
      .getByTestId("partner-agreements")
      .locator("tbody tr")
      .filter({ hasText: "Математика" });
    await agreement.getByRole("link", { name: AGREEMENT_FILE.name }).waitFor();
    expect(await agreement.innerText()).toContain("№ 17-П");
    expect(await agreement.innerText()).toContain("Заключён");
    const href = await agreement.getByRole("link", { name: AGREEMENT_FILE.name }).getAttribute("href");
    const download = await page.request.get(href ?? "");
    expect(download.status()).toBe(200);
    expect(await download.text()).toContain("Договор о сетевом взаимодействии");
    await saveScreenshot(page, "moc", "school-partners-agreement");
    expect(errors).toEqual([]);
  });

  it("the federal operator and a mentor see no write buttons in the bank", async () => {
    for (const [login, password] of [
      ["federal", "demo-federal"],
      ["mentor", "demo-mentor"],
    ] as const) {
      const { shell, errors } = await app.signIn(login, password);
      const { page } = shell;
      await page.goto("/materials");
      await page.getByTestId("materials-search").waitFor();
      await page
        .getByText(/Найдено|Ничего не найдено/)
        .first()
        .waitFor();
      expect(await page.getByTestId("material-add").count()).toBe(0);
      expect(await page.getByRole("button", { name: "Изменить" }).count()).toBe(0);
      expect(errors).toEqual([]);
    }
  });
});
