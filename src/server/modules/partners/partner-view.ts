import type { AgreementStatus, PartnerKind } from "../../../core/partners";
import type { AgreementItem } from "../../../shared/partners-api";
import { can } from "../access/access.policy";
import type { Actor } from "../access/actor";
import type { AgreementRow } from "./partners.repo";

/** Today as ГГГГ-ММ-ДД in the server's time zone. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** True when a signed agreement is in force on the day: started, not ended. */
export function isInForce(
  row: { status: AgreementStatus; startsOn: string; endsOn: string | null },
  today: string,
) {
  return row.status === "signed" && row.startsOn <= today && (row.endsOn === null || row.endsOn >= today);
}

/** An agreement as the API gives it; `canEdit` when the actor may write partnerships (its scope was checked). */
export function toAgreementItem(row: AgreementRow, actor: Actor, today: string): AgreementItem {
  const partnerSchool =
    row.partnerSchoolId !== null && row.partnerSchoolCode !== null
      ? {
          id: row.partnerSchoolId,
          code: row.partnerSchoolCode,
          name: row.partnerSchoolName ?? "",
          municipalityId: row.partnerMunicipalityId ?? 0,
          municipalityName: row.partnerMunicipalityName ?? "",
        }
      : null;
  return {
    id: row.id,
    school: {
      id: row.schoolId,
      code: row.schoolCode,
      name: row.schoolName,
      municipalityId: row.schoolMunicipalityId,
      municipalityName: row.schoolMunicipalityName,
    },
    partnerKind: row.partnerKind satisfies PartnerKind,
    partnerSchool,
    partnerName: partnerSchool ? partnerSchool.name : row.partnerName,
    subject: row.subject,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    status: row.status,
    documentNumber: row.documentNumber,
    documentDate: row.documentDate,
    documentUrl: row.documentUrl,
    file:
      row.fileKey !== null && row.fileName !== null
        ? { name: row.fileName, bytes: row.fileBytes ?? 0 }
        : null,
    note: row.note,
    updatedByName: row.updatedByName,
    updatedAt: row.updatedAt.toISOString(),
    isActive: isInForce(row, today),
    canEdit: can(actor, "partnership.write"),
  };
}
