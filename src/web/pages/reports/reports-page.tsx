import {
  Anchor,
  Button,
  Card,
  Group,
  List,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type ReportCatalog, type ReportDocument, reportCatalogSchema } from "../../../shared/reports-api";
import { apiGet, toQuery } from "../../app/api-client";
import { useWorkRegion } from "../../app/work-region";
import { PageHeader } from "../../components/page-header";
import { QueryView } from "../../components/query-view";

type Approval = ReportCatalog["approvalDefaults"];

/** The school year now: September starts the next one. */
function currentSchoolYear(): number {
  const now = new Date();
  return now.getMonth() >= 8 ? now.getFullYear() : now.getFullYear() - 1;
}

function useCatalog(
  year: number,
  regionId: number | undefined,
  municipalityId: number | null,
  enabled: boolean,
) {
  return useQuery({
    queryKey: ["reports", "catalog", year, regionId ?? null, municipalityId],
    queryFn: () =>
      apiGet(`/api/reports/catalog${toQuery({ year, regionId, municipalityId })}`, reportCatalogSchema),
    enabled,
  });
}

/** A download's address with the edited texts appended (the approval block, the goals). */
function downloadUrl(
  doc: ReportDocument,
  url: string,
  approval: Approval | null,
  goals: string | null,
): string {
  if (doc.key === "moc_annual" && approval) return `${url}&${toQuery(approval).slice(1)}`;
  if (doc.key === "regional" && goals) return `${url}&${toQuery({ goalsText: goals }).slice(1)}`;
  return url;
}

function DocumentCard({
  doc,
  approval,
  goals,
}: {
  doc: ReportDocument;
  approval: Approval | null;
  goals: string | null;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder data-testid={`report-${doc.key}`}>
      <Stack gap="xs">
        <Title order={4}>{doc.title}</Title>
        <Text size="sm" c="dimmed">
          {doc.description}
        </Text>
        <Text fw={600} size="sm">
          {t("reports.preview")}
        </Text>
        <List size="sm">
          {doc.preview.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
        <Group>
          {doc.downloads.map((d) => (
            <Button
              key={d.format}
              component="a"
              href={downloadUrl(doc, d.url, approval, goals)}
              download
              data-testid={`download-${doc.key}-${d.format}`}
            >
              {t("reports.download", { format: d.format.toUpperCase() })}
            </Button>
          ))}
        </Group>
      </Stack>
    </Card>
  );
}

function ApprovalFields({ value, onChange }: { value: Approval; onChange: (next: Approval) => void }) {
  const { t } = useTranslation();
  const field = (key: keyof Approval) => (
    <TextInput
      key={key}
      label={t(`reports.${key}`)}
      value={value[key]}
      onChange={(e) => onChange({ ...value, [key]: e.currentTarget.value })}
    />
  );
  return (
    <Card withBorder>
      <Text fw={600} mb="xs">
        {t("reports.approval")}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {(
          [
            "approverPosition",
            "approverOrganisation",
            "approverName",
            "approvalOrder",
            "approvalDate",
          ] as const
        ).map(field)}
      </SimpleGrid>
    </Card>
  );
}

function Catalog({ data }: { data: ReportCatalog }) {
  const { t } = useTranslation();
  const [approval, setApproval] = useState<Approval>(data.approvalDefaults);
  const [goals, setGoals] = useState(data.goalsDefault);
  useEffect(() => setApproval(data.approvalDefaults), [data.approvalDefaults]);
  const hasRegional = data.documents.some((d) => d.key === "regional");
  return (
    <Stack>
      {data.documents.some((d) => d.key === "moc_annual") && (
        <ApprovalFields value={approval} onChange={setApproval} />
      )}
      {hasRegional && (
        <Textarea
          label={t("reports.goals")}
          autosize
          minRows={3}
          maxRows={8}
          value={goals}
          onChange={(e) => setGoals(e.currentTarget.value)}
        />
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        {data.documents.map((doc) => (
          <DocumentCard
            key={doc.key}
            doc={doc}
            approval={approval}
            goals={goals === data.goalsDefault ? null : goals}
          />
        ))}
      </SimpleGrid>
      <Title order={4}>{t("reports.existing")}</Title>
      {data.existing.map((e) => (
        <Text key={e.title} size="sm">
          {e.title} — {e.description}{" "}
          <Anchor component={Link} to={e.link}>
            {t("reports.open")}
          </Anchor>
        </Text>
      ))}
    </Stack>
  );
}

/** The reports page: the documents of a year (and a municipality, for the region), one click each, with a preview. */
export function ReportsPage() {
  const { t } = useTranslation();
  const region = useWorkRegion();
  const [year, setYear] = useState(currentSchoolYear());
  const [municipalityId, setMunicipalityId] = useState<number | null>(null);
  const query = useCatalog(year, region.regionId, municipalityId, region.isReady);
  return (
    <Stack>
      <PageHeader title={t("reports.title")} />
      <Text size="sm">{t("reports.intro")}</Text>
      <Group align="end">
        <NumberInput
          label={t("reports.year")}
          value={year}
          min={2000}
          max={2100}
          onChange={(v) => typeof v === "number" && setYear(v)}
          w={200}
          data-testid="reports-year"
        />
        {query.data && query.data.municipalities.length > 1 && (
          <Select
            label={t("reports.municipality")}
            data={query.data.municipalities.map((m) => ({ value: String(m.id), label: m.name }))}
            value={query.data.municipalityId === null ? null : String(query.data.municipalityId)}
            onChange={(v) => setMunicipalityId(v === null ? null : Number(v))}
            searchable
            w={320}
          />
        )}
      </Group>
      <QueryView query={query}>{(data) => <Catalog data={data} />}</QueryView>
    </Stack>
  );
}
