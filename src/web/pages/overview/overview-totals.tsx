import { SimpleGrid } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { RegionOverview } from "../../../shared/api";
import { formatNumber, formatPercent } from "../../components/format";
import { StatCard } from "../../components/stat-card";

/** The region's key figures: schools, rural share, small among rural, students, students in rural schools. */
export function OverviewTotals({ totals }: { totals: RegionOverview["totals"] }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3, xl: 5 }} spacing="md" data-testid="overview-totals">
      <StatCard
        label={t("overview.schools")}
        value={formatNumber(totals.schools)}
        hint={t("overview.inMunicipalities", { count: totals.municipalities })}
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
      <StatCard label={t("overview.students")} value={formatNumber(totals.students)} />
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
