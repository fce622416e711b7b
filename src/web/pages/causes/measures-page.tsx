import { Badge, Button, Group, Paper, Select, Stack, Switch, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { FactorItem, MeasureItem } from "../../../shared/causes-api";
import { PageHeader } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { LinkedMaterials } from "../materials/linked-materials";
import { useFactors, useMeasures, useUpdateMeasure } from "./catalogue.queries";
import { useCausesRegion } from "./causes-region";
import { MeasureModal } from "./measure-modal";

function Line({ label, children }: { label: string; children: string }) {
  return (
    <Text size="sm">
      <Text span c="dimmed">{`${label}: `}</Text>
      {children}
    </Text>
  );
}

function MeasureCard({
  measure,
  canManage,
  onEdit,
}: {
  measure: MeasureItem;
  canManage: boolean;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const retire = useUpdateMeasure();
  const { definition } = measure;
  return (
    <Paper withBorder p="md" data-testid={`measure-${measure.code}`} opacity={measure.isRetired ? 0.6 : 1}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Group gap="xs">
            <Title order={5}>{definition.title}</Title>
            {measure.isRetired && <Badge color="gray">{t("causes.measures.retired")}</Badge>}
          </Group>
          {canManage && (
            <Group gap="xs" wrap="nowrap">
              <Button size="xs" variant="subtle" onClick={onEdit}>
                {t("common.edit")}
              </Button>
              <Button
                size="xs"
                variant="subtle"
                color={measure.isRetired ? "teal" : "gray"}
                loading={retire.isPending}
                onClick={() => retire.mutate({ id: measure.id, patch: { isRetired: !measure.isRetired } })}
              >
                {t(measure.isRetired ? "causes.measures.restore" : "causes.measures.retire")}
              </Button>
            </Group>
          )}
        </Group>
        <Text size="sm">{definition.description}</Text>
        <Group gap={4}>
          {measure.factors.map((factor) => (
            <Badge
              key={factor.code}
              variant="light"
              color="grape"
              size="sm"
              style={{ textTransform: "none" }}
            >
              {factor.title}
            </Badge>
          ))}
        </Group>
        <Line label={t("causes.measures.indicators")}>
          {measure.indicators.length > 0
            ? measure.indicators.map((i) => i.name).join("; ")
            : t("causes.measures.noIndicators")}
        </Line>
        {definition.deadlineText && (
          <Line label={t("causes.measures.deadline")}>{definition.deadlineText}</Line>
        )}
        <Line label={t("causes.measures.owners")}>{definition.owners.join(", ")}</Line>
        {definition.resultText && <Line label={t("causes.measures.result")}>{definition.resultText}</Line>}
        <LinkedMaterials entity="measure" entityId={measure.id} />
      </Stack>
    </Paper>
  );
}

function MeasureList({
  factors,
  regionId,
}: {
  factors: readonly FactorItem[];
  regionId: number | undefined;
}) {
  const { t } = useTranslation();
  const [factor, setFactor] = useState<string | null>(null);
  const [showRetired, setShowRetired] = useState(false);
  const [editing, setEditing] = useState<MeasureItem | "new" | null>(null);
  const measures = useMeasures(regionId, factor);
  return (
    <Stack gap="md">
      <Group align="flex-end">
        <Select
          w={420}
          label={t("causes.measures.factor")}
          data-testid="measures-factor"
          data={[
            { value: "", label: t("causes.measures.allFactors") },
            ...factors.map((f) => ({ value: f.code, label: f.title })),
          ]}
          value={factor ?? ""}
          onChange={(value) => setFactor(value || null)}
          allowDeselect={false}
          searchable
        />
        {measures.data?.permissions.canManage && (
          <>
            <Switch
              label={t("causes.measures.showRetired")}
              checked={showRetired}
              onChange={(e) => setShowRetired(e.currentTarget.checked)}
            />
            <Button onClick={() => setEditing("new")} data-testid="measure-add">
              {t("causes.measures.add")}
            </Button>
          </>
        )}
      </Group>
      <QueryView query={measures}>
        {(data) => {
          const items = data.items.filter((m) => showRetired || !m.isRetired);
          if (items.length === 0) return <Text c="dimmed">{t("causes.measures.empty")}</Text>;
          return (
            <Stack gap="sm">
              {items.map((measure) => (
                <MeasureCard
                  key={measure.id}
                  measure={measure}
                  canManage={data.permissions.canManage}
                  onEdit={() => setEditing(measure)}
                />
              ))}
            </Stack>
          );
        }}
      </QueryView>
      {editing && (
        <MeasureModal
          measure={editing === "new" ? null : editing}
          factors={factors}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}

/** «Меры»: the region's library of recommended measures by cause, with the indicators each should move; editing for the region. */
export function MeasuresPage() {
  const { t } = useTranslation();
  const region = useCausesRegion();
  const factors = useFactors(region.regionId, { enabled: region.isReady });
  return (
    <Stack gap="md">
      <PageHeader
        title={t("causes.measures.title")}
        subtitle={t("causes.measures.subtitle")}
        actions={region.picker}
      />
      <QueryView query={factors}>
        {(data) => (
          <MeasureList factors={data.items.filter((f) => !f.isRetired)} regionId={region.regionId} />
        )}
      </QueryView>
    </Stack>
  );
}
