import { type PlanTemplate, planTemplateSchema } from "./template.schema";
import { DMITROVSK_SECTIONS_1_3 } from "./template-dmitrovsk.data";
import { DMITROVSK_SECTIONS_4_5 } from "./template-dmitrovsk-monitoring.data";
import { ELNYA_MOC_PLAN } from "./template-moc.data";
import { DOROGOBUZH_MOC_PLAN } from "./template-moc-2019.data";
import { SMOLENSK_REGIONAL_ROAD_MAP } from "./template-smolensk.data";

/**
 * Seed 004's municipal road map (приложение к приказу отдела образования Дмитровского района
 * Орловской области от 23.03.2021 № 70), sections I–V with all 45 activities as printed.
 */
export const DMITROVSK_ROAD_MAP: PlanTemplate = {
  key: "dmitrovsk_road_map_2021",
  title:
    "«Дорожная карта» методической поддержки общеобразовательных организаций, имеющих низкие образовательные результаты обучающихся",
  kind: "municipal_road_map",
  source:
    "Приложение к приказу отдела образования Дмитровского района Орловской области от 23.03.2021 г. № 70",
  period: { from: "2021-01-01", to: "2021-12-31" },
  notes: [
    "Номера, сроки и формулировки — как напечатано; исправлены только пробелы и явная опечатка: в наименовании 1.3 убран лишний номер «3.».",
    "Между 1.5 и 1.6 стоит мероприятие без номера (мониторинг школьных систем оценки качества), как в источнике; оно же повторено как 4.2.",
    "Номер «3.7.» напечатан дважды: второй раз — после 3.8 (всероссийские проверочные работы); оставлено как напечатано.",
    "В 3.3 столбец «Показатель реализации» повторяет ответственных, как в источнике.",
    "У 4.1 два подпункта со своими сроками: «июнь» и «ноябрь, декабрь, март, май» (каждый с новой строки).",
  ],
  sections: [...DMITROVSK_SECTIONS_1_3, ...DMITROVSK_SECTIONS_4_5],
};

/**
 * The preloaded plan templates: seed 004's municipal road map, seed 001's regional road map, and
 * the МОЦ plans of measures of seeds 002 (2020/21, with deadlines) and 000 (2019/20), each
 * validated by the template schema.
 */
export const PLAN_TEMPLATES: readonly PlanTemplate[] = [
  DMITROVSK_ROAD_MAP,
  SMOLENSK_REGIONAL_ROAD_MAP,
  ELNYA_MOC_PLAN,
  DOROGOBUZH_MOC_PLAN,
].map((template) => planTemplateSchema.parse(template));

/** The template with this key; throws when there is none. */
export function getPlanTemplate(key: string): PlanTemplate {
  const template = PLAN_TEMPLATES.find((item) => item.key === key);
  if (!template) throw new Error(`Нет шаблона плана «${key}»`);
  return template;
}
