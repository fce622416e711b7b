import type { Locator, Page } from "playwright-core";

/** The teachers of a school: the registry table, the priority marks, the import panel. */
export class SchoolTeachersPage {
  constructor(readonly page: Page) {}

  /** Opens the page of a school for a year and waits for the table. */
  async goto(schoolId: number, year: number): Promise<void> {
    await this.page.goto(`/schools/${schoolId}/teachers?year=${year}`);
    await this.table.waitFor();
  }

  get table(): Locator {
    return this.page.getByTestId("teachers-table");
  }

  get rows(): Locator {
    return this.page.getByTestId("teacher-row");
  }

  /** The rows of the priority group. */
  get priorityRows(): Locator {
    return this.rows.filter({ has: this.page.getByTestId("teacher-priority") });
  }
}

/** A teacher's card: the chart of scores, the history, the ИОМ. */
export class TeacherCardPage {
  constructor(readonly page: Page) {}

  get chart(): Locator {
    return this.page.getByTestId("teacher-block-chart");
  }

  get plan(): Locator {
    return this.page.getByTestId("individual-plan");
  }

  get planItems(): Locator {
    return this.page.getByTestId("plan-items");
  }
}
