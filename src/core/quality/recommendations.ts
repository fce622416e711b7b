/**
 * Rule (c) of issue 13, 5 (seed 003: «Рекомендации, которые дают руководители МОЦ школам, часто не
 * связаны с показателями»): a МОЦ recommendation tied to no catalogue indicator and no confirmed cause.
 */

/** A recommendation of a МОЦ report with what it is tied to. */
export type Recommendation = { text: string; indicatorCodes: readonly string[]; causeIds: readonly number[] };

/** A recommendation found tied to nothing: its number (from 1) and its text. */
export type UnlinkedRecommendation = { number: number; text: string };

/** The recommendations tied to no indicator and no cause, numbered as they stand in the report. */
export function findUnlinkedRecommendations(list: readonly Recommendation[]): UnlinkedRecommendation[] {
  return list.flatMap((item, index) =>
    item.indicatorCodes.length === 0 && item.causeIds.length === 0
      ? [{ number: index + 1, text: item.text }]
      : [],
  );
}
