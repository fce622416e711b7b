import { describe, expect, it } from "vitest";
import { apiCookie, findSchoolByCode } from "./support/api";
import { countRows, FORBIDDEN_TEXT, LoginPage, SchoolCard, SchoolsBrowser, Shell } from "./support/app.po";
import { saveScreenshot } from "./support/browser";
import { setUpApp } from "./support/fixture";

const app = setUpApp();

/** Ids of demo schools by code, read once through the API as the region admin. */
async function schoolIds(...codes: string[]): Promise<Record<string, number>> {
  const cookie = await apiCookie(app.baseUrl(), "admin", "demo-admin");
  const entries = await Promise.all(
    codes.map(async (code) => [code, (await findSchoolByCode(app.baseUrl(), cookie, code)).id] as const),
  );
  return Object.fromEntries(entries);
}

/** Opens a school out of the user's scope by its address: a «не найдено» message and none of its data. */
async function expectNoAccess(shell: Shell, path: string, hiddenText: string): Promise<void> {
  const { page } = shell;
  await page.goto(path);
  await shell.message.waitFor();
  const text = await shell.message.innerText();
  expect(text).toContain("Не найдено");
  expect(text).toContain("нет к ней доступа");
  expect(await shell.mainText()).not.toContain(hiddenText);
  expect(await page.getByTestId("school-passport").count()).toBe(0);
}

describe("sign-in and sign-out", () => {
  it("offers the demo accounts and rejects a wrong password with a Russian message", async () => {
    const { page, errors } = await app.newPage();
    const login = new LoginPage(page);
    await login.goto();
    await expect(login.demoBox.innerText()).resolves.toContain("moc.smolensk");
    await saveScreenshot(page, "guest", "login");

    await login.submit("admin", "not-the-password");
    await login.error.waitFor();
    expect(await login.error.innerText()).toBe("Неверный логин или пароль");
    expect(page.url()).toMatch(/\/login$/);
    await saveScreenshot(page, "guest", "login-error");

    // An unknown login gets the same answer: the page does not tell which logins exist.
    await login.submit("nobody-here", "whatever-password");
    await expect.poll(() => login.error.innerText()).toBe("Неверный логин или пароль");

    // Empty fields are checked before anything is sent.
    await page.getByLabel("Логин").fill("");
    await page.getByLabel("Пароль", { exact: true }).fill("");
    await page.getByRole("button", { name: "Войти" }).click();
    await page.getByText("Введите логин").waitFor();
    expect(errors).toEqual([]);
  });

  it("a demo login fills the form; signing in shows the demo notice; signing out returns to the sign-in page", async () => {
    const { page, errors } = await app.newPage();
    const login = new LoginPage(page);
    await login.goto();
    await login.demoBox.locator('[data-login="analyst"]').click();
    expect(await page.getByLabel("Логин").inputValue()).toBe("analyst");
    await page.getByRole("button", { name: "Войти" }).click();

    const shell = new Shell(page);
    await shell.userName.waitFor();
    expect(await shell.userRole.innerText()).toBe("Региональный аналитик");
    expect(await shell.demoBanner.innerText()).toContain("Демонстрационные данные");
    await shell.heading("Обзор региона").waitFor();

    await shell.signOut();
    expect(page.url()).toMatch(/\/login$/);
    // The session is gone on the server too: a protected page sends back to sign-in.
    await page.goto("/schools");
    await page.getByRole("button", { name: "Войти" }).waitFor();
    expect(page.url()).toContain("/login?next=%2Fschools");
    const me = await page.request.get("/api/auth/me");
    expect(me.status()).toBe(401);
    expect(errors).toEqual([]);
  });

  it("returns to the page asked for before signing in", async () => {
    const { page, errors } = await app.newPage();
    await page.goto("/municipalities");
    await page.getByRole("button", { name: "Войти" }).waitFor();
    const shell = await new LoginPage(page).signIn("admin", "demo-admin");
    await shell.heading("Муниципалитеты").waitFor();
    expect(new URL(page.url()).pathname).toBe("/municipalities");

    await page.goto("/no-such-page");
    await shell.message.waitFor();
    expect(await shell.message.innerText()).toContain("Страница не найдена");
    expect(await shell.mainText()).not.toMatch(FORBIDDEN_TEXT);
    await saveScreenshot(page, "admin", "not-found");
    expect(errors).toEqual([]);
  });
});

describe("scoped roles", () => {
  it("МОЦ coordinator lands on their municipality, sees only its schools and cannot open another one's", async () => {
    const { page, errors } = await app.newPage();
    const ids = await schoolIds("67-001", "67-133");
    await page.goto("/login");
    const shell = await new LoginPage(page).signIn("moc.dorogobuzh", "demo-moc");
    expect(await shell.userRole.innerText()).toBe("Координатор МОЦ · Дорогобужский район");
    expect(await shell.foundationNav()).toEqual(["Мой муниципалитет", "Школы"]);
    await shell.heading("Дорогобужский район").waitFor();
    const schools = new SchoolsBrowser(page);
    expect(await countRows(schools.table)).toBe(11);
    expect(await schools.total.innerText()).toBe("Найдено 11 школ");
    const staff = page.getByTestId("moc-staff");
    expect(await staff.innerText()).toContain("МОЦ Дорогобужского района");
    expect(await staff.getByRole("button", { name: "Добавить сотрудника" }).isVisible()).toBe(true);
    expect(await shell.mainText()).not.toMatch(FORBIDDEN_TEXT);
    await saveScreenshot(page, "moc", "municipality");

    await page.getByRole("button", { name: "Добавить сотрудника" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    await saveScreenshot(page, "moc", "staff-form");
    await dialog.getByRole("button", { name: "Отмена" }).click();
    await dialog.waitFor({ state: "detached" });

    await shell.open("Школы");
    expect(await countRows(schools.table)).toBe(11);
    const municipalities = new Set(await schools.column(2));
    expect([...municipalities]).toEqual(["Дорогобужский район"]);
    await saveScreenshot(page, "moc", "schools");

    await schools.rows.getByRole("link", { name: "Дорогобужская СШ № 1" }).click();
    const card = new SchoolCard(page);
    await card.passport.waitFor();
    expect(await card.field("Код").innerText()).toBe("67-133");
    await saveScreenshot(page, "moc", "school");

    await expectNoAccess(shell, `/schools/${ids["67-001"]}`, "СШ № 1 г. Смоленска");
    await saveScreenshot(page, "moc", "foreign-school");
    await page.goto("/overview");
    await shell.message.waitFor();
    expect(await shell.message.innerText()).toContain("Нет доступа");
    await saveScreenshot(page, "moc", "overview-forbidden");
    expect(errors).toEqual([]);
  });

  it("school director sees their own school card only", async () => {
    const { page, errors } = await app.newPage();
    const ids = await schoolIds("67-001", "67-002", "67-133");
    await page.goto("/login");
    const shell = await new LoginPage(page).signIn("director.67-001", "demo-director");
    expect(await shell.foundationNav()).toEqual(["Моя школа"]);
    const card = new SchoolCard(page);
    await card.passport.waitFor();
    expect(new URL(page.url()).pathname).toBe(`/schools/${ids["67-001"]}`);
    expect(await card.field("Код").innerText()).toBe("67-001");
    expect(await card.field("Краткое наименование").innerText()).toBe("СШ № 1 г. Смоленска");
    expect(await card.field("Обучающихся").innerText()).toMatch(/^\d[\d\s\u00a0]*$/);
    expect(await shell.mainText()).not.toMatch(FORBIDDEN_TEXT);
    await saveScreenshot(page, "director", "school");

    // A school of the same city and one of another municipality are both closed to a director.
    await expectNoAccess(shell, `/schools/${ids["67-002"]}`, "67-002");
    await expectNoAccess(shell, `/schools/${ids["67-133"]}`, "Дорогобужская");
    await saveScreenshot(page, "director", "foreign-school");
    await page.goto("/municipalities");
    await shell.message.waitFor();
    expect(await shell.message.innerText()).toContain("Нет доступа");
    expect(errors).toEqual([]);
  });

  it("mentor sees only the four schools assigned to them", async () => {
    const { page, errors } = await app.newPage();
    const ids = await schoolIds("67-133");
    await page.goto("/login");
    const shell = await new LoginPage(page).signIn("mentor", "demo-mentor");
    expect(await shell.foundationNav()).toEqual(["Школы"]);
    await shell.heading("Школы").waitFor();
    const schools = new SchoolsBrowser(page);
    expect(await countRows(schools.table)).toBe(4);
    expect(await schools.column(0)).toEqual(["67-138", "67-139", "67-140", "67-141"]);
    expect(await page.getByText("Школы, закреплённые за вами").isVisible()).toBe(true);
    expect(await shell.mainText()).not.toMatch(FORBIDDEN_TEXT);
    await saveScreenshot(page, "mentor", "schools");

    await schools.rows.first().getByRole("link").click();
    const card = new SchoolCard(page);
    await card.passport.waitFor();
    expect(await card.field("Код").innerText()).toBe("67-138");
    await saveScreenshot(page, "mentor", "school");

    // A school of the same municipality that is not assigned stays closed.
    await expectNoAccess(shell, `/schools/${ids["67-133"]}`, "Дорогобужская СШ № 1");
    await saveScreenshot(page, "mentor", "foreign-school");
    expect(errors).toEqual([]);
  });

  it("specialist sees only their three assigned rural schools", async () => {
    const { page, errors } = await app.newPage();
    await page.goto("/login");
    const shell = await new LoginPage(page).signIn("specialist", "demo-specialist");
    const schools = new SchoolsBrowser(page);
    expect(await countRows(schools.table)).toBe(3);
    expect(await schools.column(0)).toEqual(["67-278", "67-279", "67-280"]);
    expect(new Set(await schools.column(2))).toEqual(new Set(["Смоленский район"]));
    await saveScreenshot(page, "specialist", "schools");
    await shell.signOut();
    expect(errors).toEqual([]);
  });

  it("a failed load says so in Russian in place of the list, and «Повторить» recovers", async () => {
    const { page, errors } = await app.newPage();
    await page.goto("/login");
    const shell = await new LoginPage(page).signIn("mentor", "demo-mentor");
    await shell.heading("Школы").waitFor();
    let isBroken = true;
    await page.route("**/api/schools?**", (route) =>
      isBroken
        ? route.fulfill({
            status: 500,
            contentType: "application/json",
            body: JSON.stringify({ error: "internal", message: "Внутренняя ошибка сервера", issues: [] }),
          })
        : route.continue(),
    );
    await page.reload();
    const alert = page.getByRole("alert").filter({ hasText: "Не удалось загрузить данные" });
    await alert.waitFor();
    expect(await alert.innerText()).toContain("Внутренняя ошибка сервера");
    // Shown once, in place of the list: no toast repeating it.
    expect(await page.getByText("Внутренняя ошибка сервера").count()).toBe(1);
    await saveScreenshot(page, "mentor", "schools-load-error");

    isBroken = false;
    await alert.getByRole("button", { name: "Повторить" }).click();
    const schools = new SchoolsBrowser(page);
    expect(await countRows(schools.table)).toBe(4);
    expect(errors.filter((e) => !e.includes("status of 500"))).toEqual([]);
  });
});
