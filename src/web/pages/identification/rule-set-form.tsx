import {
  Badge,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PreviewCounts } from "../../../core/identification/api.schema";
import type { TranslationKey } from "../../i18n/keys";
import { useAnalyticsOptions } from "../analytics/analytics.queries";

/**
 * A rule set as the form edits it: the parsed JSON, read defensively because while a user edits,
 * fields may be missing or wrong (the editor's validation says what; the form shows what it can).
 */
export type Draft = {
  name?: string;
  description?: string;
  category?: string;
  riskFlag?: string;
  combine?: { kind?: string; k?: number };
  minStudents?: number;
  criteria?: DraftCriterion[];
};
type DraftWindow = { kind?: string; k?: number; n?: number; minSlope?: number };
type DraftCriterion = {
  id?: string;
  label?: string;
  kind?: string;
  indicatorCode?: string;
  indicatorCodes?: string[];
  op?: string;
  value?: number;
  percent?: number;
  sd?: number;
  minCount?: number;
  orSameTwoYears?: boolean;
  window?: DraftWindow;
};

const KINDS = ["threshold", "bottom_percent", "below_mean_sd", "multi_threshold"] as const;
const WINDOWS = ["year", "k_of_n", "mean_of_n", "trend"] as const;
const COMBINES = ["any", "all", "at_least"] as const;
const CATEGORIES = ["shnro", "shfnsu", "risk"] as const;
const OPS = [">=", ">", "<=", "<"] as const;
const OP_LABELS: Record<string, string> = { ">=": "≥", ">": ">", "<=": "≤", "<": "<" };

/** A criterion of another kind keeping what carries over: id, label, indicator, window (where allowed). */
function changeKind(c: DraftCriterion, kind: string): DraftCriterion {
  const base = { id: c.id, label: c.label };
  const code = c.indicatorCode ?? c.indicatorCodes?.[0] ?? "";
  const window = c.window ?? { kind: "year" };
  switch (kind) {
    case "bottom_percent":
      return { ...base, kind, indicatorCode: code, percent: 10, window };
    case "below_mean_sd":
      return { ...base, kind, indicatorCode: code, sd: 1, window };
    case "multi_threshold":
      return {
        ...base,
        kind,
        indicatorCodes: code ? [code] : [],
        op: ">=",
        value: 0.3,
        minCount: 1,
        orSameTwoYears: false,
        window: window.kind === "k_of_n" ? window : { kind: "year" },
      };
    default:
      return { ...base, kind: "threshold", indicatorCode: code, op: ">=", value: c.value ?? 0, window };
  }
}

function windowOf(kind: string): DraftWindow {
  if (kind === "k_of_n") return { kind, k: 2, n: 3 };
  if (kind === "mean_of_n") return { kind, n: 3 };
  if (kind === "trend") return { kind, n: 3 };
  return { kind: "year" };
}

/** A number input's value for the draft: undefined when emptied (validation then says it is missing). */
function numberOrUndefined(value: number | string): number | undefined {
  return typeof value === "number" ? value : undefined;
}

function newCriterionId(criteria: DraftCriterion[]): string {
  const ids = new Set(criteria.map((c) => c.id));
  let n = criteria.length + 1;
  while (ids.has(`c${n}`)) n++;
  return `c${n}`;
}

/**
 * The rule set as a form: name, category, how criteria combine, the minimum school size, and each
 * criterion with its indicator, kind, threshold and window. Every change is handed back as a new
 * draft; beside each criterion, how many schools it catches in the preview year.
 */
export function RuleSetForm({
  draft,
  onChange,
  preview,
  readOnly,
}: {
  draft: Draft;
  onChange: (next: Draft) => void;
  preview: PreviewCounts | undefined;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const options = useAnalyticsOptions();
  const indicatorChoices = (options.data?.indicators ?? []).map((i) => ({ value: i.code, label: i.name }));
  const criteria = draft.criteria ?? [];
  const setCriterion = (index: number, next: DraftCriterion) =>
    onChange({ ...draft, criteria: criteria.map((c, i) => (i === index ? next : c)) });
  const combineKind = draft.combine?.kind ?? "any";

  return (
    <Stack gap="sm" data-testid="rule-set-form">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t("ruleForm.name")}
          value={draft.name ?? ""}
          onChange={(e) => onChange({ ...draft, name: e.currentTarget.value })}
          readOnly={readOnly}
          data-testid="rule-form-name"
        />
        <Group grow align="flex-start">
          <Select
            label={t("ruleForm.category")}
            data={CATEGORIES.map((c) => ({ value: c, label: t(`ruleForm.category_${c}` as TranslationKey) }))}
            value={draft.category ?? null}
            onChange={(v) => {
              const { riskFlag: _omit, ...rest } = draft;
              onChange(v === "risk" ? { ...draft, category: v } : { ...rest, category: v ?? undefined });
            }}
            allowDeselect={false}
            readOnly={readOnly}
          />
          {draft.category === "risk" && (
            <TextInput
              label={t("ruleForm.riskFlag")}
              value={draft.riskFlag ?? ""}
              placeholder={draft.name}
              onChange={(e) => onChange({ ...draft, riskFlag: e.currentTarget.value || undefined })}
              readOnly={readOnly}
            />
          )}
        </Group>
      </SimpleGrid>
      <Textarea
        label={t("ruleForm.description")}
        value={draft.description ?? ""}
        onChange={(e) => onChange({ ...draft, description: e.currentTarget.value || undefined })}
        autosize
        minRows={2}
        readOnly={readOnly}
      />
      <Group align="flex-start" gap="sm">
        <Select
          label={t("ruleForm.combine")}
          data={COMBINES.map((c) => ({ value: c, label: t(`ruleForm.combine_${c}` as TranslationKey) }))}
          value={combineKind}
          onChange={(v) =>
            onChange({ ...draft, combine: v === "at_least" ? { kind: v, k: 2 } : { kind: v ?? "any" } })
          }
          allowDeselect={false}
          readOnly={readOnly}
          w={240}
        />
        {combineKind === "at_least" && (
          <NumberInput
            label={t("ruleForm.combineK")}
            value={draft.combine?.k ?? ""}
            onChange={(v) => onChange({ ...draft, combine: { kind: "at_least", k: numberOrUndefined(v) } })}
            min={1}
            max={criteria.length}
            allowDecimal={false}
            readOnly={readOnly}
            w={120}
          />
        )}
        <NumberInput
          label={t("ruleForm.minStudents")}
          description={t("ruleForm.minStudentsHint")}
          value={draft.minStudents ?? ""}
          onChange={(v) => onChange({ ...draft, minStudents: numberOrUndefined(v) })}
          min={0}
          allowDecimal={false}
          readOnly={readOnly}
          w={240}
        />
      </Group>
      <Text fw={600} mt="xs">
        {t("ruleForm.criteria")}
      </Text>
      {criteria.map((c, index) => (
        <CriterionCard
          // biome-ignore lint/suspicious/noArrayIndexKey: the cards hold no state of their own, and keying by the editable id would remount the card (and drop focus) as the id is typed.
          key={index}
          criterion={c}
          indicatorChoices={indicatorChoices}
          met={preview?.criteria.find((p) => p.criterionId === c.id)?.met}
          onChange={(next) => setCriterion(index, next)}
          onRemove={
            criteria.length > 1
              ? () => onChange({ ...draft, criteria: criteria.filter((_, i) => i !== index) })
              : undefined
          }
          readOnly={readOnly}
        />
      ))}
      {!readOnly && (
        <Button
          variant="light"
          onClick={() =>
            onChange({
              ...draft,
              criteria: [...criteria, changeKind({ id: newCriterionId(criteria) }, "threshold")],
            })
          }
          data-testid="rule-form-add"
        >
          {t("ruleForm.addCriterion")}
        </Button>
      )}
    </Stack>
  );
}

function CriterionCard({
  criterion: c,
  indicatorChoices,
  met,
  onChange,
  onRemove,
  readOnly,
}: {
  criterion: DraftCriterion;
  indicatorChoices: { value: string; label: string }[];
  met: number | undefined;
  onChange: (next: DraftCriterion) => void;
  onRemove: (() => void) | undefined;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const kind = c.kind ?? "threshold";
  const window = c.window ?? { kind: "year" };
  const windowKinds = kind === "multi_threshold" ? (["year", "k_of_n"] as const) : WINDOWS;
  const set = (patch: Partial<DraftCriterion>) => onChange({ ...c, ...patch });
  const setWindow = (patch: Partial<DraftWindow>) => set({ window: { ...window, ...patch } });
  const opSelect = (
    <Select
      label={t("ruleForm.op")}
      data={OPS.map((op) => ({ value: op, label: OP_LABELS[op] ?? op }))}
      value={c.op ?? ">="}
      onChange={(v) => set({ op: v ?? ">=" })}
      allowDeselect={false}
      readOnly={readOnly}
      w={90}
    />
  );
  const valueInput = (
    <NumberInput
      label={t("ruleForm.value")}
      value={c.value ?? ""}
      onChange={(v) => set({ value: numberOrUndefined(v) })}
      decimalSeparator=","
      readOnly={readOnly}
      w={130}
      data-testid="rule-form-value"
    />
  );

  return (
    <Paper withBorder p="sm" data-testid="rule-form-criterion" data-criterion={c.id}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <TextInput
            label={t("ruleForm.label")}
            value={c.label ?? ""}
            placeholder={t("ruleForm.labelPlaceholder")}
            onChange={(e) => set({ label: e.currentTarget.value || undefined })}
            readOnly={readOnly}
            flex={1}
          />
          <TextInput
            label={t("ruleForm.id")}
            value={c.id ?? ""}
            onChange={(e) => set({ id: e.currentTarget.value })}
            readOnly={readOnly}
            w={170}
          />
          {met !== undefined && (
            <Badge variant="light" mt={26} style={{ flexShrink: 0 }} data-testid="rule-form-met">
              {t("ruleForm.catches", { count: met })}
            </Badge>
          )}
        </Group>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Select
            label={t("ruleForm.kind")}
            data={KINDS.map((k) => ({ value: k, label: t(`ruleForm.kind_${k}` as TranslationKey) }))}
            value={kind}
            onChange={(v) => onChange(changeKind(c, v ?? "threshold"))}
            allowDeselect={false}
            readOnly={readOnly}
            w={300}
          />
          {kind === "multi_threshold" ? (
            <MultiSelect
              label={t("ruleForm.indicators")}
              data={indicatorChoices}
              value={c.indicatorCodes ?? []}
              onChange={(v) => set({ indicatorCodes: v })}
              searchable
              readOnly={readOnly}
              flex={1}
              miw={300}
            />
          ) : (
            <Select
              label={t("ruleForm.indicator")}
              data={indicatorChoices}
              value={c.indicatorCode ?? null}
              onChange={(v) => set({ indicatorCode: v ?? undefined })}
              searchable
              readOnly={readOnly}
              flex={1}
              miw={300}
              data-testid="rule-form-indicator"
            />
          )}
        </Group>
        <Group align="flex-end" gap="sm" wrap="wrap">
          {kind === "threshold" && (
            <>
              {opSelect}
              {valueInput}
            </>
          )}
          {kind === "bottom_percent" && (
            <NumberInput
              label={t("ruleForm.percent")}
              value={c.percent ?? ""}
              onChange={(v) => set({ percent: numberOrUndefined(v) })}
              decimalSeparator=","
              min={0}
              max={100}
              suffix=" %"
              readOnly={readOnly}
              w={150}
            />
          )}
          {kind === "below_mean_sd" && (
            <NumberInput
              label={t("ruleForm.sd")}
              value={c.sd ?? ""}
              onChange={(v) => set({ sd: numberOrUndefined(v) })}
              decimalSeparator=","
              min={0}
              readOnly={readOnly}
              w={150}
            />
          )}
          {kind === "multi_threshold" && (
            <>
              {opSelect}
              {valueInput}
              <NumberInput
                label={t("ruleForm.minCount")}
                value={c.minCount ?? ""}
                onChange={(v) => set({ minCount: numberOrUndefined(v) })}
                min={1}
                allowDecimal={false}
                readOnly={readOnly}
                w={170}
              />
              <Switch
                label={t("ruleForm.orSameTwoYears")}
                checked={c.orSameTwoYears ?? false}
                onChange={(e) => set({ orSameTwoYears: e.currentTarget.checked })}
                disabled={readOnly}
                mb={8}
              />
            </>
          )}
          <Select
            label={t("ruleForm.window")}
            data={windowKinds.map((w) => ({ value: w, label: t(`ruleForm.window_${w}` as TranslationKey) }))}
            value={window.kind ?? "year"}
            onChange={(v) => set({ window: windowOf(v ?? "year") })}
            allowDeselect={false}
            readOnly={readOnly}
            w={250}
          />
          {window.kind === "k_of_n" && (
            <NumberInput
              label={t("ruleForm.windowK")}
              value={window.k ?? ""}
              onChange={(v) => setWindow({ k: numberOrUndefined(v) })}
              min={1}
              max={10}
              allowDecimal={false}
              readOnly={readOnly}
              w={90}
            />
          )}
          {(window.kind === "k_of_n" || window.kind === "mean_of_n" || window.kind === "trend") && (
            <NumberInput
              label={t("ruleForm.windowN")}
              value={window.n ?? ""}
              onChange={(v) => setWindow({ n: numberOrUndefined(v) })}
              min={1}
              max={10}
              allowDecimal={false}
              readOnly={readOnly}
              w={90}
            />
          )}
          {window.kind === "trend" && (
            <NumberInput
              label={t("ruleForm.minSlope")}
              value={window.minSlope ?? ""}
              onChange={(v) => setWindow({ minSlope: numberOrUndefined(v) })}
              decimalSeparator=","
              min={0}
              readOnly={readOnly}
              w={190}
            />
          )}
          {onRemove && !readOnly && (
            <Button variant="subtle" color="red" ml="auto" onClick={onRemove}>
              {t("ruleForm.removeCriterion")}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
