import { describe, expect, it } from "vitest";
import { defaultOrder, orderDraftOf, orderFieldLabel, shortPersonName } from "./plan-order";
import { schoolYearOf } from "./plan-view";

const PLACE = {
  regionName: "Смоленская область",
  municipalityName: "Дорогобужский район",
  kind: "municipal_road_map",
  order: null,
};

describe("shortPersonName", () => {
  it("prints a full name as surname and initials, as seed 004's order names directors", () => {
    expect(shortPersonName("Авилкина Наталья Александровна")).toBe("Авилкина Н.А.");
    expect(shortPersonName("  Павлюшина   Анна  ")).toBe("Павлюшина А.");
  });

  it("keeps a name of one word or one already with initials", () => {
    expect(shortPersonName("Сорокин")).toBe("Сорокин");
    expect(shortPersonName("Сорокин С. В.")).toBe("Сорокин С. В.");
  });
});

describe("the order's details", () => {
  it("suggests the header, title, preamble, signer's position and appendix lines from the place", () => {
    expect(defaultOrder(PLACE)).toEqual({
      headerLines: [
        "Российская Федерация",
        "Смоленская область",
        "Отдел образования муниципального образования «Дорогобужский район»",
      ],
      title:
        "Об утверждении муниципальной «дорожной карты» методической поддержки общеобразовательных организаций, имеющих низкие образовательные результаты обучающихся",
      preamble:
        "В целях создания условий для повышения качества образования в школах муниципального образования «Дорогобужский район», показывающих низкие результаты обучения,",
      signerPosition: "Начальник отдела образования",
      authorityLines: ["отдела образования", "муниципального образования «Дорогобужский район»"],
    });
    expect(defaultOrder({ ...PLACE, kind: "municipal_measures" }).title).toContain("комплекса мер");
  });

  it("puts the stored details over the defaults and ignores stored details that do not read", () => {
    const draft = orderDraftOf({ ...PLACE, order: { number: "14", signerPosition: "Начальник управления" } });
    expect(draft).toMatchObject({
      number: "14",
      signerPosition: "Начальник управления",
      title: defaultOrder(PLACE).title,
    });
    expect(draft.place).toBeUndefined();
    expect(orderDraftOf({ ...PLACE, order: { number: 14 } })).toEqual(defaultOrder(PLACE));
  });

  it("names the fields in Russian", () => {
    expect(orderFieldLabel("signerName")).toBe("подписывающий");
    expect(orderFieldLabel("other")).toBe("other");
  });
});

describe("schoolYearOf", () => {
  it("files a day under the year its school year ends", () => {
    expect(schoolYearOf("2025-08-31")).toBe(2025);
    expect(schoolYearOf("2025-09-01")).toBe(2026);
    expect(schoolYearOf("2026-01-15")).toBe(2026);
  });
});
