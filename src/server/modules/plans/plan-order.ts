/**
 * The order approving a municipal road map (seed 004): its details as stored with the plan, the
 * defaults suggested from the plan's place, and the names as an order prints them. Pure.
 */
import { type PlanOrder, planOrderSchema } from "../../../shared/plans-api";
import type { PlanRow } from "./plans.repo";

type OrderPlace = Pick<PlanRow, "regionName" | "municipalityName" | "kind" | "order">;

/** The title an order approving a plan of this kind gets by default, in seed 004's words. */
export function defaultOrderTitle(kind: string): string {
  return kind === "municipal_measures"
    ? "Об утверждении муниципального комплекса мер по поддержке общеобразовательных организаций, имеющих низкие образовательные результаты обучающихся"
    : "Об утверждении муниципальной «дорожной карты» методической поддержки общеобразовательных организаций, имеющих низкие образовательные результаты обучающихся";
}

/**
 * The details suggested for a municipal road map's order: the header (the country, the region, the
 * municipality's education authority with the municipality's name in quotes, as official papers
 * write a name they do not decline), the title, the preamble, the signer's position and the appendix
 * authority lines; the number, date, place and signer's name are the author's to fill.
 */
export function defaultOrder(place: OrderPlace): Partial<PlanOrder> {
  const municipality = `муниципального образования «${place.municipalityName ?? ""}»`;
  return {
    headerLines: ["Российская Федерация", place.regionName, `Отдел образования ${municipality}`],
    title: defaultOrderTitle(place.kind),
    preamble: `В целях создания условий для повышения качества образования в школах ${municipality}, показывающих низкие результаты обучения,`,
    signerPosition: "Начальник отдела образования",
    authorityLines: ["отдела образования", municipality],
  };
}

/** The stored order details (any that were saved) over the defaults: what the order form starts from. */
export function orderDraftOf(place: OrderPlace): Partial<PlanOrder> {
  const stored = planOrderSchema.partial().safeParse(place.order ?? {});
  return { ...defaultOrder(place), ...(stored.success ? stored.data : {}) };
}

/** Russian names of the order's fields, for the message about what is still missing. */
export const ORDER_FIELD_LABELS: Record<keyof PlanOrder, string> = {
  headerLines: "шапка",
  number: "номер",
  date: "дата",
  place: "место издания",
  title: "заголовок",
  preamble: "основание",
  signerPosition: "должность подписывающего",
  signerName: "подписывающий",
  authorityLines: "орган в заголовке приложения",
};

/** The Russian name of an order field («номер»), or the field as given when it is not one. */
export function orderFieldLabel(field: string): string {
  const found = Object.entries(ORDER_FIELD_LABELS).find(([key]) => key === field);
  return found ? found[1] : field;
}

/**
 * A person's name as orders print it: «Авилкина Наталья Александровна» → «Авилкина Н.А.»; a name
 * of one word, or already with initials, is kept as written.
 */
export function shortPersonName(fullName: string): string {
  const [surname, ...rest] = fullName.trim().split(/\s+/);
  if (!surname || rest.length === 0 || rest.some((part) => part.endsWith("."))) return fullName.trim();
  return `${surname} ${rest.map((part) => `${part.charAt(0).toUpperCase()}.`).join("")}`;
}
