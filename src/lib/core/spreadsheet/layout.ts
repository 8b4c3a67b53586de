// How an applicant record lies in a workbook, derived from the record schema (its Chinese labels are the
// headers): one sheet “申报人” with every scalar field, and one sheet per list (学历学位, 技术合同, 奖项 …)
// whose rows carry the applicant's 申报人编号. Amounts in 元 are entered in 万元 where the header says so.
import { recordFields, type FieldInfo } from '../records/fields.ts';

export const MAIN_SHEET = '申报人';

export interface Column {
  header: string;
  /** Path from the sheet's object: ['integrity', 'blacklisted'] on the main sheet, ['amount_yuan'] on 技术合同. */
  path: string[];
  field: FieldInfo;
  /** Entered in 万元 (the header says so); the record carries integer 元. */
  wan?: boolean;
}

export interface SheetLayout {
  name: string;
  /** Path of the list in the record (['achievements', 'contracts']); [] for the main sheet. */
  list: string[];
  columns: Column[];
  /** The object columns that may be left empty together (current_title is null then). */
  nullableGroups: string[][];
}

function unitHeader(f: FieldInfo, label: string): { header: string; wan?: boolean } {
  if (f.unit === '元') return { header: `${label}（万元）`, wan: true };
  if (f.unit === '学时') return { header: `${label}（学时）` };
  return { header: label };
}

function scalarColumns(obj: FieldInfo, prefix: string[], labelPrefix: string, out: Column[], lists: FieldInfo[], groups: string[][]): void {
  if (obj.type.kind !== 'object') return;
  for (const [name, f] of Object.entries(obj.type.fields)) {
    const path = [...prefix, name];
    if (f.type.kind === 'array') lists.push(f);
    else if (f.type.kind === 'object') {
      // achievements holds only lists: no prefix needed; integrity and current_title prefix their labels.
      const onlyLists = Object.values(f.type.fields).every((x) => x.type.kind === 'array');
      if (f.nullable) groups.push(path);
      scalarColumns(f, path, onlyLists ? labelPrefix : `${labelPrefix}${f.label}·`, out, lists, groups);
    } else {
      out.push({ ...unitHeader(f, `${labelPrefix}${f.label}`), path, field: f });
    }
  }
}

let cached: SheetLayout[] | undefined;

export function workbookLayout(): SheetLayout[] {
  if (cached) return cached;
  const main: Column[] = [];
  const lists: FieldInfo[] = [];
  const groups: string[][] = [];
  scalarColumns(recordFields, [], '', main, lists, groups);
  const idColumn = main.find((c) => c.path.join('.') === 'id')!;
  const sheets: SheetLayout[] = [{ name: MAIN_SHEET, list: [], columns: main, nullableGroups: groups }];
  for (const l of lists) {
    const cols: Column[] = [{ header: idColumn.header, path: [], field: idColumn.field }];
    const item = l.type.kind === 'array' ? l.type.item : l;
    const nested: FieldInfo[] = [];
    scalarColumns(item, [], '', cols, nested, []);
    sheets.push({ name: l.label, list: l.path.split('.'), columns: cols, nullableGroups: [] });
  }
  cached = sheets;
  return sheets;
}

/** The values a column's dropdown offers: enum labels, 是/否. */
export function columnChoices(c: Column): string[] | null {
  if (c.field.type.kind === 'enum') return c.field.type.values.map((v) => (c.field.type as { labels: Record<string, string> }).labels[v] ?? v);
  if (c.field.type.kind === 'boolean') return ['是', '否'];
  return null;
}
