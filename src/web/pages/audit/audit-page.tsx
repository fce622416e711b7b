import { Button, Center, Paper, Select, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { useAuditTrail } from "./audit.queries";
import { AUDIT_ENTITIES, useEntityLabel } from "./audit-labels";
import { AuditTable } from "./audit-table";

/** «Журнал действий»: who changed what and when, newest first, filterable by entity. */
export function AuditPage() {
  const { t } = useTranslation();
  const entityLabel = useEntityLabel();
  const [entity, setEntity] = useState<string | null>(null);
  const trail = useAuditTrail(entity);

  return (
    <Stack gap="md">
      <PageHeader
        title={t("nav.audit")}
        subtitle={t("audit.subtitle")}
        actions={
          <Select
            placeholder={t("audit.allEntities")}
            aria-label={t("audit.entity")}
            data={AUDIT_ENTITIES.map((e) => ({ value: e, label: entityLabel(e) }))}
            value={entity}
            onChange={setEntity}
            clearable
            w={260}
          />
        }
      />
      <Paper>
        <QueryView query={trail}>
          {(data) => {
            const entries = data.pages.flat();
            if (entries.length === 0) return <Text c="dimmed">{t("audit.empty")}</Text>;
            return (
              <>
                <AuditTable entries={entries} />
                {trail.hasNextPage && (
                  <Center mt="md">
                    <Button
                      variant="default"
                      loading={trail.isFetchingNextPage}
                      onClick={() => trail.fetchNextPage()}
                    >
                      {t("audit.more")}
                    </Button>
                  </Center>
                )}
              </>
            );
          }}
        </QueryView>
      </Paper>
    </Stack>
  );
}
