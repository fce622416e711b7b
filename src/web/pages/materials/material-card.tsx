import { Anchor, Badge, Group, Paper, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { MaterialItem } from "../../../shared/materials-api";

/** A headline with «<b>…</b>» marks as text with highlighted matches (no HTML is rendered). */
export function Headline({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  text.split(/(<b>.*?<\/b>)/).forEach((part, i) => {
    const match = /^<b>(.*)<\/b>$/.exec(part);
    // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string
    parts.push(match ? <mark key={i}>{match[1]}</mark> : <span key={i}>{part}</span>);
  });
  return <Text size="sm">{parts}</Text>;
}

/** One material: title, kind, level, tags, the search snippet, the file and the link; `actions` at its top right. */
export function MaterialCard({ item, actions }: { item: MaterialItem; actions?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" data-testid="material-card">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text fw={600}>{item.title}</Text>
        {actions && (
          <Group gap={4} wrap="nowrap">
            {actions}
          </Group>
        )}
      </Group>
      <Group gap={6} my={4}>
        <Badge variant="light">{t(`partners.materials.kinds.${item.kind}`)}</Badge>
        <Badge variant="outline">{t(`partners.materials.levels.${item.level}`)}</Badge>
        {item.tags.map((tag) => (
          <Badge key={tag} color="gray" variant="dot">
            {tag}
          </Badge>
        ))}
      </Group>
      {item.headline ? <Headline text={item.headline} /> : <Text size="sm">{item.description}</Text>}
      <Group gap="md" mt={4}>
        {item.author && (
          <Text size="xs" c="dimmed">
            {item.author}
          </Text>
        )}
        {item.file && (
          <Anchor size="xs" href={`/api/materials/${item.id}/file`}>
            {t("partners.materials.download")}
          </Anchor>
        )}
        {item.url && (
          <Anchor size="xs" href={item.url} target="_blank" rel="noreferrer noopener">
            {t("partners.materials.link")}
          </Anchor>
        )}
      </Group>
    </Paper>
  );
}
