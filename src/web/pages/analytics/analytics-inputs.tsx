import { Select } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useAnalyticsOptions } from "./analytics.queries";
import { useAnalyticsRegion } from "./region-picker";

/**
 * What both analysis pages start from: the region (with its picker for a federal operator), the
 * indicators that have values there, and the year (latest with data unless the user picks one), with
 * the year's select ready to place in the form.
 */
export function useAnalyticsInputs() {
  const { t } = useTranslation();
  const region = useAnalyticsRegion();
  const options = useAnalyticsOptions(region.regionId, region.isReady);
  const indicators = (options.data?.indicators ?? []).filter((i) => i.valueCount > 0);
  const has = (code: string) => indicators.some((i) => i.code === code);
  const [picked, setPicked] = useState<string | null>(null);
  const yearValue = picked ?? (options.data?.years[0] !== undefined ? String(options.data.years[0]) : null);
  const yearSelect = (
    <Select
      label={t("analytics.year")}
      data={(options.data?.years ?? []).map((y) => ({ value: String(y), label: String(y) }))}
      value={yearValue}
      onChange={setPicked}
      w={110}
    />
  );
  return {
    region,
    options,
    indicators,
    has,
    year: yearValue === null ? null : Number(yearValue),
    yearSelect,
  };
}
