/**
 * Partnerships (issue 12, point 7): the agreements of a programme school with a partner school of
 * high results (subject, dates, document) and with its social partners (culture, sport, libraries,
 * NGOs, medical, additional education, parents). An agreement made from a suggestion starts as a
 * draft and keeps the suggestion's sentence. The document is a number and a date, and either an
 * uploaded file (kept under the data directory, see materials/stored-files) or a link.
 */
import { sql } from "drizzle-orm";
import { bigint, check, date, index, integer, pgTable, serial, text } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { createdAt, updatedAt } from "./columns";
import { regions, schools } from "./hierarchy";

type PartnerKind = import("../../../core/partners/partner-kinds").PartnerKind;
type AgreementStatus = import("../../../core/partners/partner-kinds").AgreementStatus;

/** An agreement of a programme school with a partner (договор о сетевом или социальном партнёрстве). */
export const partnerAgreements = pgTable(
  "partner_agreements",
  {
    id: serial("id").primaryKey(),
    regionId: integer("region_id")
      .notNull()
      .references(() => regions.id, { onDelete: "cascade" }),
    /** The programme school. */
    schoolId: integer("school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
    partnerKind: text("partner_kind").$type<PartnerKind>().notNull(),
    /** The partner school, for kind «school». */
    partnerSchoolId: integer("partner_school_id").references(() => schools.id, { onDelete: "cascade" }),
    /** The social partner's name («МБУК «Дорогобужская ЦБС»»); empty for a partner school. */
    partnerName: text("partner_name").notNull().default(""),
    /** What the partnership is about: a subject or a direction («математика», «профориентация»). */
    subject: text("subject").notNull().default(""),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }),
    status: text("status").$type<AgreementStatus>().notNull().default("signed"),
    documentNumber: text("document_number").notNull().default(""),
    documentDate: date("document_date", { mode: "string" }),
    documentUrl: text("document_url").notNull().default(""),
    /** The uploaded document: its name as uploaded, size and key in the file store. */
    fileName: text("file_name"),
    fileBytes: bigint("file_bytes", { mode: "number" }),
    fileKey: text("file_key"),
    /** Why it was suggested (the suggestion's sentence), or a note. */
    note: text("note").notNull().default(""),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    updatedBy: integer("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedByName: text("updated_by_name").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("partner_agreements_school_idx").on(t.schoolId),
    index("partner_agreements_region_idx").on(t.regionId),
    check(
      "partner_agreements_partner_ck",
      sql`(${t.partnerKind} = 'school') = (${t.partnerSchoolId} is not null)`,
    ),
  ],
);
