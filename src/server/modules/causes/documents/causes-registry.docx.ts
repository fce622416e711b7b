import { AlignmentType, type Paragraph, type Table, TableRow } from "docx";
import {
  blankLine,
  cell,
  fixedTable,
  headerRow,
  packDocument,
  paragraph,
  SIZE,
} from "../../plans/documents/docx-kit";
import {
  type CausesRegistryInput,
  formatChange,
  formatSharePercent,
  NO_CAUSES,
  type RegistryGroup,
  registryRows,
  registrySchoolName,
} from "./causes-registry.model";

/** The columns of a registry table. */
export const REGISTRY_COLUMNS = [
  "Причина",
  "Школ",
  "Доля программы, %",
  "Изменение к прошлому году",
] as const;

/** The title of the registry, as the documents of the programme name it. */
export const REGISTRY_TITLE = "Реестр причин низких образовательных результатов";

const WEIGHTS = [52, 12, 16, 20];

function registryTable(group: RegistryGroup): Table {
  const rows = [headerRow(REGISTRY_COLUMNS)];
  for (const row of registryRows(group)) {
    rows.push(
      new TableRow({
        cantSplit: true,
        children: [
          cell(row.cause),
          cell(String(row.schoolCount), { alignment: AlignmentType.CENTER }),
          cell(formatSharePercent(row.sharePercent), { alignment: AlignmentType.CENTER }),
          cell(formatChange(row.change), { alignment: AlignmentType.CENTER }),
        ],
      }),
    );
  }
  return fixedTable(WEIGHTS, rows);
}

/** Per cause, its name and count in bold, then its schools numbered, a paragraph each. */
function schoolsByCause(group: RegistryGroup): Paragraph[] {
  const out: Paragraph[] = [
    paragraph("Школы по причинам", { bold: true, size: SIZE.body, spacingBefore: 240 }),
  ];
  for (const row of registryRows(group)) {
    out.push(
      paragraph(`${row.cause} (${row.schoolCount})`, { bold: true, size: SIZE.body, spacingBefore: 120 }),
    );
    row.schools.forEach((school, index) => {
      out.push(paragraph(`${index + 1}. ${registrySchoolName(school)}`, { size: SIZE.body }));
    });
  }
  return out;
}

function groupBlock(group: RegistryGroup): (Paragraph | Table)[] {
  const heading = group.municipality
    ? [paragraph(group.municipality, { bold: true, size: SIZE.body, spacingBefore: 240, spacingAfter: 120 })]
    : [];
  const base = paragraph(`Школ в программе: ${group.programmeSchools}`, {
    size: SIZE.body,
    spacingAfter: 120,
  });
  if (group.causes.length === 0) return [...heading, base, paragraph(NO_CAUSES, { size: SIZE.body })];
  return [...heading, base, registryTable(group), ...schoolsByCause(group)];
}

/**
 * Builds the registry of causes as DOCX: the title, the territory and the year centred, then per
 * group (a municipality, or the whole territory) its heading, the number of programme schools, the
 * table Причина | Школ | Доля программы, % | Изменение к прошлому году and, per cause, the schools
 * named.
 */
export async function buildCausesRegistryDocx(input: CausesRegistryInput): Promise<Buffer> {
  const centred = { size: SIZE.body, alignment: AlignmentType.CENTER } as const;
  const children: (Paragraph | Table)[] = [
    paragraph(REGISTRY_TITLE, { ...centred, bold: true }),
    paragraph(input.territory, centred),
    paragraph(`${input.year} год`, centred),
    blankLine(),
    ...input.groups.flatMap(groupBlock),
  ];
  return packDocument({
    title: `${REGISTRY_TITLE}, ${input.territory}, ${input.year}`,
    sections: [children],
  });
}
