import { describe, expect, it } from "vitest";
import { z } from "zod";
import { apiCookie } from "./support/api";
import {
  ClustersPage,
  chooseOption,
  countRows,
  FORBIDDEN_TEXT,
  IdentificationPage,
  SchoolCard,
  type Shell,
} from "./support/app.po";
import { saveScreenshot } from "./support/browser";
import { setUpApp } from "./support/fixture";

const app = setUpApp();

/** Schools per page of the results table (run-results.tsx). */
const PAGE_SIZE = 25;

const pageSchema = z.object({
  total: z.number(),
  items: z.array(z.object({ schoolId: z.number(), schoolCode: z.string(), riskFlags: z.array(z.string()) })),
});
const runSchema = z.object({
  id: z.number(),
  counts: z.object({ flagged: z.number(), withRiskFlags: z.number() }),
});

/** A signed-in API client for test setup and for reading the server's own figures. */
async function apiClient(login: string, password: string) {
  const cookie = await apiCookie(app.baseUrl(), login, password);
  const me = z
    .object({ csrfToken: z.string() })
    .parse(await (await fetch(`${app.baseUrl()}/api/auth/me`, { headers: { cookie } })).json());
  const send = async (method: "GET" | "POST", path: string, body?: unknown) => {
    const res = await fetch(`${app.baseUrl()}${path}`, {
      method,
      headers: {
        cookie,
        "x-csrf-token": me.csrfToken,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  return { send };
}

/** Runs identification for 2025 through the API and waits for the job's condition; returns the run. */
async function runViaApi() {
  const analyst = await apiClient("analyst", "demo-analyst");
  const { jobId } = z
    .object({ jobId: z.number() })
    .parse(await analyst.send("POST", "/api/identification/runs", { year: 2025, ruleSetIds: [1, 2, 3] }));
  const jobSchema = z.object({ status: z.string(), result: z.object({ runId: z.number() }).nullable() });
  await expect
    .poll(async () => jobSchema.parse(await analyst.send("GET", `/api/jobs/${jobId}`)).status, {
      timeout: 120_000,
      interval: 200,
    })
    .toBe("done");
  const job = jobSchema.parse(await analyst.send("GET", `/api/jobs/${jobId}`));
  if (!job.result) throw new Error("the run stored nothing");
  return runSchema.parse(await analyst.send("GET", `/api/identification/runs/${job.result.runId}`));
}

async function expectClean(shell: Shell): Promise<void> {
  expect(await shell.mainText()).not.toMatch(FORBIDDEN_TEXT);
}

describe("results a person can read", () => {
  it("pages the identified schools on the server, filters and searches them; approval asks first; a region admin withdraws with a reason; the audit log reads in Russian", async () => {
    const run = await runViaApi();
    const analystApi = await apiClient("analyst", "demo-analyst");
    const identified = pageSchema.parse(
      await analystApi.send("GET", `/api/identification/runs/${run.id}/results?pageSize=200`),
    );
    // The demo's run identifies more schools than fit on one page.
    expect(identified.total).toBeGreaterThan(PAGE_SIZE);

    const { shell, errors } = await app.signIn("analyst", "demo-analyst");
    const { page } = shell;
    const ident = new IdentificationPage(page);
    await ident.open();
    await ident.runView.waitFor();
    // By default: the identified schools, one page of them, and how many in all.
    expect(await countRows(ident.results)).toBe(PAGE_SIZE);
    await expect.poll(() => ident.resultsTotal()).toBe(identified.total);
    expect(await ident.resultsTotalText.innerText()).toMatch(/^Показаны 1–25 из /);
    const codes = () =>
      ident.results
        .locator("tbody tr")
        .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-school-code") ?? ""));
    expect(await codes()).toEqual(identified.items.slice(0, PAGE_SIZE).map((r) => r.schoolCode));
    await saveScreenshot(page, "analyst", "results-page-1");
    await ident.resultsPagination.getByRole("button", { name: "2", exact: true }).click();
    await expect
      .poll(codes)
      .toEqual(identified.items.slice(PAGE_SIZE, 2 * PAGE_SIZE).map((r) => r.schoolCode));
    expect(await ident.resultsTotalText.innerText()).toMatch(/^Показаны 26–/);

    // Search by code: the one school, from any page; the page goes back to the first.
    const sought = identified.items[PAGE_SIZE + 1]?.schoolCode ?? "";
    await ident.resultsSearch.fill(sought);
    await expect.poll(codes).toEqual([sought]);
    await ident.resultsSearch.fill("");
    await expect.poll(() => ident.resultsTotal()).toBe(identified.total);
    // Any risk flag: as many schools as the run counts.
    await chooseOption(page, page.getByTestId("results-risk"), "Любой флаг риска");
    await expect.poll(() => ident.resultsTotal()).toBe(run.counts.withRiskFlags);
    await saveScreenshot(page, "analyst", "results-risk");
    // Mantine hides the clear button from the accessibility tree (the keyboard clears with Backspace).
    await page.locator('button[aria-label="Сбросить флаг риска"]').click();
    await expect.poll(() => ident.resultsTotal()).toBe(identified.total);
    await expectClean(shell);

    // Approval asks first, saying what it means and how many schools; «Отмена» changes nothing.
    await page.getByTestId("run-approve").click();
    const dialog = page.getByTestId("approve-dialog");
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain(`${run.counts.flagged} школ`);
    expect(await dialog.innerText()).toContain("официальным перечнем региона");
    await saveScreenshot(page, "analyst", "approve-dialog");
    await page.getByRole("button", { name: "Отмена" }).click();
    await dialog.waitFor({ state: "detached" });
    const runRow = ident.runsTable.locator(`tr[data-run-id="${run.id}"]`);
    expect(await runRow.innerText()).toContain("не утверждён");
    await ident.approve();
    await page.getByTestId("run-approved-by").waitFor();
    expect(await runRow.innerText()).not.toContain("не утверждён");
    // The analyst approves but may not withdraw.
    expect(await page.getByTestId("run-withdraw").count()).toBe(0);
    expect(errors).toEqual([]);

    // The region admin withdraws: the reason is required, in Russian; then who, when and why.
    const admin = await app.signIn("admin", "demo-admin");
    const adminPage = admin.shell.page;
    const adminIdent = new IdentificationPage(adminPage);
    await adminIdent.open();
    await adminIdent.runView.waitFor();
    await adminPage.getByTestId("run-withdraw").click();
    const withdrawDialog = adminPage.getByTestId("withdraw-dialog");
    await withdrawDialog.getByTestId("withdraw-confirm").click();
    await withdrawDialog.getByText("Укажите причину отзыва").waitFor();
    await saveScreenshot(adminPage, "admin", "withdraw-dialog");
    await adminPage.getByRole("button", { name: "Отмена" }).click();
    await withdrawDialog.waitFor({ state: "detached" });
    const reason = "В данных ЕГЭ одной школы найдена ошибка, перечень будет пересчитан";
    await adminIdent.withdraw(reason);
    const withdrawal = adminPage.getByTestId("run-withdrawal");
    await withdrawal.waitFor();
    expect(await withdrawal.innerText()).toContain(reason);
    expect(await withdrawal.innerText()).toContain(await admin.shell.userName.innerText());
    expect(await adminIdent.runsTable.locator(`tr[data-run-id="${run.id}"]`).innerText()).toContain(
      "не утверждён",
    );
    await adminPage.getByTestId("run-approve").waitFor();
    await saveScreenshot(adminPage, "admin", "withdrawn");

    // The audit log names the actions and objects in Russian, the withdrawal with its reason.
    await admin.shell.open("Журнал действий");
    const audit = adminPage.getByTestId("audit-table");
    await audit.locator("tbody tr").first().waitFor();
    const auditText = await audit.innerText();
    for (const label of ["Отзыв утверждения перечня", "Утверждение", "Запуск идентификации"]) {
      expect(auditText).toContain(label);
    }
    for (const code of ["withdraw", "approve", "identification_run", "rule_set"]) {
      expect(auditText).not.toMatch(new RegExp(`\\b${code}\\b`));
    }
    const entry = audit.locator("tbody tr").filter({ hasText: "Отзыв утверждения перечня" }).first();
    await entry.getByRole("button", { name: "Подробнее" }).click();
    const changes = adminPage.getByTestId("audit-changes");
    await changes.waitFor();
    expect(await changes.locator('tr[data-field="reason"]').innerText()).toContain(reason);
    expect(await changes.locator('tr[data-field="status"]').innerText()).toMatch(
      /Состояние\s+утверждён\s+не утверждён/,
    );
    await saveScreenshot(adminPage, "admin", "audit-withdrawal");
    expect(admin.errors).toEqual([]);
  });

  it("shows a school card without a one-tab bar, and the clusters chart with whole indicator names", async () => {
    const { shell, errors } = await app.signIn("analyst", "demo-analyst");
    const { page } = shell;
    await page.goto("/schools");
    await page.getByTestId("schools-table").getByRole("link").first().click();
    const card = new SchoolCard(page);
    await card.passport.waitFor();
    // The passport stands alone (one section: no tab bar); the causes section has its tabs once it has loaded.
    await page.getByTestId("school-causes").getByRole("tablist").waitFor();
    expect(await card.passport.locator("xpath=ancestor::*[@role='tabpanel']").count()).toBe(0);
    // A tab bar only where there is a choice: every bar has more than one tab, and every tab opens some content.
    const bars = page.getByRole("tablist");
    for (let i = 0; i < (await bars.count()); i++) {
      const tabs = bars.nth(i).getByRole("tab");
      expect(await tabs.count()).toBeGreaterThan(1);
      for (let j = 0; j < (await tabs.count()); j++) {
        await tabs.nth(j).click();
        const panelId = await tabs.nth(j).getAttribute("aria-controls");
        const panel = page.locator(`[id="${panelId}"]`);
        await expect.poll(async () => (await panel.innerText()).trim().length).toBeGreaterThan(0);
      }
      await tabs.first().click();
    }
    await saveScreenshot(page, "analyst", "school-card");

    await shell.open("Кластеры школ");
    const clusters = new ClustersPage(page);
    await clusters.runButton.click();
    await clusters.result.waitFor();
    // Read the drawing once ECharts reports it finished at the container's size.
    await clusters.chart.locator('[data-rendered="true"]').waitFor();
    const labels = await clusters.chart.locator("svg text").allTextContents();
    expect(labels.join(" ")).not.toMatch(/…|\.\.\./);
    // The longest default name, whole (its lines are separate pieces of the axis label).
    const squeeze = (text: string) => text.replace(/\s+/g, "");
    expect(squeeze(labels.join(""))).toContain(
      squeeze("Доля обучающихся, у которых хотя бы один родитель имеет высшее образование"),
    );
    await expectClean(shell);
    await saveScreenshot(page, "analyst", "clusters-chart");
    expect(errors).toEqual([]);
  });
});
