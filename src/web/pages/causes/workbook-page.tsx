import { Button, Group, Stack, Table, Tabs, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatMoscowDateTime } from "../../components/format";
import { PageHeader } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { useCurrentWorkbook, useFactors, useWorkbookVersions } from "./catalogue.queries";
import { useCausesRegion } from "./causes-region";
import { FactorsTable } from "./factors-table";
import { WorkbookJsonEditor } from "./workbook-json-editor";
import { WorkbookView } from "./workbook-view";

function VersionsTable({ regionId, enabled }: { regionId: number | undefined; enabled: boolean }) {
  const { t } = useTranslation();
  const versions = useWorkbookVersions(regionId, { enabled });
  return (
    <QueryView query={versions}>
      {(data) => (
        <Table verticalSpacing="xs" data-testid="workbook-versions">
          <Table.Tbody>
            {data.map((version) => (
              <Table.Tr key={version.id}>
                <Table.Td w={110}>{t("causes.catalogue.versionRow", { version: version.version })}</Table.Td>
                <Table.Td>{version.note || t("causes.catalogue.preloaded")}</Table.Td>
                <Table.Td w={140}>
                  {t("causes.catalogue.questions", { count: version.questionCount })}
                </Table.Td>
                <Table.Td w={120}>
                  {t("causes.catalogue.responses", { count: version.responseCount })}
                </Table.Td>
                <Table.Td w={260}>
                  <Text size="xs" c="dimmed">
                    {t("causes.catalogue.createdBy", {
                      name: version.createdByName ?? "—",
                      date: formatMoscowDateTime(version.createdAt),
                    })}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </QueryView>
  );
}

/**
 * «Рабочая тетрадь»: the region's workbook of causes in a readable structure (editing as validated
 * JSON for the region, each save a new version), its versions, and the catalogue of risk factors.
 */
export function WorkbookPage() {
  const { t } = useTranslation();
  const region = useCausesRegion();
  const workbook = useCurrentWorkbook(region.regionId, { enabled: region.isReady });
  const factors = useFactors(region.regionId, { enabled: region.isReady });
  const [isEditing, setEditing] = useState(false);
  return (
    <Stack gap="md">
      <PageHeader
        title={t("causes.catalogue.title")}
        subtitle={t("causes.catalogue.subtitle")}
        actions={region.picker}
      />
      <Tabs defaultValue="workbook" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="workbook">{t("causes.catalogue.tabWorkbook")}</Tabs.Tab>
          <Tabs.Tab value="versions">{t("causes.catalogue.tabVersions")}</Tabs.Tab>
          <Tabs.Tab value="factors" data-testid="catalogue-tab-factors">
            {t("causes.catalogue.tabFactors")}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="workbook" pt="md">
          <QueryView query={workbook}>
            {(data) => (
              <Stack gap="sm">
                <Group justify="space-between">
                  <Text fw={600}>
                    {`${data.title} · ${t("causes.workbook.version", { version: data.version })} · ${t("causes.catalogue.questions", { count: data.questionCount })}`}
                  </Text>
                  {data.permissions.canManage && !isEditing && (
                    <Button variant="light" onClick={() => setEditing(true)} data-testid="workbook-edit-json">
                      {t("causes.catalogue.editJson")}
                    </Button>
                  )}
                </Group>
                {isEditing ? (
                  <WorkbookJsonEditor workbook={data.definition} onDone={() => setEditing(false)} />
                ) : (
                  <WorkbookView workbook={data.definition} factors={factors.data?.items ?? []} />
                )}
              </Stack>
            )}
          </QueryView>
        </Tabs.Panel>
        <Tabs.Panel value="versions" pt="md">
          <VersionsTable regionId={region.regionId} enabled={region.isReady} />
        </Tabs.Panel>
        <Tabs.Panel value="factors" pt="md">
          <QueryView query={factors}>{(data) => <FactorsTable data={data} />}</QueryView>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
