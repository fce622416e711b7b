import { buildMocAnnualTable, initialsName, schoolYearPeriod } from "../../../core/reports";
import type { MocAnnualQuery } from "../../../shared/reports-api";
import type { Db } from "../../platform/db";
import { AppError, notFound } from "../../platform/errors";
import { municipalityScope } from "../access/access.scope";
import type { Actor } from "../access/actor";
import type { ApprovalBlock, MocAnnualDocument } from "./documents/moc-annual.document";
import { buildMocAnnualDocx } from "./documents/moc-annual.docx";
import { buildMocAnnualXlsx } from "./documents/moc-annual.xlsx";
import {
  findMocCourses,
  findMocEvents,
  findMocLog,
  findMocPartnerships,
  findReportMunicipality,
} from "./moc-annual.repo";
import { requireReportReader } from "./reports.policy";

/** The blank a hand fills when a line of the approval block has no value. */
const BLANK = "________________";

/** The municipality a request is about: a МОЦ's own by default; the region must name one. */
export async function resolveReportMunicipality(db: Db, actor: Actor, municipalityId: number | undefined) {
  requireReportReader(actor);
  const id = municipalityId ?? actor.municipalityId ?? undefined;
  if (id === undefined) {
    throw new AppError("invalid_input", "Выберите муниципальное образование", [
      { path: "municipalityId", message: "Выберите муниципальное образование" },
    ]);
  }
  const municipality = await findReportMunicipality(db, municipalityScope(actor), id);
  if (!municipality) throw notFound("Муниципальное образование");
  return municipality;
}

/** The defaults of the «УТВЕРЖДЕН» block for a municipality, as seed 000 fills it. */
export function approvalDefaults(municipalityName: string, year: number) {
  return {
    approverPosition: "Председатель Комитета по образованию",
    approverOrganisation: `МО «${municipalityName.replace(/^МО\s+/, "").replace(/^«|»$/g, "")}»`,
    approverName: BLANK,
    approvalOrder: "",
    approvalDate: `«___» __________ ${year + 1} г.`,
  };
}

/** Everything the МОЦ annual report prints, read from the municipality's records of the school year. */
export async function mocAnnualDocument({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: MocAnnualQuery;
}): Promise<MocAnnualDocument> {
  const municipality = await resolveReportMunicipality(db, actor, query.municipalityId);
  const period = schoolYearPeriod(query.year);
  const [log, events, courses, partnerships] = await Promise.all([
    findMocLog(db, municipality.id, period),
    findMocEvents(db, municipality, period),
    findMocCourses(db, municipality.id),
    findMocPartnerships(db, municipality.id, period),
  ]);
  const defaults = approvalDefaults(municipality.name, query.year);
  const approval: ApprovalBlock = {
    position: query.approverPosition ?? defaults.approverPosition,
    organisation: query.approverOrganisation ?? defaults.approverOrganisation,
    name: query.approverName ?? defaults.approverName,
    order: query.approvalOrder ?? defaults.approvalOrder,
    date: query.approvalDate ?? defaults.approvalDate,
  };
  return {
    approval,
    mocName: municipality.mocName ?? "Муниципальный образовательный центр",
    municipalityName: municipality.name,
    table: buildMocAnnualTable({ year: query.year, log, events, courses, partnerships }),
    coordinator: {
      position: "Координатор МОЦ",
      name: municipality.coordinator ? initialsName(municipality.coordinator) : BLANK,
    },
  };
}

/** The МОЦ annual report as DOCX, with its file name. */
export async function exportMocAnnualDocx(input: { db: Db; actor: Actor; query: MocAnnualQuery }) {
  const doc = await mocAnnualDocument(input);
  return { buffer: await buildMocAnnualDocx(doc), fileName: `moc-report-${input.query.year}.docx` };
}

/** The МОЦ annual report's table as XLSX, with its file name. */
export async function exportMocAnnualXlsx(input: { db: Db; actor: Actor; query: MocAnnualQuery }) {
  const doc = await mocAnnualDocument(input);
  return { buffer: await buildMocAnnualXlsx(doc), fileName: `moc-report-${input.query.year}.xlsx` };
}
