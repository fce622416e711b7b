import {
  ActionIcon,
  Button,
  Card,
  Group,
  MultiSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { MocReportDetail, MocReportRecommendation, MocReportSection } from "../../../shared/quality-api";
import { useUpdateMocReport } from "./quality.queries";

/** The form of a МОЦ report: title, sections (heading and text), recommendations with their links. */
export function MocReportEditor({ report, onDone }: { report: MocReportDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useUpdateMocReport(report.id);
  const [title, setTitle] = useState(report.title);
  // each row keeps a key of its own, so that removing one does not move the others' inputs
  const nextKey = useRef(0);
  const keyed = <T,>(value: T) => ({ ...value, key: nextKey.current++ });
  const [sections, setSections] = useState<(MocReportSection & { key: number })[]>(() =>
    report.sections.map(keyed),
  );
  const [recommendations, setRecommendations] = useState<(MocReportRecommendation & { key: number })[]>(() =>
    report.recommendations.map(({ text, indicatorCodes, causeIds }) =>
      keyed({ text, indicatorCodes, causeIds }),
    ),
  );
  const setSection = (index: number, patch: Partial<MocReportSection>) =>
    setSections((list) => list.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  const setRecommendation = (index: number, patch: Partial<MocReportRecommendation>) =>
    setRecommendations((list) => list.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  return (
    <Stack>
      <TextInput
        label={t("quality.report.titleLabel")}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
      />
      {sections.map((section, index) => (
        <Card withBorder key={section.key}>
          <Stack gap="xs">
            <Group align="end">
              <TextInput
                style={{ flex: 1 }}
                label={t("quality.report.sectionTitle")}
                value={section.title}
                onChange={(e) => setSection(index, { title: e.currentTarget.value })}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t("quality.report.removeSection")}
                onClick={() => setSections((list) => list.filter((_, i) => i !== index))}
              >
                ✕
              </ActionIcon>
            </Group>
            <Textarea
              label={t("quality.report.sectionText")}
              autosize
              minRows={4}
              value={section.text}
              onChange={(e) => setSection(index, { text: e.currentTarget.value })}
            />
          </Stack>
        </Card>
      ))}
      <Group>
        <Button
          variant="light"
          onClick={() => setSections((list) => [...list, keyed({ title: "", text: "" })])}
        >
          {t("quality.report.addSection")}
        </Button>
      </Group>
      <Text fw={500}>{t("quality.report.recommendations")}</Text>
      {recommendations.map((item, index) => (
        <Card withBorder key={item.key}>
          <Stack gap="xs">
            <Group align="end">
              <Textarea
                style={{ flex: 1 }}
                autosize
                label={`${t("quality.report.recommendationText")} ${index + 1}`}
                value={item.text}
                onChange={(e) => setRecommendation(index, { text: e.currentTarget.value })}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t("quality.report.removeRecommendation")}
                onClick={() => setRecommendations((list) => list.filter((_, i) => i !== index))}
              >
                ✕
              </ActionIcon>
            </Group>
            <MultiSelect
              label={t("quality.report.indicators")}
              data={report.options.indicators}
              value={item.indicatorCodes}
              onChange={(value) => setRecommendation(index, { indicatorCodes: value })}
              searchable
            />
            <MultiSelect
              label={t("quality.report.causes")}
              data={report.options.causes}
              value={item.causeIds.map(String)}
              onChange={(value) => setRecommendation(index, { causeIds: value.map(Number) })}
              searchable
            />
          </Stack>
        </Card>
      ))}
      <Group>
        <Button
          variant="light"
          onClick={() =>
            setRecommendations((list) => [...list, keyed({ text: "", indicatorCodes: [], causeIds: [] })])
          }
        >
          {t("quality.report.addRecommendation")}
        </Button>
      </Group>
      {save.error && <Text c="red">{save.error.message}</Text>}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t("quality.report.cancel")}
        </Button>
        <Button
          loading={save.isPending}
          onClick={() =>
            save.mutate(
              {
                title,
                sections: sections.map(({ key: _key, ...section }) => section),
                recommendations: recommendations.map(({ key: _key, ...item }) => item),
              },
              { onSuccess: onDone },
            )
          }
        >
          {t("quality.report.save")}
        </Button>
      </Group>
    </Stack>
  );
}
