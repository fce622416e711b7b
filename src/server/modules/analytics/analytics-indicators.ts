import type { AnalyticsIndicator } from "../../../core/analytics";
import type { Db } from "../../platform/db";
import { AppError } from "../../platform/errors";
import { findIndicators, type IndicatorRow } from "../indicators/indicator.repo";

/** An indicator the analytics may use, with its database id. */
export type ResolvedIndicator = AnalyticsIndicator & { id: number };

/**
 * The region's school-level indicators by code, in the order asked; 400 naming every unknown code
 * (`path` is the request field the codes came from).
 */
export async function resolveIndicators(
  db: Db,
  regionId: number,
  codes: { path: string; codes: readonly string[] }[],
): Promise<ResolvedIndicator[][]> {
  const catalogue = new Map<string, IndicatorRow>(
    (await findIndicators(db, regionId)).filter((i) => i.level === "school").map((i) => [i.code, i]),
  );
  const issues = codes.flatMap(({ path, codes: list }) =>
    list
      .filter((code) => !catalogue.has(code))
      .map((code) => ({ path, message: `Нет показателя школы с кодом «${code}» в каталоге региона` })),
  );
  if (issues.length > 0) throw new AppError("invalid_input", "Неизвестные показатели", issues);
  return codes.map(({ codes: list }) =>
    list.map((code) => {
      const row = catalogue.get(code)!;
      return { id: row.id, code: row.code, name: row.name, direction: row.direction };
    }),
  );
}
