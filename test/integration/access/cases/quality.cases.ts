import { Document, Packer, Paragraph } from "docx";
import { multipart, ok } from "../../partners-support";
import type { Case } from "../case";
import type { MatrixWorld } from "../matrix-world";

/** The year of the matrix's МОЦ report (the matrix world's year). */
const YEAR = 2025;
/** The title of M1's report: another municipality or region must not read it. */
const M1_TITLE = "Отчёт МОЦ М1 для матрицы доступа";
/** Fresh reports take a year each (one report a municipality a year). */
let nextYear = 2030;

const m1Reports = new WeakMap<MatrixWorld, Promise<number>>();

async function createM1Report(w: MatrixWorld, year: number, title: string): Promise<number> {
  const report = ok<{ id: number }>(
    "moc report",
    await w.clients.mocM1.request({
      method: "POST",
      url: "/api/quality/moc-reports",
      payload: {
        year,
        title,
        sections: [
          { title: "Итоги", text: "Средний балл ОГЭ по математике составил 3,4 в школах муниципалитета." },
        ],
        recommendations: [{ text: "Активизировать методическую работу" }],
      },
    }),
  );
  return report.id;
}

/** M1's report of the matrix year, made once: its unlinked recommendation and its results are flagged. */
function m1Report(w: MatrixWorld): Promise<number> {
  let found = m1Reports.get(w);
  if (!found) {
    found = createM1Report(w, YEAR, M1_TITLE);
    m1Reports.set(w, found);
  }
  return found;
}

/** A fresh report of M1, for the rows that delete or replace one. */
const freshM1Report = (w: MatrixWorld) => createM1Report(w, nextYear++, `Отчёт МОЦ М1 № ${nextYear}`);

/** Readers of an M1 report: the region's users and the federal operator; M2's МОЦ and region B do not reach it. */
const readersOfM1 = {
  adminA: 200,
  analystA: 200,
  mocM1: 200,
  mocM2: 404,
  directorS1: 403,
  mentorS1: 403,
  specialistS1: 403,
  federal: 200,
  adminB: 404,
};
/** Writers of an M1 report: its own МОЦ only; the region and the federal operator read it but do not write (403). */
const writersOfM1 = { ...readersOfM1, adminA: 403, analystA: 403, federal: 403 };
/** Readers of the region's lists: region roles, МОЦ (their own texts), the federal operator; not schools and assignees. */
const listReaders = {
  adminA: 200,
  analystA: 200,
  mocM1: 200,
  mocM2: 200,
  directorS1: 403,
  mentorS1: 403,
  specialistS1: 403,
  federal: 200,
  adminB: 404,
};
const hideM1 = { mocM2: () => [M1_TITLE], adminB: () => [M1_TITLE] };

async function docx(text: string): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph(text)] }] }));
}

/** Report-quality control: the flags, the МОЦ reports and their DOCX text. */
export const QUALITY_CASES: Case[] = [
  {
    route: "GET /api/quality/flags",
    request: async (w) => {
      await m1Report(w);
      return { method: "GET", url: `/api/quality/flags?year=${YEAR}&regionId=${w.regionA.id}` };
    },
    self: "a МОЦ gets the flags on its own municipality's texts only",
    expect: listReaders,
    mustNotSee: hideM1,
  },
  {
    route: "GET /api/quality/moc-reports",
    request: async (w) => {
      await m1Report(w);
      return { method: "GET", url: `/api/quality/moc-reports?year=${YEAR}&regionId=${w.regionA.id}` };
    },
    self: "a МОЦ lists its own municipality's report only",
    expect: listReaders,
    mustNotSee: hideM1,
  },
  {
    route: "POST /api/quality/moc-reports",
    request: () => ({
      method: "POST",
      url: "/api/quality/moc-reports",
      payload: { year: nextYear++, sections: [{ title: "", text: "Текст" }] },
    }),
    self: "a МОЦ writes the report of its own municipality; nobody else writes one",
    expect: {
      mocM1: 200,
      mocM2: 200,
      adminA: 403,
      analystA: 403,
      directorS1: 403,
      mentorS1: 403,
      specialistS1: 403,
      federal: 403,
      adminB: 403,
    },
  },
  {
    route: "GET /api/quality/moc-reports/:id",
    request: async (w) => ({ method: "GET", url: `/api/quality/moc-reports/${await m1Report(w)}` }),
    expect: readersOfM1,
  },
  {
    route: "PATCH /api/quality/moc-reports/:id",
    request: async (w) => ({
      method: "PATCH",
      url: `/api/quality/moc-reports/${await m1Report(w)}`,
      payload: { title: M1_TITLE, sections: [{ title: "Итоги", text: "Средний балл ОГЭ 3,4." }] },
    }),
    expect: writersOfM1,
  },
  {
    route: "DELETE /api/quality/moc-reports/:id",
    request: async (w) => ({ method: "DELETE", url: `/api/quality/moc-reports/${await freshM1Report(w)}` }),
    expect: writersOfM1,
  },
  {
    route: "PUT /api/quality/moc-reports/:id/docx",
    request: async (w) => ({
      method: "PUT",
      url: `/api/quality/moc-reports/${await freshM1Report(w)}/docx`,
      ...multipart(
        "report.docx",
        await docx("Текст отчёта из файла"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      ),
    }),
    expect: writersOfM1,
  },
];
