import { Alert, Group, Select, SimpleGrid, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatRuDate, SUPPORT_KIND_LABELS, SUPPORT_KINDS } from "../../../core/addressed";
import { useWorkRegion } from "../../app/work-region";
import { formatNumber } from "../../components/format";
import { PageHeader } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { StatCard } from "../../components/stat-card";
import { schoolYearLabel } from "../causes/causes-year";
import { useAddressedSupport } from "./addressed.queries";
import { AddressedChart } from "./addressed-chart";
import { AddressedFlags } from "./addressed-flags";
import { AddressedTable } from "./addressed-table";

/** How many school years around the shown one the picker offers. */
const OFFERED_YEARS = 4;

/**
 * «Адресная поддержка»: for a МОЦ (or the region, by municipality) what each programme school
 * received in a school year — consultations, requests, courses, mentors, events, partners — as a
 * chart and a table, and the flags to act on, each a sentence.
 */
export function AddressedPage() {
  const { t } = useTranslation();
  const region = useWorkRegion();
  const [year, setYear] = useState<number | undefined>(undefined);
  const [municipalityId, setMunicipalityId] = useState<number | null>(null);
  const support = useAddressedSupport({ year, municipalityId, regionId: region.regionId }, region.isReady);
  const shown = year ?? support.data?.year;
  const years = shown === undefined ? [] : Array.from({ length: OFFERED_YEARS }, (_, k) => shown + 1 - k);
  return (
    <Stack gap="md">
      <PageHeader
        title={t("addressed.title")}
        subtitle={t("addressed.subtitle")}
        actions={
          shown !== undefined && (
            <Select
              aria-label={t("addressed.year")}
              data-testid="addressed-year"
              w={130}
              allowDeselect={false}
              data={years.map((y) => ({ value: String(y), label: schoolYearLabel(y) }))}
              value={String(shown)}
              onChange={(value) => value && setYear(Number(value))}
            />
          )
        }
      />
      <QueryView query={support}>
        {(data) => (
          <Stack gap="md">
            <Group gap="md" align="end">
              {data.municipalityOptions.length > 1 && (
                <Select
                  w={320}
                  label={t("addressed.municipality")}
                  data-testid="addressed-municipality"
                  data={[
                    { value: "", label: t("addressed.allMunicipalities") },
                    ...data.municipalityOptions.map((m) => ({ value: String(m.id), label: m.name })),
                  ]}
                  value={municipalityId === null ? "" : String(municipalityId)}
                  onChange={(value) => setMunicipalityId(value ? Number(value) : null)}
                  allowDeselect={false}
                  searchable
                />
              )}
              <Text size="sm" c="dimmed" data-testid="addressed-period">
                {t("addressed.period", {
                  territory: data.territory,
                  from: formatRuDate(data.period.from),
                  to: formatRuDate(data.period.to),
                  asOf: formatRuDate(data.asOf),
                })}
              </Text>
            </Group>
            {data.schools.length === 0 ? (
              <Alert color="gray" data-testid="addressed-empty">
                {t("addressed.empty")}
              </Alert>
            ) : (
              <>
                <SimpleGrid cols={{ base: 2, md: 4 }}>
                  <StatCard
                    label={t("addressed.statSchools")}
                    value={formatNumber(data.totals.schools)}
                    hint={t("addressed.statWithNone", { count: data.totals.withNone })}
                    testId="addressed-stat-schools"
                  />
                  {SUPPORT_KINDS.slice(0, 3).map((kind) => (
                    <StatCard
                      key={kind}
                      label={SUPPORT_KIND_LABELS[kind]}
                      value={formatNumber(data.totals.counts[kind])}
                      hint={t("addressed.statReached", { count: data.totals.schoolsReached[kind] })}
                      testId={`addressed-stat-${kind}`}
                    />
                  ))}
                </SimpleGrid>
                <AddressedFlags data={data} />
                <AddressedChart data={data} />
                <AddressedTable data={data} />
              </>
            )}
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
