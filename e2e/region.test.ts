import { describe, expect, it } from "vitest";
import { apiCookie, findSchoolByCode } from "./support/api";
import {
  countRows,
  FORBIDDEN_TEXT,
  LoginPage,
  OverviewPage,
  parseRuNumber,
  SchoolCard,
  SchoolsBrowser,
  type Shell,
} from "./support/app.po";
import { saveScreenshot } from "./support/browser";
import { waitForChart } from "./support/chart";
import { setUpApp } from "./support/fixture";

const app = setUpApp();

/** The demo region (DOMAIN.md's Smolensk figures). */
const MUNICIPALITIES = 27;
const SCHOOLS = 367;

async function expectCleanPage(shell: Shell): Promise<void> {
  await expect(shell.demoBanner.innerText()).resolves.toContain("Демонстрационные данные");
  expect(await shell.mainText()).not.toMatch(FORBIDDEN_TEXT);
}

/** Overview, municipalities, a municipality, schools, a school: what every region-wide role walks through. */
async function walkRegion(role: string, shell: Shell): Promise<void> {
  const { page } = shell;
  await shell.heading("Обзор региона").waitFor();
  const overview = new OverviewPage(page);
  expect(parseRuNumber(await overview.figure("total-municipalities").innerText())).toBe(MUNICIPALITIES);
  expect(parseRuNumber(await overview.figure("total-schools").innerText())).toBe(SCHOOLS);
  await waitForChart(overview.chart);
  expect(await overview.chart.innerText()).toContain("г. Смоленск");
  // the total at the end of each bar: Вяземский район has 28 schools (the axis ticks are tens)
  expect(await overview.chart.innerText()).toMatch(/\b28\b/);
  expect(await countRows(overview.municipalitiesTable)).toBe(MUNICIPALITIES);
  await expectCleanPage(shell);
  await saveScreenshot(page, role, "overview");

  await shell.open("Муниципалитеты");
  const table = page.getByTestId("municipalities-table");
  expect(await countRows(table)).toBe(MUNICIPALITIES);
  await expectCleanPage(shell);
  await saveScreenshot(page, role, "municipalities");

  await table.getByRole("link", { name: "Дорогобужский район" }).click();
  await shell.heading("Дорогобужский район").waitFor();
  const schools = new SchoolsBrowser(page);
  await schools.rows.first().waitFor();
  expect(await schools.total.innerText()).toBe("Найдено 11 школ");
  const staff = page.getByTestId("moc-staff");
  expect(await staff.innerText()).toContain("Координатор МОЦ");
  await expectCleanPage(shell);
  await saveScreenshot(page, role, "municipality");

  await shell.open("Школы");
  await schools.rows.first().waitFor();
  expect(await schools.total.innerText()).toBe(`Показаны 1–50 из ${SCHOOLS}`);
  await expect(schools.rows.count()).resolves.toBe(50);
  await expectCleanPage(shell);
  await saveScreenshot(page, role, "schools");
}

describe("region-wide roles", () => {
  it("admin walks the region, sorts and filters the schools, opens a school card, the users and the audit log", async () => {
    const { page, errors } = await app.newPage();
    await page.goto("/login");
    const shell = await new LoginPage(page).signIn("admin", "demo-admin");
    expect(await shell.foundationNav()).toEqual([
      "Обзор региона",
      "Муниципалитеты",
      "Школы",
      "Пользователи",
      "Журнал действий",
    ]);
    await walkRegion("admin", shell);

    // Sorting by students (descending on the second click) puts the biggest school first.
    const schools = new SchoolsBrowser(page);
    await schools.sortBy("Обучающихся", "descending");
    expect(page.url()).toContain("sort=-students");
    const students = (await schools.column(5)).map(parseRuNumber);
    expect(students).toEqual([...students].sort((a, b) => b - a));

    // Filters narrow the list; the filter lives in the address, so «Назад» from a card comes back to it.
    await page.getByRole("textbox", { name: "Поиск школы" }).fill("Дорогобужская");
    await expect.poll(() => schools.total.innerText()).toBe(`Найдено 2 школы (всего школ: ${SCHOOLS})`);
    await page.getByRole("button", { name: "Сбросить" }).click();
    await expect.poll(() => schools.total.innerText()).toBe(`Показаны 1–50 из ${SCHOOLS}`);
    await page.goto("/schools?locality=small");
    await schools.rows.first().waitFor();
    const badges = await schools.column(4);
    expect(badges.every((text) => text.includes("малокомплектная"))).toBe(true);
    const firstOnPage1 = (await schools.column(1))[0];
    await schools.pagination.getByRole("button", { name: "2", exact: true }).click();
    await expect.poll(async () => (await schools.column(1))[0]).not.toBe(firstOnPage1);
    expect(page.url()).toContain("page=2");
    const firstOnPage2 = (await schools.column(1))[0] ?? "";
    await schools.rows.first().getByRole("link").click();
    const card = new SchoolCard(page);
    await card.passport.waitFor();
    expect(await shell.page.getByRole("heading", { level: 2 }).innerText()).toBe(firstOnPage2);
    await page.goBack();
    await schools.rows.first().waitFor();
    expect(page.url()).toContain("page=2");
    await expect.poll(async () => (await schools.column(1))[0]).toBe(firstOnPage2);

    await page.goto("/schools");
    await schools.search.fill("67-001");
    await schools.rows.getByRole("link", { name: "СШ № 1 г. Смоленска" }).click();
    await card.passport.waitFor();
    expect(await card.field("Код").innerText()).toBe("67-001");
    expect(await card.field("Муниципалитет").innerText()).toBe("г. Смоленск");
    expect(await card.field("Полное наименование").innerText()).toContain("Средняя школа № 1");
    expect(await card.field("Адрес").innerText()).toContain("Смоленск");
    expect(await page.getByRole("button", { name: "Изменить" }).isVisible()).toBe(true);
    await expectCleanPage(shell);
    await saveScreenshot(page, "admin", "school");

    await page.getByRole("button", { name: "Изменить" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain("Паспорт школы");
    await saveScreenshot(page, "admin", "school-form");
    // A correction of the passport: the card shows it and the audit log records who changed what.
    const teachers = dialog.getByRole("textbox", { name: "Педагогов" });
    const before = parseRuNumber(await teachers.inputValue());
    await teachers.fill(String(before + 1));
    await dialog.getByRole("button", { name: "Сохранить" }).click();
    await dialog.waitFor({ state: "detached" });
    await expect.poll(() => card.field("Педагогов").innerText()).toBe(String(before + 1));

    await shell.open("Пользователи");
    const users = page.getByTestId("users-table");
    await users.locator("tbody tr").first().waitFor();
    const logins = await users.locator("tbody tr td:nth-child(2)").allInnerTexts();
    expect(logins).toEqual(expect.arrayContaining(["admin", "moc.smolensk", "director.67-001", "mentor"]));
    await expectCleanPage(shell);
    await saveScreenshot(page, "admin", "users");

    await shell.open("Журнал действий");
    const audit = page.getByTestId("audit-table");
    await audit.locator("tbody tr").first().waitFor();
    const newest = audit.locator("tbody tr").first();
    expect(await newest.innerText()).toMatch(/admin\s+Изменение\s+Школа/);
    await newest.getByRole("button", { name: "Подробнее" }).click();
    const changes = page.getByTestId("audit-changes").locator("tbody tr");
    expect(await changes.allInnerTexts()).toEqual([`Педагогов\t${before}\t${before + 1}`]);
    await expectCleanPage(shell);
    await saveScreenshot(page, "admin", "audit");
    expect(errors).toEqual([]);
  });

  it("analyst sees the whole region but no users or audit log, and cannot edit a school", async () => {
    const { page, errors } = await app.newPage();
    await page.goto("/login");
    const shell = await new LoginPage(page).signIn("analyst", "demo-analyst");
    expect(await shell.foundationNav()).toEqual(["Обзор региона", "Муниципалитеты", "Школы"]);
    await walkRegion("analyst", shell);

    const cookie = await apiCookie(app.baseUrl(), "analyst", "demo-analyst");
    const school = await findSchoolByCode(app.baseUrl(), cookie, "67-133");
    await page.goto(`/schools/${school.id}`);
    const card = new SchoolCard(page);
    await card.passport.waitFor();
    expect(await card.field("Код").innerText()).toBe("67-133");
    expect(await page.getByRole("button", { name: "Изменить" }).count()).toBe(0);
    await saveScreenshot(page, "analyst", "school");

    await page.goto("/users");
    await shell.message.waitFor();
    expect(await shell.message.innerText()).toContain("Нет доступа");
    expect(await page.getByTestId("users-table").count()).toBe(0);
    await saveScreenshot(page, "analyst", "users-forbidden");
    expect(errors).toEqual([]);
  });

  it("federal operator reads the region with nothing to change", async () => {
    const { page, errors } = await app.newPage();
    await page.goto("/login");
    const shell = await new LoginPage(page).signIn("federal", "demo-federal");
    expect(await shell.userRole.innerText()).toBe("Федеральный оператор");
    expect(await shell.foundationNav()).toEqual(["Обзор региона", "Муниципалитеты", "Школы"]);
    await walkRegion("federal", shell);
    expect(await page.getByRole("button", { name: "Добавить школу" }).count()).toBe(0);
    await schoolsHaveNoEdit(shell);
    expect(errors).toEqual([]);
  });
});

async function schoolsHaveNoEdit(shell: Shell): Promise<void> {
  const { page } = shell;
  const schools = new SchoolsBrowser(page);
  await schools.rows.first().getByRole("link").click();
  await new SchoolCard(page).passport.waitFor();
  expect(await page.getByRole("button", { name: "Изменить" }).count()).toBe(0);
  await saveScreenshot(page, "federal", "school");
}
