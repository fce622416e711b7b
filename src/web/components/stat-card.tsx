import { Paper, Text } from "@mantine/core";

/** Props of a figure card. */
export type StatCardProps = { label: string; value: string; hint?: string; testId?: string };

/** One key figure: a large value with its label and an optional hint below. */
export function StatCard({ label, value, hint, testId }: StatCardProps) {
  return (
    <Paper data-testid={testId}>
      <Text size="sm" c="dimmed" lh={1.3}>
        {label}
      </Text>
      <Text fz={28} fw={600} mt={4} lh={1.2} data-testid={testId && `${testId}-value`}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed" mt={4}>
          {hint}
        </Text>
      )}
    </Paper>
  );
}
