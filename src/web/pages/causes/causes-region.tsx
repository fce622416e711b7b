import type { ReactNode } from "react";
import { useWorkRegion } from "../../app/work-region";

/**
 * The region the causes pages work in: undefined for a user of one region (the server takes theirs),
 * the one chosen in the header for a federal operator. Every causes page asks here, so that they
 * follow the one way of choosing a region; the picker itself lives in the header (none here).
 */
export function useCausesRegion(): {
  regionId: number | undefined;
  isReady: boolean;
  picker: ReactNode;
} {
  const { regionId, isReady } = useWorkRegion();
  return { regionId, isReady, picker: null };
}
