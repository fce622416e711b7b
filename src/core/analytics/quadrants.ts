/**
 * The four groups of the contextual model (HSE: Yastrebov, Pinskaya, Kosaretsky), in the order
 * they are assigned: the first that applies wins.
 */
export const QUADRANTS = ["low_result_hard_context", "underperforming", "resilient", "other"] as const;

/** A group of the contextual model. */
export type Quadrant = (typeof QUADRANTS)[number];

/** Russian names of the groups, for the UI, the CLI and documents. */
export const QUADRANT_LABELS: Record<Quadrant, string> = {
  low_result_hard_context: "Низкий результат в трудных условиях",
  underperforming: "Ниже ожидаемого для своих условий",
  resilient: "Устойчивая школа",
  other: "Прочие",
};

/** Tuning of the contextual model's groups. */
export type QuadrantOptions = {
  /** Confidence level of the prediction interval. */
  level: number;
  /** k: a residual worse than −k·σ̂ means "below expected". */
  residualSdMultiplier: number;
  /** Share of schools with the worst expected result that count as a hard context. */
  hardContextShare: number;
  /** Share of schools with the worst actual result that count as a low result. */
  lowResultShare: number;
  /** Share of schools with the best actual result that count as a high result. */
  highResultShare: number;
};

/** The defaults: 95% interval, k = 1, terciles. */
export const DEFAULT_QUADRANT_OPTIONS: QuadrantOptions = {
  level: 0.95,
  residualSdMultiplier: 1,
  hardContextShare: 1 / 3,
  lowResultShare: 1 / 3,
  highResultShare: 1 / 3,
};

/** The flags a school's group is decided from. */
export type QuadrantFlags = {
  isHardContext: boolean;
  isLowResult: boolean;
  isHighResult: boolean;
  isBelowExpected: boolean;
};

/**
 * The group of a school, by priority:
 * 1. «низкий результат в трудных условиях»: hard context and low result (the context explains it: ШФНСУ-like);
 * 2. «ниже ожидаемого для своих условий»: result below the expected band (the school itself: ШНРО-like);
 * 3. «устойчивая школа»: hard context and high result (a source of practice and mentors);
 * 4. «прочие».
 */
export function assignQuadrant(flags: QuadrantFlags): Quadrant {
  if (flags.isHardContext && flags.isLowResult) return "low_result_hard_context";
  if (flags.isBelowExpected) return "underperforming";
  if (flags.isHardContext && flags.isHighResult) return "resilient";
  return "other";
}

const share = (x: number) => `${Math.round(x * 100)}%`;

/** The rule in plain Russian, returned with every model so that the API documents itself. */
export function describeQuadrantRule(options: QuadrantOptions): string {
  return [
    "Ожидаемый результат (индекс контекста) — значение показателя результата, предсказанное линейной регрессией по выбранным показателям контекста.",
    `Трудные условия — ожидаемый результат среди худших ${share(options.hardContextShare)} школ региона.`,
    `Низкий результат — фактический результат среди худших ${share(options.lowResultShare)} школ региона; высокий — среди лучших ${share(options.highResultShare)}.`,
    `«Ниже ожидаемого» — остаток хуже −${options.residualSdMultiplier}·σ (σ — остаточное стандартное отклонение) или результат за пределами ${share(options.level)}-го интервала прогноза.`,
    "Группа назначается по порядку: низкий результат в трудных условиях; ниже ожидаемого для своих условий; устойчивая школа (трудные условия и высокий результат); прочие.",
    "Направление показателя учитывается: если лучше меньшее значение, худшими считаются большие значения.",
  ].join(" ");
}
