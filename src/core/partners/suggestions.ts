import { type GeoPoint, haversineKm } from "./geo";

/**
 * Why a school may lead a programme school: a high result (among the best third of the region by a
 * result indicator of the contextual model) or resilience (a high result in hard conditions).
 */
export type PartnerStrength = "resilient" | "high_result";

/** A school that may be suggested as a partner, with what the contextual model and the clusters say. */
export type PartnerCandidate = {
  schoolId: number;
  code: string;
  name: string;
  municipalityId: number;
  municipalityName: string;
  point: GeoPoint | null;
  strength: PartnerStrength;
  /** The results it is high in, in words («ОГЭ по математике (средний балл)»). */
  highIn: string[];
  /**
   * How far above its expected result the school is, in residual σ of the contextual model (the
   * largest over the results it is strong in); null when it was found without a model (best third).
   */
  aboveExpectedSd?: number | null;
  /** Its cluster of social conditions (1-based), or null when the clusters are not built or it has none. */
  cluster: number | null;
};

/** The programme school partners are suggested for. */
export type PartnerSeeker = { schoolId: number; point: GeoPoint | null; cluster: number | null };

/** A suggested partner school: the candidate, how far, whether in the same cluster, and why, in a sentence. */
export type PartnerSuggestion = PartnerCandidate & {
  distanceKm: number | null;
  isSameCluster: boolean;
  sentence: string;
};

/** What the suggestions are built with: candidates, cluster names and how many to give. */
export type SuggestInput = {
  seeker: PartnerSeeker;
  candidates: readonly PartnerCandidate[];
  /** Name of each cluster by number («Кластер 2: доля малообеспеченных семей выше средней»). */
  clusterNames: ReadonlyMap<number, string>;
  /** Schools not to suggest (already partners). */
  excludeIds?: ReadonlySet<number>;
  limit?: number;
};

const STRENGTH_TEXT: Record<PartnerStrength, string> = {
  resilient: "Устойчивая школа: высокие результаты в трудных социальных условиях",
  high_result: "Высокие результаты",
};

/** «14 км», «0,8 км»: a distance as the sentences print it. */
export function formatKm(km: number): string {
  if (km < 10) return `${km.toFixed(1).replace(".", ",")} км`;
  return `${Math.round(km)} км`;
}

/** The sentence of one suggestion: its strength, the cluster, the distance. */
export function suggestionSentence(
  candidate: PartnerCandidate,
  facts: { distanceKm: number | null; isSameCluster: boolean; seekerCluster: number | null },
  clusterNames: ReadonlyMap<number, string>,
): string {
  const strength =
    candidate.highIn.length > 0 && candidate.strength === "high_result"
      ? `${STRENGTH_TEXT.high_result} (${candidate.highIn.join(", ")})`
      : STRENGTH_TEXT[candidate.strength];
  const parts = [strength];
  if (facts.seekerCluster === null || candidate.cluster === null) {
    parts.push("кластер социальных условий не определён");
  } else if (facts.isSameCluster) {
    parts.push(
      `тот же кластер социальных условий «${clusterNames.get(candidate.cluster) ?? candidate.cluster}»`,
    );
  } else {
    parts.push(
      `другой кластер социальных условий («${clusterNames.get(candidate.cluster) ?? candidate.cluster}»)`,
    );
  }
  parts.push(
    facts.distanceKm === null ? "расстояние неизвестно (нет координат)" : formatKm(facts.distanceKm),
  );
  return parts.join(", ");
}

/**
 * Suggested partner schools for a programme school: every candidate but the school itself and the
 * excluded ones, those in the same cluster of social conditions first, then by distance (unknown
 * distances last), resilient before high-result at equal distance, then by code. Each comes with its sentence.
 */
export function suggestPartners(input: SuggestInput): PartnerSuggestion[] {
  const { seeker } = input;
  const rows = input.candidates
    .filter((c) => c.schoolId !== seeker.schoolId && !input.excludeIds?.has(c.schoolId))
    .map((candidate) => {
      const distanceKm = seeker.point && candidate.point ? haversineKm(seeker.point, candidate.point) : null;
      const isSameCluster = seeker.cluster !== null && candidate.cluster === seeker.cluster;
      return {
        ...candidate,
        distanceKm,
        isSameCluster,
        sentence: suggestionSentence(
          candidate,
          { distanceKm, isSameCluster, seekerCluster: seeker.cluster },
          input.clusterNames,
        ),
      };
    });
  rows.sort(
    (a, b) =>
      Number(b.isSameCluster) - Number(a.isSameCluster) ||
      (a.distanceKm ?? Number.POSITIVE_INFINITY) - (b.distanceKm ?? Number.POSITIVE_INFINITY) ||
      Number(b.strength === "resilient") - Number(a.strength === "resilient") ||
      a.code.localeCompare(b.code),
  );
  return rows.slice(0, input.limit ?? 5);
}

/**
 * The name of a cluster from its profile: its number and the indicator that sets it apart most (the
 * largest mean z-score by magnitude), «Кластер 2: доля малообеспеченных семей выше средней».
 */
export function clusterName(
  profile: { cluster: number; zMeans: Readonly<Record<string, number>> },
  indicatorNames: ReadonlyMap<string, string>,
): string {
  let best: { code: string; z: number } | null = null;
  for (const [code, z] of Object.entries(profile.zMeans)) {
    if (!best || Math.abs(z) > Math.abs(best.z)) best = { code, z };
  }
  if (!best || Math.abs(best.z) < 0.25)
    return `Кластер ${profile.cluster}: условия близки к средним по региону`;
  const name = indicatorNames.get(best.code) ?? best.code;
  const lower = name.slice(0, 1).toLowerCase() + name.slice(1);
  return `Кластер ${profile.cluster}: ${lower} ${best.z > 0 ? "выше" : "ниже"} средней`;
}
