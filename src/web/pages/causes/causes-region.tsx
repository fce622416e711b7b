import type { ReactNode } from "react";
import { useAnalyticsRegion } from "../analytics/region-picker";

/**
 * The region the causes pages work in: undefined for a user of one region (the server takes theirs),
 * the one chosen for a federal operator, with the picker to show (null when there is nothing to
 * choose). Every causes page asks here, so that they follow one way of choosing a region.
 */
export function useCausesRegion(): {
  regionId: number | undefined;
  isReady: boolean;
  picker: ReactNode;
} {
  return useAnalyticsRegion();
}
