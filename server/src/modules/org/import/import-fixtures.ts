import ExcelJS from 'exceljs';

export const memberHeaders = [
  '姓名',
  '性别',
  '民族',
  '出生日期',
  '政治面貌',
  '界别',
  '参加单位',
  '专委会',
  '是否常委',
  '工作单位',
  '职务',
  '手机',
  '任职日期',
];

/** An .xlsx of member rows as a committee's staff would fill it (test and benchmark fixture). */
export async function buildMemberSheet(
  rows: (string | number | Date)[][],
  headers = memberHeaders,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('委员名册');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
