import { Alert, Badge, Button, Group, NumberInput, Paper, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { MentorCandidateRow } from "../../../shared/mentoring-api";
import { QueryView } from "../../components/query-view";
import { Strengths } from "./mentor-fields";
import { useAddCandidate, useCandidates } from "./mentoring.queries";

/** One candidate's «add to the registry» cell: a capacity and the button, or «в реестре». */
function AddCell({
  candidate,
  year,
  onAdded,
}: {
  candidate: MentorCandidateRow;
  year: number;
  onAdded: (name: string) => void;
}) {
  const { t } = useTranslation();
  const add = useAddCandidate();
  const [capacity, setCapacity] = useState<number>(2);
  if (candidate.mentorId !== null) {
    return (
      <Badge color="green" variant="light" data-testid="candidate-in-registry">
        {t("mentoring.candidates.inRegistry")}
      </Badge>
    );
  }
  return (
    <Stack gap={4}>
      <Group gap={4} wrap="nowrap" align="flex-end">
        <NumberInput
          size="xs"
          w={70}
          min={1}
          max={20}
          aria-label={t("mentoring.candidates.capacity")}
          value={capacity}
          onChange={(v) => setCapacity(typeof v === "number" ? v : Number(v) || 1)}
          data-testid="candidate-capacity"
        />
        <Button
          size="xs"
          loading={add.isPending}
          data-testid="add-candidate"
          onClick={() =>
            add.mutate(
              { teacherId: candidate.teacherId, year, input: { capacity } },
              { onSuccess: (m) => onAdded(m.fullName) },
            )
          }
        >
          {t("mentoring.candidates.add")}
        </Button>
      </Group>
      {add.isError && (
        <Text size="xs" c="red">
          {add.error.message}
        </Text>
      )}
    </Stack>
  );
}

/**
 * «Кандидаты в наставники»: the staff of resilient and high-result schools (by the contextual model)
 * with strong blocks, each with the sentence why; the МОЦ or the region adds one to the registry with
 * a capacity in one click.
 */
export function CandidatesTab({
  year,
  regionId,
  enabled,
}: {
  year: number;
  regionId?: number;
  enabled: boolean;
}) {
  const { t } = useTranslation();
  const candidates = useCandidates({ year, regionId }, enabled);
  const [added, setAdded] = useState<string | null>(null);
  return (
    <QueryView query={candidates}>
      {(data) => (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t("mentoring.candidates.intro")}
          </Text>
          {data.notes.map((note) => (
            <Text key={note} size="xs" c="dimmed">
              {note}
            </Text>
          ))}
          {added && (
            <Alert color="green" data-testid="candidate-added" withCloseButton onClose={() => setAdded(null)}>
              {t("mentoring.candidates.added", { name: added })}
            </Alert>
          )}
          {data.candidates.length === 0 ? (
            <Alert color="gray">{t("mentoring.candidates.empty")}</Alert>
          ) : (
            <Paper withBorder p="sm">
              <Text size="sm" c="dimmed" mb="xs">
                {t("mentoring.candidates.count", {
                  count: data.candidates.length,
                  inRegistry: data.candidates.filter((c) => c.mentorId !== null).length,
                })}
              </Text>
              <Table striped verticalSpacing="xs" data-testid="candidates-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("mentoring.candidates.person")}</Table.Th>
                    <Table.Th>{t("mentoring.registry.strengths")}</Table.Th>
                    <Table.Th>{t("mentoring.candidates.why")}</Table.Th>
                    {data.canAdd && <Table.Th />}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.candidates.map((c) => (
                    <Table.Tr key={c.teacherId} data-testid="candidate-row" data-candidate={c.fullName}>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {c.fullName}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {[c.schoolName, c.municipalityName, c.subjects.join(", ")]
                            .filter(Boolean)
                            .join(", ")}
                        </Text>
                        <Badge size="xs" variant="outline" color={c.source === "resilient" ? "teal" : "blue"}>
                          {t(`mentoring.candidates.source.${c.source}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Strengths strengths={c.strengths} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" data-testid="candidate-sentence">
                          {c.sentence}
                        </Text>
                      </Table.Td>
                      {data.canAdd && (
                        <Table.Td>
                          <AddCell candidate={c} year={year} onAdded={setAdded} />
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          )}
        </Stack>
      )}
    </QueryView>
  );
}
