import { Button, Paper, SimpleGrid, Stack, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { MunicipalityDetail } from "../../../shared/api";
import { can, useMe } from "../../app/session";
import { formatNumber, formatPercent } from "../../components/format";
import { MessagePage } from "../../components/message-page";
import { PageHeader } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { parseId } from "../../components/route-params";
import { StatCard } from "../../components/stat-card";
import { OverduePanel } from "../plans/overdue-panel";
import { SchoolsBrowser } from "../schools/schools-browser";
import { MocStaffSection } from "./moc-staff-section";
import { useMunicipality } from "./municipalities.queries";

function MunicipalityView({ municipality: m }: { municipality: MunicipalityDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const crumbs = can(me, "region.read") ? [{ label: t("nav.municipalities"), to: "/municipalities" }] : [];
  const addSchool = m.permissions.canCreateSchool && (
    <Button component={Link} to={`/schools?create=1&municipalityId=${m.id}`}>
      {t("schools.add")}
    </Button>
  );
  return (
    <Stack gap="lg">
      <PageHeader
        title={m.name}
        subtitle={t(`municipality.kind.${m.kind}`)}
        crumbs={crumbs}
        actions={addSchool}
      />
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        <StatCard label={t("municipality.schools")} value={formatNumber(m.schoolCount)} />
        <StatCard
          label={t("municipality.rural")}
          value={formatNumber(m.ruralCount)}
          hint={t("municipality.ruralShareHint", { share: formatPercent(m.ruralShare) })}
        />
        <StatCard label={t("municipality.small")} value={formatNumber(m.smallCount)} />
        <StatCard label={t("municipality.students")} value={formatNumber(m.students)} />
      </SimpleGrid>
      <Paper>
        <Title order={4} mb="sm">
          {t("municipality.schoolsTitle")}
        </Title>
        <SchoolsBrowser municipalityId={m.id} />
      </Paper>
      <OverduePanel municipalityId={m.id} />
      <MocStaffSection municipality={m} />
    </Stack>
  );
}

/** A municipality: its figures, its schools and the staff of its МОЦ. */
export function MunicipalityPage() {
  const { t } = useTranslation();
  const id = parseId(useParams().id);
  const query = useMunicipality(id);
  if (id === null) return <MessagePage title={t("errors.notFoundTitle")} text={t("municipality.notFound")} />;
  return (
    <QueryView query={query} notFoundText={t("municipality.notFound")}>
      {(m) => <MunicipalityView municipality={m} />}
    </QueryView>
  );
}
