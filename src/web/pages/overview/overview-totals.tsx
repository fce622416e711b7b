import { SimpleGrid } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { RegionOverview } from "../../../shared/api";
import { formatNumber, formatPercent } from "../../components/format";
import { StatCard } from "../../components/stat-card";

/** Props of the key figures: the totals and the municipalities (for the districts / city districts split). */
export type OverviewTotalsProps = Pick<RegionOverview, "totals" | "municipalities">;

/**
 * The region's key figures: municipalities, schools, rural share, small among rural, students, students in
 * rural schools.
 */
export function OverviewTotals({ totals, municipalities }: OverviewTotalsProps) {
  const { t } = useTranslation();
  const cities = municipalities.filter((m) => m.kind === "city").length;
  const averageSize = totals.schools > 0 ? Math.round(totals.students / totals.schools) : 0;
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3, xl: 6 }} spacing="md" data-testid="overview-totals">
      <StatCard
        label={t("overview.municipalities")}
        value={formatNumber(totals.municipalities)}
        hint={t("overview.municipalityKinds", {
          districts: formatNumber(municipalities.length - cities),
          cities: formatNumber(cities),
        })}
        testId="total-municipalities"
      />
      <StatCard
        label={t("overview.schools")}
        value={formatNumber(totals.schools)}
        hint={t("overview.inMunicipalities", { count: totals.municipalities })}
        testId="total-schools"
      />
      <StatCard
        label={t("overview.ruralShare")}
        value={formatPercent(totals.ruralShare)}
        hint={t("overview.ruralSchools", {
          count: totals.ruralSchools,
          value: formatNumber(totals.ruralSchools),
        })}
      />
      <StatCard
        label={t("overview.smallShareOfRural")}
        value={formatPercent(totals.smallShareOfRural)}
        hint={t("overview.smallSchools", {
          count: totals.smallRuralSchools,
          value: formatNumber(totals.smallRuralSchools),
        })}
      />
      <StatCard
        label={t("overview.students")}
        value={formatNumber(totals.students)}
        hint={t("overview.averageSize", { value: formatNumber(averageSize) })}
      />
      <StatCard
        label={t("overview.ruralStudentShare")}
        value={formatPercent(totals.ruralStudentShare)}
        hint={t("overview.ruralStudents", {
          count: totals.ruralStudents,
          value: formatNumber(totals.ruralStudents),
        })}
      />
    </SimpleGrid>
  );
}
