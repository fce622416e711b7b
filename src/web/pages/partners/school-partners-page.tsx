import { Badge, Button, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { AgreementItem, SchoolPartners } from "../../../shared/partners-api";
import { PageHeader } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { parseId } from "../../components/route-params";
import { AgreementFormModal } from "./agreement-form-modal";
import { usePartnerWrites, useSchoolPartners } from "./partners.queries";

function AgreementsTable({
  items,
  schoolId,
  onEdit,
}: {
  items: AgreementItem[];
  schoolId: number;
  onEdit: (item: AgreementItem) => void;
}) {
  const { t } = useTranslation();
  const { remove } = usePartnerWrites(schoolId);
  const hasEdits = items.some((item) => item.canEdit);
  if (items.length === 0) return <Text c="dimmed">{t("partners.noAgreements")}</Text>;
  return (
    <Table striped data-testid="partner-agreements">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("partners.partner")}</Table.Th>
          <Table.Th>{t("partners.kind")}</Table.Th>
          <Table.Th>{t("partners.subject")}</Table.Th>
          <Table.Th>{t("partners.period")}</Table.Th>
          <Table.Th>{t("partners.document")}</Table.Th>
          <Table.Th>{t("partners.status")}</Table.Th>
          {hasEdits && <Table.Th />}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => (
          <Table.Tr key={item.id}>
            <Table.Td>
              {item.partnerName}
              {item.partnerSchool && (
                <Text size="xs" c="dimmed">
                  {item.partnerSchool.municipalityName}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{t(`partners.kinds.${item.partnerKind}`)}</Table.Td>
            <Table.Td>{item.subject}</Table.Td>
            <Table.Td>
              {item.startsOn}
              {item.endsOn ? ` — ${item.endsOn}` : ""}
            </Table.Td>
            <Table.Td>
              {item.documentNumber && `№ ${item.documentNumber} `}
              {item.documentDate ?? ""}
              {item.file && <a href={`/api/partner-agreements/${item.id}/file`}> {item.file.name}</a>}
              {item.documentUrl && (
                <a href={item.documentUrl} target="_blank" rel="noreferrer noopener">
                  {" "}
                  {t("partners.materials.link")}
                </a>
              )}
            </Table.Td>
            <Table.Td>
              <Badge color={item.status === "draft" ? "gray" : "green"}>
                {t(`partners.statuses.${item.status}`)}
              </Badge>
            </Table.Td>
            {hasEdits && (
              <Table.Td>
                {item.canEdit && (
                  <Group gap={4} wrap="nowrap">
                    <Button size="xs" variant="subtle" onClick={() => onEdit(item)}>
                      {t("common.edit")}
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      loading={remove.isPending && remove.variables === item.id}
                      onClick={() => remove.mutate(item.id)}
                    >
                      {t("common.delete")}
                    </Button>
                  </Group>
                )}
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Suggestions({
  data,
  schoolId,
  onDraft,
}: {
  data: SchoolPartners;
  schoolId: number;
  onDraft: (draft: AgreementItem) => void;
}) {
  const { t } = useTranslation();
  const { fromSuggestion } = usePartnerWrites(schoolId);
  if (data.suggestions.length === 0) return <Text c="dimmed">{t("partners.noSuggestions")}</Text>;
  return (
    <Table striped data-testid="partner-suggestions">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("partners.partner")}</Table.Th>
          <Table.Th>{t("partners.distance")}</Table.Th>
          <Table.Th>{t("partners.why")}</Table.Th>
          {data.permissions.canWrite && <Table.Th />}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {data.suggestions.map((s) => (
          <Table.Tr key={s.school.id}>
            <Table.Td>
              {s.school.name}
              <Text size="xs" c="dimmed">
                {s.school.municipalityName}
              </Text>
            </Table.Td>
            <Table.Td>{s.distanceKm === null ? "—" : s.distanceKm.toLocaleString("ru-RU")}</Table.Td>
            <Table.Td>{s.sentence}</Table.Td>
            {data.permissions.canWrite && (
              <Table.Td>
                <Button
                  size="xs"
                  variant="light"
                  loading={fromSuggestion.isPending && fromSuggestion.variables === s.school.id}
                  onClick={() => fromSuggestion.mutate(s.school.id, { onSuccess: onDraft })}
                >
                  {t("partners.makeDraft")}
                </Button>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** A school's partners: its agreements (added, edited, with their documents), the suggested partner schools with their sentences. */
export function SchoolPartnersPage() {
  const { t } = useTranslation();
  const schoolId = parseId(useParams().id) ?? 0;
  const query = useSchoolPartners(schoolId);
  const [editing, setEditing] = useState<AgreementItem | "new" | null>(null);
  return (
    <QueryView query={query}>
      {(data) => (
        <Stack>
          <PageHeader
            title={t("partners.schoolTitle")}
            subtitle={`${data.school.name}, ${data.school.municipalityName}`}
            actions={
              data.permissions.canWrite && (
                <Button onClick={() => setEditing("new")} data-testid="agreement-add">
                  {t("partners.form.addTitle")}
                </Button>
              )
            }
          />
          {data.isProgrammeSchool && <Badge>{t("partners.programmeSchool")}</Badge>}
          <Title order={4}>{t("partners.agreements")}</Title>
          <AgreementsTable items={data.agreements} schoolId={schoolId} onEdit={setEditing} />
          <Title order={4}>{t("partners.suggestions")}</Title>
          <Suggestions data={data} schoolId={schoolId} onDraft={setEditing} />
          <Text size="sm" c="dimmed" data-testid="partner-basis">
            {t("partners.basis")}: {data.basis.notes.join(" ")}
          </Text>
          {editing !== null && (
            <AgreementFormModal
              schoolId={schoolId}
              item={editing === "new" ? null : editing}
              onClose={() => setEditing(null)}
            />
          )}
        </Stack>
      )}
    </QueryView>
  );
}
