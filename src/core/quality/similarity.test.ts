import { describe, expect, it } from "vitest";
import { estimateJaccard, exactJaccard, minHashSignature } from "./minhash";
import { findSimilarPairs, fingerprint, sharedPassages } from "./similarity";
import { textWords } from "./words";

const ROSLAVL = `В 2019 году муниципальный опорный центр Рославльского района провёл для школ с низкими результатами семинары по подготовке к ГИА.
Руководитель МОЦ посетил все школы проекта и провёл собеседования с директорами.
Педагоги прошли курсы повышения квалификации по оцениванию образовательных результатов обучающихся.
В школах организованы консультации психолога для родителей и обучающихся группы риска.
По итогам года подготовлены адресные рекомендации каждой школе.`;

const YELNYA = ROSLAVL.replace("Рославльского", "Ельнинского");

const UNRELATED = `Сельская библиотека провела летний конкурс чтецов среди младших школьников.
Победители получили книги и грамоты, а лучшие рисунки украсили читальный зал.
Осенью планируется выставка краеведческих фотографий о истории деревни.`;

describe("words", () => {
  it("normalises case, ё and endings and keeps the places of the words", () => {
    const words = textWords("Школы, ШКОЛОЙ; ещё");
    expect(words.map((w) => w.norm)).toEqual(["школы", "школой", "еще"]);
    expect(words[1]).toMatchObject({ start: 7, end: 13 });
    expect(textWords("обучающихся обучающимися").map((w) => w.norm)).toEqual(["обучаю", "обучаю"]);
  });
});

describe("MinHash", () => {
  it("estimates the Jaccard index of two sets within a few hundredths", () => {
    const a = new Set(Array.from({ length: 400 }, (_, i) => i * 7919));
    const b = new Set(Array.from({ length: 400 }, (_, i) => (i + 200) * 7919));
    expect(exactJaccard(a, b)).toBeCloseTo(200 / 600, 5);
    expect(Math.abs(estimateJaccard(minHashSignature(a), minHashSignature(b)) - 1 / 3)).toBeLessThan(0.15);
    expect(estimateJaccard(minHashSignature(a), minHashSignature(a))).toBe(1);
  });
});

describe("near-duplicate texts", () => {
  const texts = [
    { id: "r", label: "МОЦ Рославльского района", kind: "moc", text: ROSLAVL },
    { id: "y", label: "МОЦ Ельнинского района", kind: "moc", text: YELNYA },
    { id: "u", label: "Библиотека", kind: "moc", text: UNRELATED },
  ];

  it("a copy with the name changed scores high, an unrelated text low", () => {
    const pairs = findSimilarPairs(texts, { threshold: 0 });
    const copy = pairs.find((p) => p.a.id === "r" && p.b.id === "y");
    const other = pairs.find((p) => p.a.id === "r" && p.b.id === "u");
    expect(copy?.score).toBeGreaterThan(0.75);
    expect(copy?.jaccard).toBeGreaterThan(0.8);
    expect(other?.score ?? 0).toBeLessThan(0.1);
    expect(findSimilarPairs(texts).map((p) => [p.a.id, p.b.id])).toEqual([["r", "y"]]);
  });

  it("the shared passages are the text before and after the changed name, on both sides", () => {
    const passages = sharedPassages(fingerprint(ROSLAVL), fingerprint(YELNYA));
    expect(passages).toHaveLength(2);
    const [first, second] = passages;
    expect(first?.a.text).toBe("В 2019 году муниципальный опорный центр");
    expect(first?.b.text).toBe("В 2019 году муниципальный опорный центр");
    expect(second?.a.text.startsWith("района провёл для школ")).toBe(true);
    expect(second?.a.text.endsWith("адресные рекомендации каждой школе")).toBe(true);
    expect(second?.b.text).toBe(second?.a.text);
    expect(second?.b.start).toBe((second?.a.start ?? 0) - 2);
    expect(YELNYA.slice(second?.b.start, second?.b.end)).toBe(second?.b.text);
  });

  it("maps passages back to the original text even when the copy moved text around", () => {
    const moved = `Вступление другого автора без совпадений вообще. ${ROSLAVL.split("\n").slice(2).join("\n")}`;
    const [passage] = sharedPassages(fingerprint(ROSLAVL), fingerprint(moved));
    expect(passage?.a.text.startsWith("Педагоги прошли курсы")).toBe(true);
    expect(moved.slice(passage?.b.start, passage?.b.end)).toBe(passage?.a.text);
    expect(passage?.words).toBe(textWords(passage?.a.text ?? "").length);
  });

  it("pairs only texts of one kind unless asked, and skips texts shorter than a shingle", () => {
    const mixed = [
      { id: "a", label: "A", kind: "programme", text: ROSLAVL },
      { id: "b", label: "B", kind: "moc", text: YELNYA },
      { id: "c", label: "C", kind: "moc", text: "Три слова всего" },
    ];
    expect(findSimilarPairs(mixed)).toEqual([]);
    expect(findSimilarPairs(mixed, { acrossKinds: true })).toHaveLength(1);
    expect(findSimilarPairs(mixed, { acrossKinds: true, threshold: 0 })).toHaveLength(1);
  });
});

describe("boilerplate", () => {
  it("leaves out the wording most texts of a kind share, so that a template is not taken for copying", () => {
    const template =
      "Программа перехода школы в эффективный режим работы включает мероприятия по повышению качества образования";
    const own = [
      "учителя математики пройдут курсы по оцениванию",
      "школа заключит договор с библиотекой района",
      "психолог проведёт тренинги для девятиклассников",
      "родители примут участие в днях открытых дверей",
      "ученики выполнят проекты по краеведению летом",
    ];
    const texts = own.map((tail, i) => ({
      id: String(i),
      label: String(i),
      kind: "programme",
      text: `${template}. ${tail}.`,
    }));
    expect(findSimilarPairs(texts, { boilerplateShare: 1, threshold: 0.2 }).length).toBeGreaterThan(0);
    expect(findSimilarPairs(texts, { threshold: 0.2 })).toEqual([]);
    const copied = [...texts, { id: "c", label: "c", kind: "programme", text: `${template}. ${own[0]}.` }];
    const pairs = findSimilarPairs(copied);
    expect(pairs.map((p) => [p.a.id, p.b.id])).toEqual([["0", "c"]]);
    expect(pairs[0]?.passages.map((p) => p.a.text)).toEqual([
      // the shingles across the template's end are the pair's own: only these two texts have them
      "по повышению качества образования. учителя математики пройдут курсы по оцениванию",
    ]);
  });
});
