import { Select } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "../../app/session";
import { useRegions } from "../overview/overview.queries";

/**
 * The region an analysis runs in: the user's own, or for a federal operator (no region of their
 * own) one picked from a list. Returns the id to send (undefined: the server uses the user's region)
 * and the picker to show, if any.
 */
export function useAnalyticsRegion() {
  const { t } = useTranslation();
  const me = useMe();
  const isMultiRegion = me.regionId === null;
  const regions = useRegions(isMultiRegion);
  const [picked, setPicked] = useState<number | null>(null);
  const regionId = isMultiRegion ? (picked ?? regions.data?.[0]?.id) : undefined;
  const picker = isMultiRegion ? (
    <Select<number>
      aria-label={t("analytics.region")}
      placeholder={t("analytics.region")}
      data={(regions.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
      value={regionId ?? null}
      onChange={setPicked}
      allowDeselect={false}
      searchable
      w={320}
    />
  ) : null;
  return { regionId, isReady: !isMultiRegion || regionId !== undefined, picker };
}
