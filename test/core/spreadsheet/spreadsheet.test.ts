// Applicants in and out of spreadsheets: a prepared workbook with good and broken rows (report checked cell
// by cell), export → import round trips, formula neutralisation, the template, and the upload limits.
import { readFileSync } from 'node:fs';
import { constants as zlibConstants, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { evaluateBatch } from '../../../src/lib/core/index.ts';
import { loadSamples, loadStandardSet } from '../../../src/lib/core/node.ts';
import { VERDICT_LABEL } from '../../../src/lib/core/evaluate/labels.ts';
import {
  importUpload, readCsv, readXlsx, recordsXlsx, resultsCsv, resultsXlsx, templateXlsx, wanToYuan, yuanToWan,
  SpreadsheetLimitError, DEFAULT_LIMITS, RESULT_HEADERS
} from '../../../src/lib/core/spreadsheet/index.ts';
import { unzipSync, strFromU8 } from 'fflate';

const samples = loadSamples('standards/2026/samples').map((s) => s.record as Record<string, unknown>);
const xlsx = (name: string, bytes: Uint8Array) => [{ name, bytes }];

describe('import a prepared workbook with good and broken rows', () => {
  const r = importUpload(xlsx('mixed.xlsx', readFileSync('test/fixtures/excel/applicants-mixed.xlsx')));

  it('reports every rejected cell with sheet, row, column, value and a Chinese message', () => {
    expect(r.issues).toEqual([
      { sheet: '申报人', row: 3, column: '在职状态（D列）', value: '在岗', message: '应为以下之一：在职在岗、已离职、已离退休', id: 'S17' },
      { sheet: '技术合同', row: 9, column: '签订日期（D列）', value: '2024-02-30', message: '不是有效日期（应为 YYYY-MM-DD，如 2024-05-01）', id: 'S24' },
      { sheet: '技术合同', row: 9, column: '成交金额（万元）（E列）', value: '12.34567', message: '最多 4 位小数（0.0001万元 即 1元），记录中的金额以整数元保存', id: 'S24' },
      { sheet: '技术合同', row: 21, column: '申报人编号（A列）', value: 'nobody', message: '申报人编号“nobody”不在“申报人”表中', id: 'nobody' }
    ]);
    expect(r.rejected).toEqual(['S17', 'S24']);
  });

  it('still imports the good applicants, exactly', () => {
    expect(r.records.map((x) => x.id)).toEqual(['S01', 'S41']);
    expect(r.records[0]).toEqual(samples.find((s) => s.id === 'S01'));
    // S41: its name was typed as "=1+2" and an amount as text with spaces; otherwise it is the sample.
    expect(r.records[1]).toEqual({ ...samples.find((s) => s.id === 'S41'), name: '=1+2' });
  });
});

describe('round trips', () => {
  it('records → .xlsx → import gives the same records (all 73 samples)', () => {
    const back = importUpload(xlsx('samples.xlsx', recordsXlsx(samples)));
    expect(back.issues).toEqual([]);
    expect(back.records).toEqual(samples);
  });

  it('records → CSV files, one per sheet → import gives the same records', () => {
    const sheets = readXlsx(recordsXlsx(samples));
    const enc = new TextEncoder();
    const files = sheets.map((s) => ({ name: `${s.name}.csv`, bytes: enc.encode(csvOf(s.rows)) }));
    const back = importUpload(files);
    expect(back.issues).toEqual([]);
    expect(back.records).toEqual(samples);
  });

  it('JSON and NDJSON import with the record contract', () => {
    const enc = new TextEncoder();
    expect(importUpload([{ name: 'a.json', bytes: enc.encode(JSON.stringify(samples)) }]).records).toEqual(samples);
    const nd = samples.slice(0, 3).map((s) => JSON.stringify(s)).join('\n') + '\n{"id": "bad"}\nnot json\n';
    const r = importUpload([{ name: 'a.ndjson', bytes: enc.encode(nd) }]);
    expect(r.records.length).toBe(3);
    expect(r.issues.some((i) => i.row === 4 && i.id === 'bad')).toBe(true);
    expect(r.issues.some((i) => i.row === 5 && i.message.startsWith('不是有效的 JSON'))).toBe(true);
  });

  it('results → .xlsx and CSV with Chinese headers: one row per applicant and level', () => {
    const bundle = loadStandardSet('standards/2026').bundle!;
    const recs = samples.slice(0, 5);
    const results = evaluateBatch(bundle, recs, { explain: 'reasons' });
    const sheet = readXlsx(resultsXlsx(recs, results))[0];
    expect(sheet.name).toBe('评价结果');
    expect(sheet.rows[0]).toEqual(RESULT_HEADERS);
    expect(sheet.rows.length).toBe(1 + recs.length * bundle.levels.length);
    const csv = resultsCsv(recs, results);
    expect(csv.startsWith('\ufeff申报人编号,姓名,申报级别,评价级别,结论,路线,积分,未满足的条件\r\n')).toBe(true);
    const pad = (r: unknown[]) => Array.from({ length: RESULT_HEADERS.length }, (_, i) => (r[i] === null || r[i] === undefined || r[i] === '' ? null : String(r[i])));
    expect(readCsv(csv).map(pad)).toEqual(sheet.rows.map(pad));
    const failing = sheet.rows.find((r) => r[4] === '不通过')!;
    expect(String(failing[7]).length).toBeGreaterThan(0); // 未满足的条件 says why
    // The same words as `stdc eval --format csv` and the pages (evaluate/labels.ts), never the codes.
    const body = sheet.rows.slice(1);
    for (const r of body) expect(Object.values(VERDICT_LABEL)).toContain(r[4]);
    for (const r of body) expect(['常规', '直接申报', null, '']).toContain(r[5]);
    expect(body.some((r) => r[5] === '常规')).toBe(true);
  });
});

function csvOf(rows: unknown[][]): string {
  return rows.map((r) => r.map((v) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  }).join(',')).join('\n');
}

describe('formula neutralisation', () => {
  const hostile = { ...samples[0], id: 'X1', name: '=HYPERLINK("http://evil","点我")' };

  it('a would-be formula is written as text in .xlsx and CSV, and imports back as typed', () => {
    const bytes = recordsXlsx([hostile]);
    const sheetXml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']);
    expect(sheetXml).toContain('<t xml:space="preserve">\'=HYPERLINK(');
    expect(sheetXml).not.toContain('<f>');
    expect(importUpload(xlsx('h.xlsx', bytes)).records[0].name).toBe(hostile.name);
    const bundle = loadStandardSet('standards/2026').bundle!;
    const csv = resultsCsv([hostile], evaluateBatch(bundle, [hostile], { explain: 'reasons' }));
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"",""点我"")"`);
    for (const lead of ['+', '-', '@']) {
      const b = recordsXlsx([{ ...hostile, name: `${lead}1` }]);
      expect(strFromU8(unzipSync(b)['xl/worksheets/sheet1.xml'])).toContain(`'${lead}1`);
    }
  });
});

describe('the template', () => {
  it('has the record schema’s labels as headers and a dropdown for every enum and 是/否 column', () => {
    const files = unzipSync(templateXlsx());
    const sheets = readXlsx(templateXlsx());
    expect(sheets.map((s) => s.name)).toEqual(['申报人', '违规记录', '学历学位', '年度考核', '继续教育', '技术合同', '成果转化项目', '服务企业', '技术转移平台', '奖项', '培训授课']);
    expect(sheets[0].rows[0]).toContain('申报人编号');
    expect(sheets[0].rows[0]).toContain('现职称·职称级别');
    expect(sheets.find((s) => s.name === '技术合同')!.rows[0]).toEqual(['申报人编号', '合同登记编号', '合同类型', '签订日期', '成交金额（万元）', '合同角色']);
    const main = strFromU8(files['xl/worksheets/sheet1.xml']);
    // 申报级别, 在职状态, 是否公务员…, 是否离退休…, 诚信·是否列入…, 现职称·职称级别: six dropdowns on the main sheet
    expect(main.match(/<dataValidation /g)?.length).toBe(6);
    const options = sheets.find((s) => s.name === '选项');
    expect(options).toBeUndefined(); // the option lists sit on a hidden sheet
    const wb = strFromU8(files['xl/workbook.xml']);
    expect(wb).toMatch(/<sheet name="选项" sheetId="\d+" state="hidden"/);
    const contracts = strFromU8(files['xl/worksheets/sheet6.xml']);
    expect(contracts).toMatch(/<formula1>'选项'!\$[A-Z]+\$1:\$[A-Z]+\$5<\/formula1>/); // 合同类型: 5 choices
  });
});

describe('万元', () => {
  it('converts exactly to integer 元 and back', () => {
    expect(wanToYuan('500')).toEqual({ ok: true, yuan: 5_000_000 });
    expect(wanToYuan('12.3456')).toEqual({ ok: true, yuan: 123_456 });
    expect(wanToYuan(0.1 + 0.2)).toEqual({ ok: true, yuan: 3000 });
    expect(wanToYuan(12.3456)).toEqual({ ok: true, yuan: 123_456 });
    expect(wanToYuan('1,000')).toEqual({ ok: true, yuan: 10_000_000 });
    expect(wanToYuan('12.34567').ok).toBe(false);
    expect(wanToYuan('-5').ok).toBe(false);
    expect(wanToYuan('abc').ok).toBe(false);
    for (const y of [0, 1, 9999, 10000, 123456, 4_999_999, 100_000_000]) expect(wanToYuan(yuanToWan(y))).toEqual({ ok: true, yuan: y });
  });
});

/**
 * A zip whose entries are made of repeated deflate blocks: each piece is compressed once with a sync flush
 * (byte-aligned, not final), repeated `times`, then closed by an empty final block. So a gigabyte of
 * decompressed XML costs the test a few kilobytes and no deflating time.
 */
function zipOf(entries: { name: string; head?: string; piece?: string; times?: number; tail?: string }[]): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const flush = (s: string) => deflateRawSync(Buffer.from(s), { finishFlush: zlibConstants.Z_SYNC_FLUSH });
    const body = [flush(e.head ?? '')];
    if (e.piece) {
      const p = flush(e.piece);
      for (let i = 0; i < (e.times ?? 1); i++) body.push(p);
    }
    body.push(flush(e.tail ?? ''), Buffer.from([0x03, 0x00]));
    const data = Buffer.concat(body);
    const size = Math.min(0xffffffff, Buffer.byteLength(e.head ?? '') + Buffer.byteLength(e.piece ?? '') * (e.times ?? 1) + Buffer.byteLength(e.tail ?? ''));
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0x0800, 6); local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18); local.writeUInt32LE(size, 22); local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0); cd.writeUInt16LE(20, 4); cd.writeUInt16LE(20, 6); cd.writeUInt16LE(0x0800, 8); cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(data.length, 20); cd.writeUInt32LE(size, 24); cd.writeUInt16LE(name.length, 28); cd.writeUInt32LE(offset, 42);
    parts.push(local, name, data);
    central.push(cd, name);
    offset += local.length + name.length + data.length;
  }
  const cdBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdBuf.length, 12); end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, cdBuf, end]));
}

const enc = new TextEncoder();
const WB = [
  { name: '[Content_Types].xml', head: '<Types/>' },
  { name: 'xl/workbook.xml', head: '<workbook xmlns:r="r"><sheets><sheet name="申报人" sheetId="1" r:id="rId1"/></sheets></workbook>' },
  { name: 'xl/_rels/workbook.xml.rels', head: '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>' }
];

describe('upload limits', () => {
  it('refuses a zip bomb quickly, without inflating it', () => {
    // 1 GB of one row repeated, in a file of a few hundred kilobytes.
    const row = `<row><c t="inlineStr"><is><t>${'炸'.repeat(400)}</t></is></c></row>`.repeat(1_000);
    const bomb = zipOf([...WB, { name: 'xl/worksheets/sheet1.xml', head: '<worksheet><sheetData>', piece: row, times: Math.ceil(2 ** 30 / row.length), tail: '</sheetData></worksheet>' }]);
    expect(bomb.length).toBeLessThan(DEFAULT_LIMITS.maxFileBytes);
    const heap = process.memoryUsage().rss;
    const t = performance.now();
    expect(() => importUpload(xlsx('bomb.xlsx', bomb))).toThrow(/解压后超过 32 MB，可能是压缩炸弹/);
    expect(performance.now() - t).toBeLessThan(20_000);
    expect(process.memoryUsage().rss - heap).toBeLessThan(256 * 1024 * 1024);
  });

  it('refuses a 1,000,000-row sheet at the row limit', () => {
    let rows = '';
    for (let j = 1; j <= 10_000; j++) rows += `<row><c t="inlineStr"><is><t>S${j}</t></is></c></row>`;
    const sheet = zipOf([...WB, { name: 'xl/worksheets/sheet1.xml', head: '<worksheet><sheetData>', piece: rows, times: 100, tail: '</sheetData></worksheet>' }]);
    expect(sheet.length).toBeLessThan(DEFAULT_LIMITS.maxFileBytes);
    const t = performance.now();
    expect(() => importUpload(xlsx('rows.xlsx', sheet))).toThrow(/行数超过 50000 行/);
    expect(performance.now() - t).toBeLessThan(20_000);
    const csv = enc.encode('申报人编号\n' + 'x\n'.repeat(1_000_000));
    expect(() => importUpload([{ name: '申报人.csv', bytes: csv }])).toThrow(/行数超过 50000 行/);
  });

  it('refuses files that are too big or not what their name says', () => {
    expect(() => importUpload(xlsx('big.xlsx', new Uint8Array(DEFAULT_LIMITS.maxFileBytes + 1)))).toThrow(/超过 10 MB/);
    expect(() => importUpload(xlsx('fake.xlsx', enc.encode('id,name\n')))).toThrow(/不是 \.xlsx 工作簿/);
    expect(() => importUpload([{ name: 'a.csv', bytes: recordsXlsx([]) }])).toThrow(/是压缩文件/);
    expect(() => importUpload([{ name: 'a.exe', bytes: enc.encode('MZ') }])).toThrow(SpreadsheetLimitError);
    expect(() => importUpload([{ name: 'a.csv', bytes: new Uint8Array([0xff, 0xfe, 0x41, 0x00]) }])).toThrow(/不是 UTF-8/);
  });
});
