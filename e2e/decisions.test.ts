import { describe, expect, it } from "vitest";
import { decisionsPageSchema, funnelSchema } from "../src/shared/decisions-api";
import { apiCookie, apiGet } from "./support/api";
import { chooseOption } from "./support/app.po";
import { saveScreenshot } from "./support/browser";
import { waitForChart } from "./support/chart";
import { setUpApp } from "./support/fixture";

const app = setUpApp();

const MOC = "moc.smolensk";

/** A programme school of the МОЦ's municipality with no decision yet, and the funnel's «decided» before. */
async function cast() {
  const base = app.baseUrl();
  const moc = await apiCookie(base, MOC, "demo-moc");
  const page = await apiGet(base, moc, "/api/decisions", decisionsPageSchema);
  const school = page.schools.find((s) => s.decision === null);
  if (!school) throw new Error("every programme school of the МОЦ has a decision");
  const analyst = await apiCookie(base, "analyst", "demo-analyst");
  const funnel = await apiGet(base, analyst, "/api/programme/funnel", funnelSchema);
  const row = funnel.municipalities.find((m) => m.municipalityId === school.municipalityId);
  return { school, decidedBefore: row?.counts.decided ?? 0, totalBefore: funnel.totals.decided };
}

describe("an exit decision from the МОЦ's proposal to the region's approval", () => {
  it("the МОЦ proposes a decision, the region approves it, the funnel counts it", async () => {
    const { school, decidedBefore, totalBefore } = await cast();

    // 1. the МОЦ proposes: the school continues its programme
    const m = await app.signIn(MOC, "demo-moc");
    const mp = m.shell.page;
    await m.shell.open("Результаты и решения");
    const row = mp.getByTestId(`decision-row-${school.code}`);
    await row.waitFor();
    await mp
      .getByTestId("decisions-summary")
      .getByText(/вывод руководителя МОЦ отсутствует/)
      .waitFor();
    await saveScreenshot(mp, "moc", "decisions");
    await row.getByTestId("decision-propose").click();
    await chooseOption(mp, mp.getByTestId("decision-kind"), "Продолжает работу по программе");
    await mp
      .getByTestId("decision-reasons")
      .fill("Целевые показатели достигнуты частично: продолжить работу по программе");
    await saveScreenshot(mp, "moc", "decision-form");
    await mp.getByTestId("decision-submit").click();
    await expect.poll(() => row.getByTestId("decision-status").innerText()).toBe("Предложено МОЦ");
    expect(m.errors).toEqual([]);

    // 2. the region approves it
    const a = await app.signIn("analyst", "demo-analyst");
    const ap = a.shell.page;
    await a.shell.open("Результаты и решения");
    const regionRow = ap.getByTestId(`decision-row-${school.code}`);
    await regionRow.waitFor();
    await regionRow.getByTestId("decision-approve").click();
    await expect.poll(() => regionRow.getByTestId("decision-status").innerText()).toBe("Утверждено");
    await saveScreenshot(ap, "analyst", "decisions");

    // 3. the funnel counts the approved decision in the school's municipality
    await a.shell.open("Воронка программы");
    await waitForChart(ap.getByTestId("funnel-chart"));
    const cell = ap.getByTestId(`funnel-row-${school.municipalityId}`).getByTestId("funnel-decided");
    await expect.poll(() => cell.innerText()).toBe(String(decidedBefore + 1));
    await expect.poll(() => ap.getByTestId("funnel-total-decided").innerText()).toBe(String(totalBefore + 1));
    await saveScreenshot(ap, "analyst", "programme-funnel");
    expect(a.errors).toEqual([]);
  });
});
