import type { Locator, Page } from "playwright-core";
import { z } from "zod";
import { waitForChart } from "./chart";

/** A question of the workbook, as GET /api/schools/:id/workbook gives it (the fields the filler reads). */
const questionSchema = z.object({
  code: z.string(),
  type: z.enum(["yes_no", "scale", "single_choice", "multiple_choice", "number", "text"]),
  required: z.boolean().optional(),
  factorCodes: z.array(z.string()),
  riskIfYes: z.number().optional(),
  riskIfNo: z.number().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  worseWhen: z.enum(["higher", "lower"]).optional(),
  scoring: z
    .object({ worseWhen: z.enum(["higher", "lower"]), medium: z.number(), high: z.number() })
    .optional(),
  options: z
    .array(
      z.object({
        code: z.string(),
        label: z.string(),
        risk: z.number().optional(),
        weight: z.number().optional(),
      }),
    )
    .optional(),
});
/** A question of the workbook. */
export type WorkbookQuestion = z.infer<typeof questionSchema>;

/** GET /api/schools/:id/workbook?year=…: the definition the school answers. */
export const schoolWorkbookSchema = z.object({
  workbook: z.object({
    definition: z.object({
      sections: z.array(z.object({ code: z.string(), questions: z.array(questionSchema) })),
    }),
  }),
});

/** What to do with one question's input: a label to click, boxes to tick, or text to type. */
export type PlannedAnswer =
  | { kind: "segment"; label: string }
  | { kind: "radio"; label: string }
  | { kind: "checkboxes"; labels: string[] }
  | { kind: "fill"; text: string };

/**
 * The answer a school that has the factors in `bad` would give: the riskiest answer to every question tied to
 * one of them, the safest to the others (one tick of the lightest option where ticking none would leave the
 * question unanswered). Optional text questions get a sentence.
 */
export function plannedAnswer(question: WorkbookQuestion, bad: ReadonlySet<string>): PlannedAnswer {
  const isBad = question.factorCodes.some((code) => bad.has(code));
  const options = question.options ?? [];
  switch (question.type) {
    case "yes_no": {
      const yesWorse = (question.riskIfYes ?? 0) > (question.riskIfNo ?? 0);
      return { kind: "segment", label: yesWorse === isBad ? "да" : "нет" };
    }
    case "scale": {
      const min = question.min ?? 1;
      const max = question.max ?? 5;
      const higherWorse = question.worseWhen !== "lower";
      return { kind: "segment", label: String(higherWorse === isBad ? max : min) };
    }
    case "single_choice": {
      const sorted = [...options].sort((a, b) => (a.risk ?? 0) - (b.risk ?? 0));
      const pick = isBad ? sorted.at(-1) : sorted[0];
      return { kind: "radio", label: pick?.label ?? "" };
    }
    case "multiple_choice": {
      const sorted = [...options].sort((a, b) => (a.weight ?? 0) - (b.weight ?? 0));
      const worse = sorted.filter((o) => (o.weight ?? 0) > 0);
      const better = sorted.filter((o) => (o.weight ?? 0) < 0);
      if (isBad)
        return {
          kind: "checkboxes",
          labels: (worse.length > 0 ? worse : sorted.slice(0, 1)).map((o) => o.label),
        };
      return {
        kind: "checkboxes",
        labels: (better.length > 0 ? better : sorted.slice(0, 1)).map((o) => o.label),
      };
    }
    case "number": {
      const scoring = question.scoring;
      const min = question.min ?? 0;
      const max = question.max ?? 100;
      if (!scoring) return { kind: "fill", text: String(min) };
      const higherWorse = scoring.worseWhen === "higher";
      const worst = higherWorse ? Math.min(max, scoring.high + 1) : Math.max(min, scoring.high);
      const best = higherWorse ? min : Math.min(max, scoring.medium * 2);
      return { kind: "fill", text: String(isBad ? worst : best) };
    }
    case "text":
      return { kind: "fill", text: "Ответ директора школы для проверки" };
  }
}

/** The school card's section «Причины низких результатов»: the profile, the workbook, the examination. */
export class SchoolCausesPanel {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId("school-causes");
  }

  /** The school year the section shows (2025 for «2024/25»). */
  async year(): Promise<number> {
    const label = await this.page.getByTestId("causes-year").inputValue();
    return Number(label.slice(0, 4)) + 1;
  }

  async openTab(tab: "profile" | "workbook" | "examination"): Promise<void> {
    await this.page.getByTestId(`causes-tab-${tab}`).click();
  }

  get workbook(): Locator {
    return this.page.getByTestId("workbook-form");
  }

  question(code: string): Locator {
    return this.page.getByTestId(`question-${code}`);
  }

  /** Answers one question through its input, as a person would. */
  async answer(code: string, planned: PlannedAnswer): Promise<void> {
    const block = this.question(code);
    switch (planned.kind) {
      case "segment":
        await block
          .locator("label")
          .filter({ hasText: new RegExp(`^${planned.label}$`) })
          .click();
        return;
      case "radio":
        await block.getByRole("radio", { name: planned.label, exact: true }).check();
        return;
      case "checkboxes":
        for (const label of planned.labels)
          await block.getByRole("checkbox", { name: label, exact: true }).check();
        return;
      case "fill": {
        const input = block.locator("textarea:not([aria-hidden]), input:not([type=hidden])").first();
        await input.fill(planned.text);
        return;
      }
    }
  }

  get profile(): Locator {
    return this.page.getByTestId("risk-profile");
  }

  /** The level badge of a factor in the profile («высокий риск»…). */
  async factorLevel(code: string): Promise<string> {
    return (
      await this.page.getByTestId(`factor-${code}`).locator(".mantine-Badge-root").first().innerText()
    ).trim();
  }

  /** Waits for the profile's chart to be drawn. */
  async waitForProfileChart(): Promise<void> {
    await waitForChart(this.profile);
  }
}

/** «Новая программа школы»: the confirmed causes with their recommended measures. */
export class ProgrammeBuilder {
  constructor(readonly page: Page) {}

  cause(code: string): Locator {
    return this.page.getByTestId(`programme-cause-${code}`);
  }

  /** The cause's own checkbox (the first in its block; the measures follow). */
  causeBox(code: string): Locator {
    return this.cause(code).getByRole("checkbox").first();
  }

  measure(code: string): Locator {
    return this.page.getByTestId(`programme-measure-${code}`);
  }

  get create(): Locator {
    return this.page.getByTestId("programme-create");
  }
}

/** A plan's page: header actions, figures, tabs, the editor, the transition dialog. */
export class PlanView {
  constructor(readonly page: Page) {}

  /** The plan's id from the address. */
  id(): number {
    const match = /\/plans\/(\d+)/.exec(this.page.url());
    if (!match) throw new Error(`not on a plan page: ${this.page.url()}`);
    return Number(match[1]);
  }

  action(name: "submit" | "return" | "approve" | "lock" | "revise"): Locator {
    return this.page.getByTestId(`plan-action-${name}`);
  }

  /** The status badge beside the actions. */
  get header(): Locator {
    return this.page.locator("header, main").getByRole("heading", { level: 2 }).first();
  }

  /** Opens a transition and confirms it in its dialog (after `fill`, for the return's remarks). */
  async transition(
    name: "submit" | "return" | "approve",
    fill?: (dialog: Locator) => Promise<void>,
  ): Promise<Locator> {
    await this.action(name).click();
    const dialog = this.page.getByRole("dialog");
    await dialog.getByTestId("transition-confirm").waitFor();
    if (fill) await fill(dialog);
    return dialog;
  }

  async confirm(dialog: Locator): Promise<void> {
    await dialog.getByTestId("transition-confirm").click();
    await dialog.waitFor({ state: "detached" });
  }

  tab(name: "quality" | "comments" | "history"): Locator {
    return this.page.getByTestId(`tab-${name}`);
  }

  /** A figure of the plan («Предупреждения качества»…) as a number. */
  figure(label: string): Locator {
    return this.page
      .locator("div.mantine-Paper-root")
      .filter({ has: this.page.locator("p").getByText(label, { exact: true }) })
      .last()
      .locator("p")
      .nth(1);
  }

  get editor(): Locator {
    return this.page.getByTestId("plan-editor");
  }
}
