import { Select } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormDashboard } from "../data/data.queries";

/** How many school years the causes pages offer: the one under way (next), the default and three before. */
const OFFERED_BEFORE = 3;

/** «2024/25» for 2025. */
export function schoolYearLabel(year: number): string {
  return `${year - 1}/${String(year).slice(2)}`;
}

/** The school year under way, as the calendar year it ends in (from September, the next one). */
function currentSchoolYear(): number {
  const now = new Date();
  return now.getMonth() >= 8 ? now.getFullYear() + 1 : now.getFullYear();
}

/**
 * The school year the causes pages show: the data-collection year (the latest with forms, else the one
 * under way) unless the user picks another; with a picker of the nearby years.
 */
export function useCausesYear() {
  const { t } = useTranslation();
  const dashboard = useFormDashboard(undefined);
  const [picked, setPicked] = useState<number | null>(null);
  const base = dashboard.data?.year ?? (dashboard.isError ? currentSchoolYear() : undefined);
  const year = picked ?? base;
  const years = base === undefined ? [] : Array.from({ length: OFFERED_BEFORE + 2 }, (_, k) => base + 1 - k);
  const picker =
    year === undefined ? null : (
      <Select
        aria-label={t("causes.year")}
        data-testid="causes-year"
        w={130}
        allowDeselect={false}
        data={years.map((y) => ({ value: String(y), label: schoolYearLabel(y) }))}
        value={String(year)}
        onChange={(value) => value && setPicked(Number(value))}
      />
    );
  return { year, picker, isPending: dashboard.isPending };
}
