import { describe, expect, it } from "vitest";
import { pairListSchema } from "../src/shared/mentoring-api";
import { apiCookie, apiGet } from "./support/api";
import { saveScreenshot } from "./support/browser";
import { setUpApp } from "./support/fixture";
import { CandidatesTab, MatchingPage, MyMenteesPage } from "./support/mentoring.po";

const app = setUpApp();

describe("mentoring: the matching, a confirmed pair and a meeting", () => {
  it("the МОЦ runs the matching, reads the reasons and confirms a pair; the mentor records a meeting with a mentee", async () => {
    // 1. the МОЦ of the demo mentor's district runs the matching and confirms a suggested pair
    const moc = await app.signIn("moc.dorogobuzh", "demo-moc");
    const mp = moc.shell.page;
    await moc.shell.open("Подбор наставников");
    const matching = new MatchingPage(mp);
    await matching.rows.first().waitFor();
    await saveScreenshot(mp, "moc", "mentoring-pairs");
    await matching.run.click();
    await matching.summary.waitFor();
    expect(await matching.summary.innerText()).toMatch(/Предложено пар: \d+ для \d+ педагогов/);
    await expect.poll(() => matching.suggestedRows.count()).toBeGreaterThan(0);
    const suggested = matching.suggestedRows.first();
    const reason = await suggested.getByTestId("pair-reason").innerText();
    // the reason names a deficit block with its level and the mentor's strength in it
    expect(reason).toMatch(/^Дефициты? «[^»]+» \(\d+\).* — сильн(ая|ые) сторон(а|ы) наставника \(\d+/);
    const teacher = await suggested.getAttribute("data-teacher");
    if (!teacher) throw new Error("the pair row names no teacher");
    await saveScreenshot(mp, "moc", "mentoring-matching");
    await suggested.getByTestId("confirm-pair").click();
    const confirmed = matching.rowOf(teacher);
    await expect.poll(() => confirmed.innerText()).toContain("Подтверждена");
    expect(await confirmed.getByTestId("confirm-pair").count()).toBe(0);
    await saveScreenshot(mp, "moc", "mentoring-confirmed");

    // the registry of mentors: each with their places taken; the МОЦ gives one a place more
    await mp.getByTestId("tab-registry").click();
    const mentorRow = mp.getByTestId("mentor-row").first();
    await mentorRow.waitFor();
    const before = (await mentorRow.getByTestId("mentor-load").innerText()).match(/(\d+) из (\d+)/);
    if (!before) throw new Error("the mentor's load is not shown as «N из M»");
    await mentorRow.getByTestId("edit-mentor").click();
    const form = mp.getByTestId("mentor-form");
    await form.getByTestId("mentor-capacity").fill(String(Number(before[2]) + 1));
    await saveScreenshot(mp, "moc", "mentoring-mentor-form");
    await form.getByTestId("mentor-save").click();
    await form.waitFor({ state: "detached" });
    await expect
      .poll(() => mentorRow.getByTestId("mentor-load").innerText())
      .toBe(`${before[1]} из ${Number(before[2]) + 1}`);
    await saveScreenshot(mp, "moc", "mentoring-registry");

    // a teacher of the district who is not a mentor yet joins the registry with two places
    const mentors = new Set(
      await mp
        .getByTestId("mentor-row")
        .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-mentor"))),
    );
    await mp.getByTestId("add-mentor").click();
    const add = mp.getByTestId("add-mentor-form");
    await add.getByTestId("add-mentor-school").click();
    await mp.getByRole("option").first().click();
    await add.getByTestId("add-mentor-teacher").click();
    await expect.poll(() => mp.getByRole("option").count()).toBeGreaterThan(0);
    const options = await mp.getByRole("option").allInnerTexts();
    const pick = options.find((o) => !mentors.has(o.split(" (")[0] ?? o));
    if (!pick) throw new Error("every teacher of the school is a mentor already");
    await mp.getByRole("option", { name: pick, exact: true }).first().click();
    await saveScreenshot(mp, "moc", "mentoring-add-mentor");
    await add.getByTestId("add-mentor-save").click();
    await add.waitFor({ state: "detached" });
    const added = mp.locator(`[data-testid="mentor-row"][data-mentor="${pick.split(" (")[0]}"]`);
    await expect.poll(() => added.getByTestId("mentor-load").innerText()).toBe("0 из 2");

    // the candidates tab: staff of resilient and high-result schools, each with the sentence why; one joins with 3 places
    await mp.getByTestId("tab-candidates").click();
    const candidates = new CandidatesTab(mp);
    const open = candidates.addable.first();
    await open.waitFor();
    const name = await open.getAttribute("data-candidate");
    if (!name) throw new Error("the candidate row names no teacher");
    expect(await open.getByTestId("candidate-sentence").innerText()).toMatch(
      /^Школа (устойчивая|с высокими результатами) .*; сильн(ый|ые) блок(и)?: [а-я-]+ \d+/,
    );
    await saveScreenshot(mp, "moc", "mentoring-candidates");
    await candidates.add(name, 3);
    await expect.poll(() => candidates.rowOf(name).getByTestId("candidate-in-registry").count()).toBe(1);
    await saveScreenshot(mp, "moc", "mentoring-candidate-added");
    await mp.getByTestId("tab-registry").click();
    const joined = mp.locator(`[data-testid="mentor-row"][data-mentor="${name}"]`);
    await expect.poll(() => joined.getByTestId("mentor-load").innerText()).toBe("0 из 3");
    expect(moc.errors).toEqual([]);

    // 2. the demo mentor sees only their confirmed mentees and records a meeting with one of them
    const cookie = await apiCookie(app.baseUrl(), "mentor", "demo-mentor");
    const mine = await apiGet(app.baseUrl(), cookie, "/api/mentoring/pairs?status=confirmed", pairListSchema);
    expect(mine.pairs.length).toBeGreaterThan(0);
    const mentor = await app.signIn("mentor", "demo-mentor");
    const page = mentor.shell.page;
    await mentor.shell.open("Мои подопечные");
    const my = new MyMenteesPage(page);
    await expect.poll(() => my.cards.count()).toBe(mine.pairs.length);
    // the pair just confirmed if it is the demo mentor's, otherwise the first mentee
    const mentee = mine.pairs.find((p) => p.teacher.fullName === teacher) ?? mine.pairs[0];
    if (!mentee) throw new Error("the demo mentor has no mentee");
    const card = my.cardOf(mentee.teacher.fullName);
    expect(await card.getByTestId("mentee-meetings").innerText()).toContain(String(mentee.meetings));
    await saveScreenshot(page, "mentor", "mentoring-mentees");

    const topic = "Разбор проверочной работы по итогам ВПР";
    const dialog = await my.recordMeeting(mentee.teacher.fullName, {
      date: `${mentee.year}-04-15`,
      topic,
      outcome: "Составлен план исправления типичных ошибок; следующая встреча через две недели",
    });
    await saveScreenshot(page, "mentor", "mentoring-meeting-form");
    await dialog.getByTestId("meeting-save").click();
    await dialog.waitFor({ state: "detached" });
    await expect
      .poll(() => card.getByTestId("mentee-meetings").innerText())
      .toContain(String(mentee.meetings + 1));

    // the meeting is listed on the pair card
    await card.getByRole("link", { name: mentee.teacher.fullName }).click();
    await page.waitForURL(/\/mentoring\/pairs\/\d+$/);
    const meetings = page.getByTestId("meetings-table");
    await meetings.waitFor();
    await expect.poll(() => meetings.innerText()).toContain(topic);
    expect(await meetings.innerText()).toContain("Дистанционно");
    await saveScreenshot(page, "mentor", "mentoring-pair-card");
    expect(mentor.errors).toEqual([]);
  });
});
