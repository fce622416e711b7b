import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { apiCookie } from "./support/api";
import { FORBIDDEN_TEXT, pickOption, type Shell } from "./support/app.po";
import { saveScreenshot } from "./support/browser";
import { setUpApp } from "./support/fixture";

const app = setUpApp();

const REGION = "Смоленская область";

/** File names of the navigation's screenshots (saveScreenshot keeps Latin names only). */
const SHOT_NAMES: Record<string, string> = {
  "Обзор региона": "overview",
  Муниципалитеты: "municipalities",
  Школы: "schools",
  Идентификация: "identification",
  "Контекстная модель": "context-page",
  "Кластеры школ": "clusters-page",
  "Сбор данных": "data",
  Показатели: "indicators",
};

/** Sets up an identification run as the analyst, through the API, so that the federal operator has one to read. */
async function runAsAnalyst(): Promise<number> {
  const cookie = await apiCookie(app.baseUrl(), "analyst", "demo-analyst");
  const headers = { cookie };
  const me = z
    .object({ csrfToken: z.string() })
    .parse(await (await fetch(`${app.baseUrl()}/api/auth/me`, { headers })).json());
  const started = await fetch(`${app.baseUrl()}/api/identification/runs`, {
    method: "POST",
    headers: { ...headers, "x-csrf-token": me.csrfToken, "content-type": "application/json" },
    body: JSON.stringify({ year: 2025, ruleSetIds: [1, 2, 3] }),
  });
  const { jobId } = z.object({ jobId: z.number() }).parse(await started.json());
  const jobSchema = z.object({ status: z.string(), result: z.object({ runId: z.number() }).nullable() });
  // Wait for the job's condition, polling: the run takes what it takes on a busy machine.
  await expect
    .poll(
      async () =>
        jobSchema.parse(await (await fetch(`${app.baseUrl()}/api/jobs/${jobId}`, { headers })).json()).status,
      { timeout: 120_000, interval: 200 },
    )
    .toBe("done");
  const job = jobSchema.parse(await (await fetch(`${app.baseUrl()}/api/jobs/${jobId}`, { headers })).json());
  if (!job.result) throw new Error("the run stored nothing");
  return job.result.runId;
}

/** Waits until the page has settled: its title is there and no spinner is left in the main area. */
async function settle(page: Page): Promise<void> {
  await page.locator("main h2").first().waitFor();
  await expect.poll(() => page.locator("main .mantine-Loader-root").count(), { timeout: 30_000 }).toBe(0);
}

/** No error anywhere: no alert (the demo banner is a note), no notification, no error page, no leaked codes. */
async function expectNoError(shell: Shell, where: string): Promise<void> {
  const { page } = shell;
  expect(await page.locator('[role="alert"]').allInnerTexts(), where).toEqual([]);
  expect(await page.locator(".mantine-Notification-root").count(), where).toBe(0);
  expect(await shell.message.count(), where).toBe(0);
  const text = await shell.mainText();
  expect(text, where).not.toContain("Укажите регион");
  expect(text, where).not.toMatch(FORBIDDEN_TEXT);
}

describe("the federal operator", () => {
  it("chooses the region in the header, then opens every page of its navigation with no error and nothing to write", async () => {
    const runId = await runAsAnalyst();
    const { shell, errors } = await app.signIn("federal", "demo-federal");
    const { page } = shell;
    const picker = page.getByTestId("shell-region");
    await pickOption(page, picker, REGION);
    await expect.poll(() => picker.inputValue()).toBe(REGION);

    const labels = await shell.navLabels();
    expect(labels).toEqual(
      expect.arrayContaining(["Идентификация", "Контекстная модель", "Сбор данных", "Показатели"]),
    );
    for (const [index, label] of labels.entries()) {
      await shell.navigation.getByRole("link", { name: label, exact: true }).click();
      await settle(page);
      // The choice holds while navigating.
      expect(await picker.inputValue(), label).toBe(REGION);
      await expectNoError(shell, label);
      await saveScreenshot(page, "federal", `nav-${SHOT_NAMES[label] ?? index}`);
    }

    // «Идентификация»: the analyst's run, read only: no run form, no approval, no rule-set editing.
    await shell.navigation.getByRole("link", { name: "Идентификация", exact: true }).click();
    await page.locator(`tr[data-run-id="${runId}"]`).waitFor();
    await page.getByTestId("results-table").waitFor();
    for (const testId of ["run-start", "run-approve", "run-withdraw"]) {
      expect(await page.getByTestId(testId).count(), testId).toBe(0);
    }
    await page.getByTestId("tab-rules").click();
    await page.getByTestId("rule-sets-table").getByText("Смоленская модель: ШНРО", { exact: true }).click();
    await page.getByTestId("rule-set-preview").waitFor();
    for (const testId of ["rule-set-new", "rule-set-save", "rule-set-delete"]) {
      expect(await page.getByTestId(testId).count(), testId).toBe(0);
    }
    // The preview's year is the latest year with data (the demo has 2023–2025).
    expect(await page.getByLabel("Предпросмотр за год").inputValue()).toBe("2025");
    await expectNoError(shell, "Наборы правил");
    await saveScreenshot(page, "federal", "rule-set");

    // «Показатели»: the catalogue, with nothing to add or retire.
    await shell.navigation.getByRole("link", { name: "Показатели", exact: true }).click();
    await settle(page);
    expect(await page.getByRole("button", { name: "Добавить показатель" }).count()).toBe(0);

    // The analyses compute (analytics.run) in the chosen region, the year defaulting to 2025.
    await shell.navigation.getByRole("link", { name: "Контекстная модель", exact: true }).click();
    await page.getByTestId("context-run").click();
    await page.getByTestId("context-result").waitFor();
    await expectNoError(shell, "Контекстная модель: расчёт");
    await saveScreenshot(page, "federal", "context-model");
    await shell.navigation.getByRole("link", { name: "Кластеры школ", exact: true }).click();
    await page.getByTestId("clusters-run").click();
    await page.getByTestId("clusters-result").waitFor();
    await expectNoError(shell, "Кластеры: расчёт");

    // The choice survives a reload of the tab.
    await page.reload();
    await settle(page);
    expect(await picker.inputValue()).toBe(REGION);
    await expectNoError(shell, "после перезагрузки");
    expect(errors).toEqual([]);
  });
});
