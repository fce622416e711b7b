import type { Signature } from "./docx-kit";
import type { DocumentSection, RoadMapActivity } from "./plan-document.model";
import type { IsoDate } from "./ru-date";

/** A school named in an order's point, with its director (руководитель) when known. */
export type OrderSchool = { name: string; director: string | null };

/**
 * A numbered point of an order. Printed «N. text», or, when schools are named,
 * «N. text: School A (Director A), School B (Director B) closing».
 */
export type OrderPoint = {
  text: string;
  schools?: OrderSchool[];
  /** What follows the schools («обеспечить участие в мероприятиях …»); only with schools. */
  closing?: string;
};

/**
 * The order approving a municipal road map, with the road map as its appendix (seed 004).
 * Dates are calendar days; all text is printed as given.
 */
export type RoadMapOrderInput = {
  /**
   * The header block, a line each, printed centred in capitals: «Российская Федерация», the
   * region, the authority («Отдел образования Дмитровского района»).
   */
  headerLines: string[];
  date: IsoDate;
  /** The order's number as written («70», «13/01-04»). */
  number: string;
  /** Where it was issued: «г. Дмитровск». */
  place: string;
  /** «Об утверждении муниципальной «дорожной карты» …». */
  title: string;
  /**
   * The preamble up to the words of command: «На основании приказа …, в целях …,». The builder
   * appends «п р и к а з ы в а ю:».
   */
  preamble: string;
  /** The points in order; the builder numbers them 1., 2., … */
  points: OrderPoint[];
  signer: Signature;
  appendix: {
    /**
     * The authority as the appendix heading names it, a line each, in the genitive: «отдела
     * образования», «Дмитровского района», «Орловской области».
     */
    authorityLines: string[];
    /** «"Дорожная карта" методической поддержки общеобразовательных организаций …». */
    title: string;
    sections: DocumentSection<RoadMapActivity>[];
  };
};

/**
 * The four points of seed 004's order for a road map of a given year: approve the road map, the
 * municipal coordinator controls it, the schools' directors take part (the schools named), the
 * signer keeps control. A service fills the rest of the order around them.
 */
export function standardRoadMapOrderPoints(input: { year: number; schools: OrderSchool[] }): OrderPoint[] {
  return [
    {
      text: `Утвердить прилагаемую «дорожную карту» методической поддержки школ, показывающих низкие результаты обучения, на ${input.year} год согласно приложению.`,
    },
    { text: "Муниципальному координатору обеспечить контроль за выполнением мероприятий «дорожной карты»." },
    {
      text: "Руководителям общеобразовательных организаций, имеющих низкие образовательные результаты обучающихся",
      schools: input.schools,
      closing: "обеспечить участие в мероприятиях «дорожной карты» и их выполнение.",
    },
    { text: "Контроль исполнения настоящего приказа оставляю за собой." },
  ];
}

/** A point's text as printed, without its number. */
export function orderPointText(point: OrderPoint): string {
  if (!point.schools || point.schools.length === 0) {
    return [point.text, point.closing].filter((part) => part !== undefined && part !== "").join(" ");
  }
  const schools = point.schools
    .map((school) => (school.director ? `${school.name} (${school.director})` : school.name))
    .join(", ");
  return [`${point.text}: ${schools}`, point.closing]
    .filter((part) => part !== undefined && part !== "")
    .join(" ");
}
