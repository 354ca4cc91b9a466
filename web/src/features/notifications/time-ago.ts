import type { TFunction } from '../../i18n/index.tsx';

const minute = 60_000;
const hour = 60 * minute;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * "刚刚 / 5 分钟前 / 3 小时前 / 昨天 09:30 / 4 天前", then the date: how Chinese office software shows
 * when something arrived. Days are the browser's local days.
 */
export function timeAgo(iso: string, t: TFunction, now: Date = new Date()): string {
  const at = new Date(iso);
  const diff = now.getTime() - at.getTime();
  if (diff < minute) return t('notifications.time.justNow');
  if (diff < hour) return t('notifications.time.minutes', { n: Math.floor(diff / minute) });
  const startOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
  if (at.getTime() >= startOfToday) return t('notifications.time.hours', { n: Math.floor(diff / hour) });
  const days = Math.ceil((startOfToday - at.getTime()) / (24 * hour));
  if (days <= 1) return t('notifications.time.yesterday', { time });
  if (days <= 7) return t('notifications.time.days', { n: days });
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}
