import { Select } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useWorkRegion } from "../../app/work-region";
import { useAnalyticsOptions } from "./analytics.queries";

/**
 * What both analysis pages start from: the region the user works in (a federal operator picks it in
 * the header), the
 * indicators that have values there, and the year (the server's default: the latest year with data for
 * most schools, unless the user picks one), with
 * the year's select ready to place in the form.
 */
export function useAnalyticsInputs() {
  const { t } = useTranslation();
  const region = useWorkRegion();
  const options = useAnalyticsOptions();
  const indicators = (options.data?.indicators ?? []).filter((i) => i.valueCount > 0);
  const has = (code: string) => indicators.some((i) => i.code === code);
  const [picked, setPicked] = useState<string | null>(null);
  const defaultYear = options.data?.defaultYear;
  const yearValue =
    picked ?? (defaultYear === undefined || defaultYear === null ? null : String(defaultYear));
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
