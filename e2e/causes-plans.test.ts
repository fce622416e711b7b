import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  paragraphTexts,
  readDocx,
  tables,
  tableTexts,
} from "../src/server/modules/plans/documents/docx-read.test-support";
import { apiCookie, apiGet, findSchoolByCode } from "./support/api";
import { FORBIDDEN_TEXT, pickOption, SchoolCard, type Shell } from "./support/app.po";
import { saveScreenshot } from "./support/browser";
import {
  PlanView,
  ProgrammeBuilder,
  plannedAnswer,
  SchoolCausesPanel,
  schoolWorkbookSchema,
} from "./support/causes-plans.po";
import { waitForChart } from "./support/chart";
import { setUpApp } from "./support/fixture";

const app = setUpApp();

/** The district school the demo leaves untouched for this flow (demo-programme.ts), and its people. */
const SCHOOL_CODE = "67-133";
const DIRECTOR = { login: "director.67-133", password: "demo-director" };
const MOC = { login: "moc.dorogobuzh", password: "demo-moc" };
const ANALYST = { login: "analyst", password: "demo-analyst" };

/** The two causes the school's answers point to and the МОЦ confirms (factors.data.ts). */
const MOTIVATION = { code: "low_learning_motivation", title: "Низкая мотивация обучающихся к обучению" };
const VSOKO = {
  code: "undeveloped_vsoko",
  title: "Недостаточное развитие ВСОКО и системы внутришкольного мониторинга оценки качества образования",
};
const VSOKO_MEASURE = "Проектирование внутренней системы оценки качества образования (ВСОКО)";

const registrySchema = z.object({
  year: z.number(),
  region: z.object({
    rows: z.array(
      z.object({
        factorCode: z.string(),
        title: z.string(),
        schools: z.number(),
        schoolList: z.array(z.object({ schoolId: z.number(), schoolName: z.string() })),
      }),
    ),
  }),
});

async function expectClean(shell: Shell): Promise<void> {
  expect(await shell.mainText()).not.toMatch(FORBIDDEN_TEXT);
}

describe("causes and plans: the cycle of one school", () => {
  it("the director fills the workbook and sees the profile; the МОЦ confirms the causes; the director builds a programme from the measures, fixes a quality warning and submits; the МОЦ returns it, the director answers and resubmits, the МОЦ approves; the region downloads the registry of causes", async () => {
    const base = app.baseUrl();
    const directorCookie = await apiCookie(base, DIRECTOR.login, DIRECTOR.password);
    const school = await findSchoolByCode(base, directorCookie, SCHOOL_CODE);

    // ── The director: the workbook of causes, answered question by question, then sent.
    const director = await app.signIn(DIRECTOR.login, DIRECTOR.password);
    const dPage = director.shell.page;
    await new SchoolCard(dPage).passport.waitFor();
    const causes = new SchoolCausesPanel(dPage);
    await causes.root.waitFor();
    const year = await causes.year();
    await causes.openTab("workbook");
    await causes.workbook.waitFor();
    expect(await dPage.getByTestId("workbook-status").innerText()).toBe("не начата");
    const { workbook } = await apiGet(
      base,
      directorCookie,
      `/api/schools/${school.id}/workbook?year=${year}`,
      schoolWorkbookSchema,
    );
    const bad = new Set([MOTIVATION.code, VSOKO.code]);
    const questions = workbook.definition.sections.flatMap((section) => section.questions);
    expect(questions.length).toBeGreaterThan(30);
    for (const question of questions) await causes.answer(question.code, plannedAnswer(question, bad));
    await saveScreenshot(dPage, "director", "workbook-filled");
    await dPage.getByTestId("workbook-submit").click();
    await expect.poll(() => dPage.getByTestId("workbook-status").innerText()).toBe("отправлена");
    expect(await dPage.getByTestId("workbook-progress").innerText()).toContain("без ответа обязательных: 0");

    // The risk profile: a drawn chart, the two factors the answers point to rated high with their evidence.
    await causes.openTab("profile");
    await causes.profile.waitFor();
    await causes.waitForProfileChart();
    expect(await causes.profile.innerText()).toContain("отправлена");
    expect(await causes.factorLevel(MOTIVATION.code)).toBe("высокий риск");
    expect(await causes.factorLevel(VSOKO.code)).toBe("высокий риск");
    expect(await causes.factorLevel("low_equipment")).not.toBe("высокий риск");
    await dPage.getByTestId(`factor-${VSOKO.code}`).getByRole("button").first().click();
    await dPage
      .getByTestId(`factor-${VSOKO.code}`)
      .getByText("В школе нет утверждённого положения о ВСОКО", { exact: false })
      .first()
      .waitFor();
    expect(await dPage.getByTestId("school-causes").innerText()).toContain("МОЦ ещё не подтвердил причины");
    await expectClean(director.shell);
    await saveScreenshot(dPage, "director", "risk-profile");

    // ── The МОЦ of the district: the examination beside the workbook, and the two causes confirmed.
    const moc = await app.signIn(MOC.login, MOC.password);
    const mPage = moc.shell.page;
    await mPage.goto(`/schools/${school.id}`);
    const mocCauses = new SchoolCausesPanel(mPage);
    await mocCauses.root.waitFor();
    await mocCauses.openTab("examination");
    await mPage.getByTestId("examination-date").fill(`${year - 1}-10-15`);
    const examination = {
      participants: "Координатор МОЦ, директор школы, руководители ШМО",
      documentCheck: "Положение о ВСОКО не принято, план оценочных процедур не составлен",
      interviews: "Собеседования с учителями математики и русского языка, с классными руководителями",
      assessmentAnalysis: "Отметки в журнале выше результатов ВПР в 6 и 7 классах",
      findings: "Подтверждены низкая мотивация обучающихся и неразвитая ВСОКО",
    };
    for (const [key, text] of Object.entries(examination)) {
      await mPage.getByTestId(`examination-${key}`).fill(text);
    }
    const saved = mPage.waitForResponse(
      (r) => r.url().includes("/examination?") && r.request().method() === "PUT",
    );
    await mPage.getByTestId("examination-save").click();
    expect((await saved).status()).toBe(200);
    await mPage
      .getByTestId("examination")
      .getByText(/^Записал\(а\):/)
      .waitFor();
    // The МОЦ weighs the causes with the profile's levels beside them: both rated high.
    const confirmation = mPage.getByTestId("causes-confirmation");
    for (const cause of [MOTIVATION, VSOKO]) {
      const line = confirmation.locator("tr").filter({ has: mPage.getByTestId(`confirm-${cause.code}`) });
      expect(await line.innerText()).toContain("высокий риск");
      await mPage.getByTestId(`confirm-${cause.code}`).check();
    }
    const confirmed = mPage.waitForResponse(
      (r) => r.url().includes("/causes?") && r.request().method() === "PUT",
    );
    await mPage.getByTestId("causes-save").click();
    expect((await confirmed).status()).toBe(200);
    await mocCauses.openTab("profile");
    await mPage.getByTestId("confirmed-causes").getByText(VSOKO.title).waitFor();
    expect(await mPage.getByTestId("confirmed-causes").innerText()).toContain(MOTIVATION.title);
    await expectClean(moc.shell);
    await saveScreenshot(mPage, "moc", "causes-confirmed");

    // ── The director: a programme built from the recommended measures of the confirmed causes.
    await dPage.reload();
    await causes.root.waitFor();
    await dPage.getByTestId("confirmed-causes").getByText(VSOKO.title).waitFor();
    await director.shell.open("Планы и дорожные карты");
    await dPage.getByTestId("new-programme").click();
    const builder = new ProgrammeBuilder(dPage);
    await builder.cause(MOTIVATION.code).waitFor();
    await builder.cause(VSOKO.code).waitFor();
    expect(await builder.causeBox(MOTIVATION.code).isChecked()).toBe(true);
    const motivationMeasures = builder.cause(MOTIVATION.code).locator('[data-testid^="programme-measure-"]');
    expect(await motivationMeasures.count()).toBeGreaterThan(0);
    // The ВСОКО is left out for now: the programme will miss a confirmed cause.
    await builder.causeBox(VSOKO.code).uncheck();
    expect(await builder.cause(VSOKO.code).locator('[data-testid^="programme-measure-"]').count()).toBe(0);
    await saveScreenshot(dPage, "director", "programme-builder");
    const chosen = await motivationMeasures.count();
    await builder.create.click();
    const plan = new PlanView(dPage);
    await plan.action("submit").waitFor();
    const planId = plan.id();
    expect(await dPage.getByTestId("plan-status").innerText()).toBe("Черновик");
    await expect
      .poll(() => dPage.getByTestId("plan-table").locator('[data-testid^="activity-row-"]').count())
      .toBe(chosen);

    // The quality check names the missing cause.
    expect(await plan.figure("Предупреждения качества").innerText()).toBe("1");
    await plan.tab("quality").click();
    const quality = dPage.getByTestId("quality-panel");
    await quality.waitFor();
    expect(await quality.innerText()).toContain(
      `Причина «${VSOKO.title}» подтверждена, но ни одно мероприятие плана с ней не связано`,
    );
    await saveScreenshot(dPage, "director", "programme-warning");

    // The fix: an activity for the ВСОКО, tied to the cause and its measure; the live check clears as it is made.
    await dPage.getByRole("tab", { name: "План", exact: true }).click();
    await dPage.getByTestId("plan-edit").click();
    await plan.editor.waitFor();
    const liveQuality = dPage.getByTestId("editor-quality");
    expect(await liveQuality.innerText()).toContain("предупреждений — 1");
    await plan.editor.getByTestId("add-activity-s1").click();
    const added = plan.editor.locator('[data-testid^="edit-activity-"]').last();
    await added.getByTestId("activity-title").fill("Разработка и утверждение положения о ВСОКО");
    await added.getByTestId("activity-deadline").fill("Октябрь 2025 года");
    await expect.poll(() => added.getByTestId("activity-deadline-reading").innerText()).not.toBe("");
    const owners = added.getByTestId("activity-owners");
    await owners.fill("Заместитель директора по УВР");
    await owners.press("Enter");
    await added.getByTestId("activity-details").click();
    await pickOption(dPage, added.getByTestId("activity-causes"), VSOKO.title);
    await pickOption(dPage, added.getByLabel("Меры", { exact: true }), VSOKO_MEASURE);
    await expect.poll(() => liveQuality.innerText()).toContain("предупреждений — 0");
    await saveScreenshot(dPage, "director", "programme-fixed");
    await dPage.getByTestId("plan-save").click();
    await plan.editor.waitFor({ state: "detached" });
    await expect.poll(() => plan.figure("Предупреждения качества").innerText()).toBe("0");
    expect(await dPage.getByTestId("plan-table").innerText()).toContain(
      "Разработка и утверждение положения о ВСОКО",
    );

    // Sent for review: no warnings in the dialog.
    const submit = await plan.transition("submit");
    expect(await submit.getByTestId("submit-warnings").count()).toBe(0);
    await plan.confirm(submit);
    await expect.poll(() => dPage.getByTestId("plan-status").innerText()).toBe("На согласовании");
    await expectClean(director.shell);
    await saveScreenshot(dPage, "director", "programme-submitted");

    // ── The МОЦ returns it with a remark.
    const remark = "Добавьте показатель: долю обучающихся, участвующих в олимпиадах, и его целевое значение";
    await mPage.goto(`/plans/${planId}`);
    const mocPlan = new PlanView(mPage);
    const back = await mocPlan.transition("return", async (dialog) => {
      await dialog.getByTestId("return-overall").fill(remark);
    });
    await saveScreenshot(mPage, "moc", "programme-return");
    await mocPlan.confirm(back);
    await expect.poll(() => mPage.getByTestId("plan-status").innerText()).toBe("Возвращён на доработку");

    // ── The director sees the remark, answers it and sends the programme again.
    await dPage.reload();
    const banner = dPage.getByTestId("returned-banner");
    await banner.waitFor();
    expect(await banner.innerText()).toContain(remark);
    const answer =
      "Показатель добавлен в мероприятия раздела 1, цель — на 10 процентных пунктов выше базовой";
    await plan.tab("comments").click();
    await dPage.getByTestId("comment-text").fill(answer);
    await dPage.getByTestId("comment-add").click();
    const comments = dPage.getByTestId("comments-panel");
    await comments.getByText(answer).waitFor();
    expect(await comments.innerText()).toContain(remark);
    await saveScreenshot(dPage, "director", "programme-answered");
    await plan.confirm(await plan.transition("submit"));
    await expect.poll(() => dPage.getByTestId("plan-status").innerText()).toBe("На согласовании");

    // ── The МОЦ sees the answer beside its remark and approves.
    await mPage.reload();
    await mocPlan.tab("comments").click();
    await mPage.getByTestId("comments-panel").getByText(answer).waitFor();
    await mocPlan.confirm(await mocPlan.transition("approve"));
    await expect.poll(() => mPage.getByTestId("plan-status").innerText()).toBe("Утверждён");
    expect(await mocPlan.action("return").count()).toBe(0);
    await expectClean(moc.shell);
    await saveScreenshot(mPage, "moc", "programme-approved");
    await dPage.reload();
    await expect.poll(() => dPage.getByTestId("plan-status").innerText()).toBe("Утверждён");
    expect(await plan.action("submit").count()).toBe(0);
    expect(await dPage.getByTestId("plan-edit").count()).toBe(0);

    // ── The region: the registry of causes with the school under both causes, and its DOCX read back.
    const analyst = await app.signIn(ANALYST.login, ANALYST.password);
    const aPage = analyst.shell.page;
    await analyst.shell.open("Реестр причин");
    await aPage.getByTestId("registry-programme").waitFor();
    await waitForChart(aPage.locator("main"));
    const analystCookie = await apiCookie(base, ANALYST.login, ANALYST.password);
    const registry = await apiGet(base, analystCookie, `/api/causes/registry?year=${year}`, registrySchema);
    const vsokoRow = registry.region.rows.find((row) => row.factorCode === VSOKO.code);
    const listed = vsokoRow?.schoolList.find((item) => item.schoolId === school.id);
    if (!vsokoRow || !listed)
      throw new Error(`the registry of ${year} does not list the school under the ВСОКО`);
    expect(await aPage.locator("main").innerText()).toContain(VSOKO.title);
    await expectClean(analyst.shell);
    await saveScreenshot(aPage, "analyst", "causes-registry");

    const [download] = await Promise.all([
      aPage.waitForEvent("download"),
      aPage.getByTestId("registry-docx").click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const file = await download.path();
    const doc = await readDocx(await readFile(file));
    // The region's table: the ВСОКО row with its count of schools.
    const [regionTable] = tables(doc);
    if (!regionTable) throw new Error("the registry DOCX has no table");
    const row = tableTexts(regionTable).find((cells) => cells[0] === VSOKO.title);
    expect(row?.[1]).toBe(String(vsokoRow.schools));
    // The school named under the cause.
    const texts = paragraphTexts(doc);
    expect(texts.some((text) => text.includes(listed.schoolName))).toBe(true);
    expect(texts).toContain(`${VSOKO.title} (${vsokoRow.schools})`);
    expect([...director.errors, ...moc.errors, ...analyst.errors]).toEqual([]);
  });
});
