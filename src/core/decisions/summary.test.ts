import { describe, expect, it } from "vitest";
import { refuseDecisionAction } from "./decision";
import type { Dynamics } from "./results";
import { type SummaryRow, schoolsDativeRu, schoolsRu, summarizeResults, summarySentences } from "./summary";

function row(subject: Dynamics, extra: Partial<SummaryRow> = {}): SummaryRow {
  return {
    dynamics: { subject, personal: "no_data", olympiad: "no_data" },
    targetVerdict: "no_targets",
    decision: null,
    ...extra,
  };
}

describe("summarySentences", () => {
  it("states seed 003's verdicts for its 59 schools, computed", () => {
    const rows: SummaryRow[] = [
      ...Array.from({ length: 24 }, () => row("improved")),
      ...Array.from({ length: 31 }, () => row("unchanged")),
      ...Array.from({ length: 4 }, () => row("declined")),
    ];
    // 1 school reached all targets and leaves; 2 closed; 10 continue; 46 without a conclusion
    rows[0] = { ...row("improved"), targetVerdict: "all", decision: { kind: "leaves", status: "approved" } };
    rows[1] = { ...row("improved"), decision: { kind: "closed", status: "approved" } };
    rows[2] = { ...row("improved"), decision: { kind: "closed", status: "proposed" } };
    for (let i = 24; i < 34; i += 1)
      rows[i] = { ...row("unchanged"), decision: { kind: "continues", status: "proposed" } };
    const summary = summarizeResults(rows);
    expect(summary.withoutDecision).toBe(46);
    expect(summary.approved).toBe(2);
    const sentences = summarySentences(summary);
    expect(sentences[0]).toBe(
      "В 24 ОО (41 %) повысились предметные результаты обучающихся, в 31 ОО (53 %) — остались почти без изменений, в 4 ОО (7 %) — понизились.",
    );
    expect(sentences[1]).toBe("Личностные результаты обучающихся: нет данных.");
    expect(sentences[3]).toBe(
      "Полностью целевых показателей достигла 1 школа, без целевых показателей в программе — 58 школ.",
    );
    expect(sentences[4]).toBe(
      "1 школа выходит из программы, 2 школы ликвидированы, 10 школам МОЦ рекомендует продолжить работу по программе, по остальным 46 школам вывод руководителя МОЦ отсутствует.",
    );
  });

  it("counts a returned decision as no conclusion and agrees verbs with the number", () => {
    const summary = summarizeResults([
      row("improved", { targetVerdict: "all", decision: { kind: "leaves", status: "returned" } }),
      row("improved", { targetVerdict: "all" }),
    ]);
    const sentences = summarySentences(summary);
    expect(sentences[3]).toBe("Полностью целевых показателей достигли 2 школы.");
    expect(sentences[4]).toBe("По 2 школам вывод руководителя МОЦ отсутствует.");
  });
});

describe("Russian plurals", () => {
  it("says 1 школа, 2 школы, 5 школ, 11 школ, 21 школа", () => {
    expect([1, 2, 5, 11, 21, 22].map(schoolsRu)).toEqual([
      "1 школа",
      "2 школы",
      "5 школ",
      "11 школ",
      "21 школа",
      "22 школы",
    ]);
    expect([1, 46].map(schoolsDativeRu)).toEqual(["1 школе", "46 школам"]);
  });
});

describe("refuseDecisionAction", () => {
  it("lets the МОЦ propose until the region approves, and the region act only on a proposed one", () => {
    expect(refuseDecisionAction(null, "propose")).toBeNull();
    expect(refuseDecisionAction("returned", "propose")).toBeNull();
    expect(refuseDecisionAction("proposed", "approve")).toBeNull();
    expect(refuseDecisionAction(null, "approve")).toMatch(/нет предложенного/);
    expect(refuseDecisionAction("returned", "return")).toMatch(/возвращено/);
    expect(refuseDecisionAction("approved", "propose")).toMatch(/утверждено/);
  });
});
