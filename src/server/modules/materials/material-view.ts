import type { MaterialItem } from "../../../shared/materials-api";
import type { Actor } from "../access/actor";
import { canEditMaterial } from "./materials.policy";
import { HEADLINE_START, HEADLINE_STOP, type MaterialRow } from "./materials.repo";

/** A headline with its matches as «<b>…</b>» (the text itself is left as it is: the page shows it as text). */
function headlineOf(raw: string | null): string | null {
  if (raw === null) return null;
  return raw.split(HEADLINE_START).join("<b>").split(HEADLINE_STOP).join("</b>");
}

/** A material as the API gives it. */
export function toMaterialItem(row: MaterialRow, actor: Actor): MaterialItem {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    level: row.level,
    municipalityId: row.municipalityId,
    municipalityName: row.municipalityName,
    schoolId: row.schoolId,
    schoolName: row.schoolName,
    description: row.description,
    author: row.author,
    tags: row.tags,
    url: row.url,
    file:
      row.fileKey !== null && row.fileName !== null
        ? { name: row.fileName, bytes: row.fileBytes ?? 0, type: row.fileType ?? "application/octet-stream" }
        : null,
    updatedByName: row.updatedByName,
    updatedAt: row.updatedAt.toISOString(),
    headline: headlineOf(row.headline),
    rank: row.rank,
    links: Number(row.links),
    canEdit: canEditMaterial(actor, row),
  };
}
