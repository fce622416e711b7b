import { Badge, Group, NumberInput, SimpleGrid } from "@mantine/core";
import { type BlockScores, PROFESSIONAL_BLOCK_LABELS, PROFESSIONAL_BLOCKS } from "../../../core/teachers";

/** A mentor's or candidate's strengths as «Блок 88» badges, strongest first. */
export function Strengths({ strengths }: { strengths: BlockScores }) {
  const list = PROFESSIONAL_BLOCKS.flatMap((b) => {
    const v = strengths[b];
    return v === undefined ? [] : [{ b, v }];
  }).sort((x, y) => y.v - x.v);
  return (
    <Group gap={4}>
      {list.map(({ b, v }) => (
        <Badge key={b} variant="light" color={v >= 70 ? "green" : "gray"} tt="none">
          {PROFESSIONAL_BLOCK_LABELS[b]} {v}
        </Badge>
      ))}
    </Group>
  );
}

/** The strengths by block as number inputs 0–100 (a block left empty is not a strength). */
export function StrengthsInput({
  value,
  onChange,
}: {
  value: BlockScores;
  onChange: (next: (s: BlockScores) => BlockScores) => void;
}) {
  return (
    <SimpleGrid cols={2}>
      {PROFESSIONAL_BLOCKS.map((b) => (
        <NumberInput
          key={b}
          label={PROFESSIONAL_BLOCK_LABELS[b]}
          min={0}
          max={100}
          value={value[b] ?? ""}
          onChange={(v) =>
            onChange((s) => {
              const next = { ...s };
              if (v === "" || v === undefined) delete next[b];
              else next[b] = Number(v);
              return next;
            })
          }
        />
      ))}
    </SimpleGrid>
  );
}

/** A mentor's capacity: how many mentees at once, 0–20. */
export function CapacityInput({
  label,
  value,
  onChange,
  testId,
}: {
  label: string;
  value: number;
  onChange: (value: number) => void;
  testId?: string;
}) {
  return (
    <NumberInput
      label={label}
      min={0}
      max={20}
      value={value}
      onChange={(v) => onChange(typeof v === "number" ? v : Number(v) || 0)}
      w={160}
      data-testid={testId}
    />
  );
}
