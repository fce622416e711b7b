import { Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { PartnerKind } from "../../../core/partners/partner-kinds";
import { SOCIAL_PARTNER_KINDS } from "../../../core/partners/partner-kinds";
import type { AgreementItem, SchoolPartners } from "../../../shared/partners-api";
import { PageHeader } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { parseId } from "../../components/route-params";
import { usePartnerWrites, useSchoolPartners } from "./partners.queries";

type Kind = PartnerKind;

function AgreementsTable({ items }: { items: AgreementItem[] }) {
  const { t } = useTranslation();
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
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Suggestions({ data, schoolId }: { data: SchoolPartners; schoolId: number }) {
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
                  onClick={() => fromSuggestion.mutate(s.school.id)}
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

function SocialPartnerForm({ schoolId }: { schoolId: number }) {
  const { t } = useTranslation();
  const { create } = usePartnerWrites(schoolId);
  const [kind, setKind] = useState<Kind>("culture");
  const [name, setName] = useState("");
  const [subject, setSubject] = useState("");
  const [startsOn, setStartsOn] = useState("");
  return (
    <Paper withBorder p="sm">
      <Text fw={600} mb="xs">
        {t("partners.addSocial")}
      </Text>
      <Group align="end">
        <Select
          label={t("partners.kind")}
          value={kind}
          onChange={(value) => {
            const picked = SOCIAL_PARTNER_KINDS.find((k) => k === value);
            if (picked) setKind(picked);
          }}
          data={SOCIAL_PARTNER_KINDS.map((k) => ({ value: k, label: t(`partners.kinds.${k}`) }))}
        />
        <TextInput label={t("partners.name")} value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <TextInput
          label={t("partners.subject")}
          value={subject}
          onChange={(e) => setSubject(e.currentTarget.value)}
        />
        <TextInput
          label={t("partners.startsOn")}
          placeholder="ГГГГ-ММ-ДД"
          value={startsOn}
          onChange={(e) => setStartsOn(e.currentTarget.value)}
        />
        <Button
          loading={create.isPending}
          onClick={() =>
            create.mutate(
              { partnerKind: kind, partnerName: name, subject, startsOn },
              { onSuccess: () => setName("") },
            )
          }
        >
          {t("partners.save")}
        </Button>
      </Group>
      {create.error && (
        <Text c="red" size="sm" mt="xs">
          {create.error.message}
        </Text>
      )}
    </Paper>
  );
}

/** A school's partners: its agreements, the suggested partner schools with their sentences, a social partner form. */
export function SchoolPartnersPage() {
  const { t } = useTranslation();
  const schoolId = parseId(useParams().id) ?? 0;
  const query = useSchoolPartners(schoolId);
  return (
    <QueryView query={query}>
      {(data) => (
        <Stack>
          <PageHeader
            title={t("partners.schoolTitle")}
            subtitle={`${data.school.name}, ${data.school.municipalityName}`}
          />
          {data.isProgrammeSchool && <Badge>{t("partners.programmeSchool")}</Badge>}
          <Title order={4}>{t("partners.agreements")}</Title>
          <AgreementsTable items={data.agreements} />
          <Title order={4}>{t("partners.suggestions")}</Title>
          <Suggestions data={data} schoolId={schoolId} />
          <Text size="sm" c="dimmed" data-testid="partner-basis">
            {t("partners.basis")}: {data.basis.notes.join(" ")}
          </Text>
          {data.permissions.canWrite && <SocialPartnerForm schoolId={schoolId} />}
        </Stack>
      )}
    </QueryView>
  );
}
