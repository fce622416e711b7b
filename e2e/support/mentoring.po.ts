import type { Locator, Page } from "playwright-core";

/** «Подбор наставников»: the run button, its summary and the table of pairs with their decisions. */
export class MatchingPage {
  constructor(readonly page: Page) {}

  get run(): Locator {
    return this.page.getByTestId("run-matching");
  }

  get summary(): Locator {
    return this.page.getByTestId("matching-summary");
  }

  get rows(): Locator {
    return this.page.getByTestId("pair-row");
  }

  /** The pairs still waiting for the МОЦ's decision (they have a confirm button). */
  get suggestedRows(): Locator {
    return this.rows.filter({ has: this.page.getByTestId("confirm-pair") });
  }

  /** The row of a teacher's pair. */
  rowOf(teacher: string): Locator {
    return this.page.locator(`[data-testid="pair-row"][data-teacher="${teacher}"]`);
  }
}

/** «Мои подопечные»: the mentor's confirmed mentees, each with a meeting form in a dialog. */
export class MyMenteesPage {
  constructor(readonly page: Page) {}

  get cards(): Locator {
    return this.page.getByTestId("mentee-card");
  }

  cardOf(teacher: string): Locator {
    return this.page.locator(`[data-testid="mentee-card"][data-teacher="${teacher}"]`);
  }

  /** Records a meeting of a mentee through the dialog of its card. */
  async recordMeeting(teacher: string, meeting: { date: string; topic: string; outcome: string }) {
    await this.cardOf(teacher).getByTestId("add-meeting").click();
    const dialog = this.page.getByRole("dialog");
    await dialog.getByTestId("meeting-date").fill(meeting.date);
    await dialog.getByText("Дистанционно", { exact: true }).click();
    await dialog.getByTestId("meeting-topic").fill(meeting.topic);
    await dialog.getByTestId("meeting-outcome").fill(meeting.outcome);
    return dialog;
  }
}

/** The «Кандидаты в наставники» tab of the matching page: candidates with their sentence and an add button. */
export class CandidatesTab {
  constructor(readonly page: Page) {}

  get rows(): Locator {
    return this.page.getByTestId("candidate-row");
  }

  /** The candidates not in the registry yet (they have an add button). */
  get addable(): Locator {
    return this.rows.filter({ has: this.page.getByTestId("add-candidate") });
  }

  rowOf(name: string): Locator {
    return this.page.locator(`[data-testid="candidate-row"][data-candidate="${name}"]`);
  }

  /** Adds a candidate to the registry with a capacity and waits for the confirmation. */
  async add(name: string, capacity: number): Promise<void> {
    const row = this.rowOf(name);
    await row.getByTestId("candidate-capacity").fill(String(capacity));
    await row.getByTestId("add-candidate").click();
    await this.page.getByTestId("candidate-added").waitFor();
  }
}
