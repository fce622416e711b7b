import { counted, percentRu } from "../ru-text";
import { heading, para, type ReportBlock } from "./blocks";
import type { RegionalFigures } from "./figures";

/** The identification results: counts by category, a table and a chart by municipality. */
export function identificationSection(f: RegionalFigures): ReportBlock[] {
  const out: ReportBlock[] = [heading("Результаты идентификации")];
  const r = f.identification;
  if (!r) {
    out.push(para("Результатов утвержденной идентификации нет (нет данных)."));
    return out;
  }
  const flagged = r.shnro + r.shfnsu + r.both;
  const all = flagged + r.none + r.insufficientData;
  out.push(
    para(
      `В группу школ проекта вошли ${counted(flagged, "школа", "школы", "школ")} (${percentRu(all > 0 ? flagged / all : null)} школ региона): ШНРО – ${r.shnro}, ШФНСУ – ${r.shfnsu}, ШНРО и ШФНСУ одновременно – ${r.both}. Недостаточно данных для вывода – ${r.insufficientData}.`,
    ),
  );
  const rows = r.byMunicipality.filter((m) => m.shnro + m.shfnsu + m.both > 0);
  if (rows.length === 0) return out;
  out.push({
    kind: "table",
    headers: ["Муниципальное образование", "ШНРО", "ШФНСУ", "ШНРО и ШФНСУ", "Всего"],
    weights: [5, 1.5, 1.5, 2, 1.5],
    rows: rows.map((m) => [m.name, m.shnro, m.shfnsu, m.both, m.shnro + m.shfnsu + m.both]),
  });
  out.push({
    kind: "chart",
    chart: {
      title: "Школы проекта по муниципальным образованиям",
      categories: rows.map((m) => m.name),
      series: [
        { name: "ШНРО", values: rows.map((m) => m.shnro) },
        { name: "ШФНСУ", values: rows.map((m) => m.shfnsu) },
        { name: "ШНРО и ШФНСУ", values: rows.map((m) => m.both) },
      ],
    },
  });
  return out;
}
