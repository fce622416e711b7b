import {
  Anchor,
  Checkbox,
  Group,
  NumberInput,
  Radio,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
} from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { AnswerValue, Question } from "../../../core/causes/workbook.schema";

/** Props of one question of the workbook form. */
export type QuestionInputProps = {
  question: Question;
  number: string;
  value: AnswerValue | undefined;
  error?: string;
  isDisabled: boolean;
  onChange: (value: AnswerValue) => void;
};

const NONE = "";

function Frame({
  question,
  number,
  error,
  isDisabled,
  onClear,
  children,
}: Omit<QuestionInputProps, "value" | "onChange"> & { onClear: (() => void) | null; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6} data-testid={`question-${question.code}`}>
      <Group gap={8} wrap="nowrap" align="flex-start">
        <Text size="sm" fw={600} miw={36}>
          {number}
        </Text>
        <Stack gap={2} style={{ flex: 1 }}>
          <Text size="sm" fw={500}>
            {question.text}
            {!question.required && (
              <Text span size="xs" c="dimmed">
                {` · ${t("causes.workbook.optional")}`}
              </Text>
            )}
          </Text>
          {question.hint && (
            <Text size="xs" c="dimmed">
              {question.hint}
            </Text>
          )}
        </Stack>
        {onClear && !isDisabled && (
          <Anchor component="button" type="button" size="xs" onClick={onClear}>
            {t("causes.workbook.notAnswered")}
          </Anchor>
        )}
      </Group>
      <div style={{ paddingLeft: 44 }}>{children}</div>
      {error && (
        <Text size="xs" c="red" pl={44} data-testid={`question-error-${question.code}`}>
          {error}
        </Text>
      )}
    </Stack>
  );
}

function ChoiceInput({ question, value, isDisabled, onChange }: QuestionInputProps) {
  const { t } = useTranslation();
  switch (question.type) {
    case "yes_no":
      return (
        <SegmentedControl
          style={{ alignSelf: "flex-start" }}
          disabled={isDisabled}
          value={typeof value === "boolean" ? String(value) : NONE}
          onChange={(v) => onChange(v === NONE ? null : v === "true")}
          data={[
            { value: "true", label: t("causes.workbook.yes") },
            { value: "false", label: t("causes.workbook.no") },
            { value: NONE, label: t("causes.workbook.notAnswered") },
          ]}
        />
      );
    case "scale": {
      const points = Array.from({ length: question.max - question.min + 1 }, (_, k) => question.min + k);
      const labels = question.labels.map((label) => `${label.value} — ${label.label}`).join("; ");
      return (
        <Stack gap={4}>
          <SegmentedControl
            style={{ alignSelf: "flex-start" }}
            disabled={isDisabled}
            value={typeof value === "number" ? String(value) : NONE}
            onChange={(v) => onChange(v === NONE ? null : Number(v))}
            data={[
              ...points.map((point) => ({ value: String(point), label: String(point) })),
              { value: NONE, label: "—" },
            ]}
          />
          {labels && (
            <Text size="xs" c="dimmed">
              {labels}
            </Text>
          )}
        </Stack>
      );
    }
    case "single_choice":
      return (
        <Radio.Group value={typeof value === "string" ? value : null} onChange={(v) => onChange(v)}>
          <Stack gap={4}>
            {question.options.map((option) => (
              <Radio key={option.code} value={option.code} label={option.label} disabled={isDisabled} />
            ))}
          </Stack>
        </Radio.Group>
      );
    case "multiple_choice":
      return (
        <Checkbox.Group value={Array.isArray(value) ? value : []} onChange={(v) => onChange(v)}>
          <Stack gap={4}>
            {question.options.map((option) => (
              <Checkbox key={option.code} value={option.code} label={option.label} disabled={isDisabled} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case "number":
      return (
        <NumberInput
          w={220}
          disabled={isDisabled}
          value={typeof value === "number" ? value : ""}
          onChange={(v) =>
            onChange(typeof v === "number" ? v : v === "" ? null : Number(String(v).replace(",", ".")))
          }
          decimalSeparator=","
          allowDecimal={!question.isInteger}
          min={question.min}
          max={question.max}
          suffix={question.unit ? ` ${question.unit}` : undefined}
        />
      );
    case "text":
      return (
        <Textarea
          disabled={isDisabled}
          autosize
          minRows={2}
          maxLength={question.maxLength}
          placeholder={t("causes.workbook.textPlaceholder")}
          value={typeof value === "string" ? value : ""}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
  }
}

/** One question of the workbook with the input of its type: scale, yes/no, one or several choices, number, text. */
export function QuestionInput(props: QuestionInputProps) {
  const { value, onChange } = props;
  const isAnswered = value !== undefined && value !== null && value !== "";
  const canClear = props.question.type === "single_choice" || props.question.type === "multiple_choice";
  return (
    <Frame {...props} onClear={canClear && isAnswered ? () => onChange(null) : null}>
      <ChoiceInput {...props} />
    </Frame>
  );
}
