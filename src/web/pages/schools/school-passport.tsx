import { Anchor, CopyButton, Group, SimpleGrid, Stack, Text, UnstyledButton } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { School } from "../../../shared/api";
import { can, useMe } from "../../app/session";
import { formatNumber } from "../../components/format";

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={500}>
        {label}
      </Text>
      <Text component="div" data-testid={`passport-${label}`}>
        {children}
      </Text>
    </Stack>
  );
}

/** "54.782680, 32.045320" with a copy-to-clipboard button; a dash when unknown. */
function Coordinates({ latitude, longitude }: { latitude: number | null; longitude: number | null }) {
  const { t } = useTranslation();
  if (latitude === null || longitude === null) return <>{t("common.none")}</>;
  const text = `${latitude.toFixed(6)}, ${longitude.toFixed(6)}`;
  return (
    <Group gap="xs">
      <Text ff="monospace" size="sm" data-testid="school-coordinates">
        {text}
      </Text>
      <CopyButton value={text}>
        {({ copied, copy }) => (
          <UnstyledButton onClick={copy} fz="xs" c={copied ? "teal" : "indigo"}>
            {copied ? t("common.copied") : t("common.copy")}
          </UnstyledButton>
        )}
      </CopyButton>
    </Group>
  );
}

/** «Паспорт» of a school: identity, place, size and contacts. */
export function SchoolPassport({ school: s }: { school: School }) {
  const { t } = useTranslation();
  const me = useMe();
  const yesNo = (value: boolean) => (value ? t("common.yes") : t("common.no"));
  return (
    <SimpleGrid
      cols={{ base: 1, sm: 2, lg: 3 }}
      spacing="lg"
      verticalSpacing="lg"
      data-testid="school-passport"
    >
      <Field label={t("school.fullName")}>{s.fullName}</Field>
      <Field label={t("school.shortName")}>{s.shortName}</Field>
      <Field label={t("school.code")}>
        <Text ff="monospace">{s.code}</Text>
      </Field>
      <Field label={t("school.municipality")}>
        {can(me, "municipality.read") ? (
          <Anchor component={Link} to={`/municipalities/${s.municipalityId}`}>
            {s.municipalityName}
          </Anchor>
        ) : (
          s.municipalityName
        )}
      </Field>
      <Field label={t("school.kind")}>{s.kind}</Field>
      <Field label={t("school.locality")}>
        {s.isRural ? t("school.localityRural") : t("school.localityUrban")}
      </Field>
      <Field label={t("school.isSmall")}>{yesNo(s.isSmall)}</Field>
      <Field label={t("school.students")}>{formatNumber(s.students)}</Field>
      <Field label={t("school.teachers")}>{formatNumber(s.teachers)}</Field>
      <Field label={t("school.address")}>{s.address || t("common.none")}</Field>
      <Field label={t("school.coordinates")}>
        <Coordinates latitude={s.latitude} longitude={s.longitude} />
      </Field>
    </SimpleGrid>
  );
}
