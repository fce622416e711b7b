import { createRng } from "../../../core/demo";
import type { FormStatus } from "../../../core/forms/form-workflow";

/** One step of a demo form's history. */
export type DemoFormEvent = {
  fromStatus: FormStatus;
  toStatus: FormStatus;
  message: string;
  actorName: string;
};

/** A demo school's form for a year: its state and how it got there. */
export type DemoForm = { schoolCode: string; year: number; status: FormStatus; events: DemoFormEvent[] };

const MOC = "Координатор МОЦ";
const REGION = "Региональный оператор";

const RETURN_MESSAGES = [
  "Проверьте долю выпускников без аттестата: не совпадает с данными ГИА.",
  "Не заполнены показатели кадрового обеспечения, дополните, пожалуйста.",
  "Средний балл ОГЭ по математике расходится с протоколами, уточните.",
];

function chain(status: FormStatus, message: string): DemoFormEvent[] {
  const submit: DemoFormEvent = {
    fromStatus: "draft",
    toStatus: "submitted",
    message: "",
    actorName: "Директор школы",
  };
  const approve: DemoFormEvent = {
    fromStatus: "submitted",
    toStatus: "approved",
    message: "",
    actorName: MOC,
  };
  const accept: DemoFormEvent = {
    fromStatus: "approved",
    toStatus: "accepted",
    message: "",
    actorName: REGION,
  };
  const back: DemoFormEvent = { fromStatus: "submitted", toStatus: "returned", message, actorName: MOC };
  switch (status) {
    case "draft":
      return [];
    case "submitted":
      return [submit];
    case "approved":
      return [submit, approve];
    case "accepted":
      return [submit, approve, accept];
    case "returned":
      return [submit, back];
  }
}

/**
 * The demo's form states: earlier years accepted by the region; in the latest year a deterministic
 * mix (some schools still in draft, some submitted, approved, accepted, a few returned with a message)
 * so that the dashboard shows progress. The schools in `keepDraft` (those with a demo director) stay
 * in draft in the latest year so that a visitor can fill and submit the form.
 */
export function planDemoForms({
  schoolCodes,
  years,
  seed,
  keepDraft,
}: {
  schoolCodes: readonly string[];
  years: readonly number[];
  seed: number;
  keepDraft: ReadonlySet<string>;
}): DemoForm[] {
  const latest = Math.max(...years);
  const rng = createRng(seed, "demo-forms");
  return schoolCodes.flatMap((schoolCode) =>
    years.map((year) => {
      const draw = rng.next();
      let status: FormStatus = "accepted";
      if (year === latest) {
        if (keepDraft.has(schoolCode)) status = "draft";
        else if (draw < 0.3) status = "draft";
        else if (draw < 0.5) status = "submitted";
        else if (draw < 0.7) status = "approved";
        else if (draw < 0.94) status = "accepted";
        else status = "returned";
      }
      const message = RETURN_MESSAGES[Math.floor(draw * 1000) % RETURN_MESSAGES.length] ?? "";
      return { schoolCode, year, status, events: chain(status, message) };
    }),
  );
}
