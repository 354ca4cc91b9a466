import ExcelJS from 'exceljs';
import { AppError } from '../http/app-error.ts';

export interface SheetColumn<T> {
  header: string;
  width?: number;
  value: (row: T) => string | number | boolean | Date | null | undefined;
}

/** One-sheet .xlsx with a bold, frozen Chinese header row — what Office and WPS users expect. */
export async function writeSheet<T>(
  sheetName: string,
  columns: SheetColumn<T>[],
  rows: T[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '同心';
  wb.created = new Date();
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({
    header: c.header,
    width: c.width ?? Math.max(10, c.header.length * 2 + 4),
  }));
  ws.getRow(1).font = { bold: true };
  for (const row of rows) ws.addRow(columns.map((c) => c.value(row) ?? ''));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Several sheets in one workbook (statistics exports). */
export async function writeSheets(
  sheets: { name: string; rows: (string | number | null)[][] }[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '同心';
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name);
    for (const row of sheet.rows) ws.addRow(row.map((v) => v ?? ''));
    ws.getRow(1).font = { bold: true };
    ws.columns.forEach((c, i) => {
      c.width = i === 0 ? 30 : 14;
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Adds a second sheet to a workbook buffer (used by import templates to list the valid values). */
export async function withNotesSheet(buffer: Buffer, name: string, lines: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const ws = wb.addWorksheet(name);
  for (const line of lines) ws.addRow(line);
  ws.getColumn(1).width = 16;
  ws.getColumn(2).width = 80;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface SheetRows {
  headers: string[];
  /** Excel row number (2 = first data row) and the cells by header. */
  rows: { row: number; cells: Record<string, string> }[];
}

/** Reads the first sheet; every cell becomes trimmed text (dates as YYYY-MM-DD). Empty rows are skipped. */
export async function readSheet(buffer: Buffer, maxRows = 20000): Promise<SheetRows> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new AppError('FILE_INVALID');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('FILE_INVALID');
  const headers: string[] = [];
  ws.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
    headers[col - 1] = cellText(cell.value);
  });
  const rows: SheetRows['rows'] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    if (rows.length >= maxRows) throw new AppError('PAYLOAD_TOO_LARGE', { maxRows });
    const cells: Record<string, string> = {};
    headers.forEach((h, i) => {
      if (h) cells[h] = cellText(row.getCell(i + 1).value);
    });
    if (Object.values(cells).some((v) => v !== '')) rows.push({ row: rowNumber, cells });
  });
  return { headers: headers.filter(Boolean), rows };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('text' in value) return String(value.text).trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value).trim();
}

export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Content-Disposition with a Chinese file name that every browser understands. */
export function attachment(fileName: string): string {
  return `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
