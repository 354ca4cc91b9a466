import { z } from 'zod';

/** A person's name: Chinese characters, Latin letters, the middle dot of minority names. Nothing else. */
export const personName = z
  .string()
  .trim()
  .min(1, { message: '请填写姓名', abort: true })
  .max(50, '姓名不超过 50 个字符')
  .regex(/^[\p{Script=Han}A-Za-z·•. ]+$/u, '姓名只能包含汉字、字母和间隔号“·”');

/** The name of a body (unit, committee, sector, platform). */
export function bodyName(label: string, max = 60) {
  return z
    .string()
    .trim()
    .min(1, { message: `请填写${label}`, abort: true })
    .max(max, `${label}不超过 ${max} 个字符`)
    .regex(
      /^[\p{Script=Han}A-Za-z0-9·（）()、—\-“”“”《》\s]+$/u,
      `${label}只能包含汉字、字母、数字、括号、顿号和连字符`,
    );
}

/** Free text kept as typed (quotes and all), bounded. */
export function text(label: string, max: number) {
  return z.string().trim().max(max, `${label}不超过 ${max} 个字符`);
}

export const isoDate = z.iso.date('日期格式应为 YYYY-MM-DD');
export const isoDateTime = z.iso.datetime({ offset: true, message: '时间格式应为 ISO 8601，并带时区' });
export const mobile = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, '手机号应为 11 位数字');
export const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{5,20}$/, '电话号码格式不正确');
export const email = z.email('电子邮箱格式不正确').max(100);
export const id = z.uuid('编号格式不正确');
export const expectedVersion = z.number({ error: '缺少记录版本号' }).int().min(1);
