import { enumLabels } from '@tongxin/common/org/enums.ts';
import { type Role, roleCatalog } from '@tongxin/common/roles.ts';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { config as zodConfig } from 'zod';
import zodEn from 'zod/v4/locales/en.js';
import zodZh from 'zod/v4/locales/zh-CN.js';
import { en } from './en.ts';
import { enEnumLabels } from './en-enums.ts';
import { type MsgKey, zhCN } from './zh-CN.ts';

export type { MsgKey } from './zh-CN.ts';
export type Lang = 'zh-CN' | 'en';
export type EnumKind = keyof typeof enumLabels;
export type Vars = Record<string, string | number>;
export type TFunction = (key: MsgKey, vars?: Vars) => string;

export const languages: Lang[] = ['zh-CN', 'en'];
const storageKey = 'tongxin.lang';
const dictionaries: Record<Lang, Record<MsgKey, string>> = { 'zh-CN': zhCN, en };

function storedLang(): Lang {
  try {
    return localStorage.getItem(storageKey) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

let currentLang: Lang = storedLang();

/** Applies a language to everything outside React: the html tag, dayjs, zod's default messages. */
function applyLang(lang: Lang) {
  currentLang = lang;
  document.documentElement.lang = lang;
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
  zodConfig(lang === 'en' ? zodEn() : zodZh());
}
applyLang(currentLang);

function format(lang: Lang, key: MsgKey, vars?: Vars): string {
  const template = dictionaries[lang][key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** Translate outside React (the API client); components use `useT()` so they re-render on a switch. */
export function t(key: MsgKey, vars?: Vars): string {
  return format(currentLang, key, vars);
}

/** Whether a computed key (an audit action, say) has a translation. */
export function hasKey(key: string): key is MsgKey {
  return key in zhCN;
}

export function getLang(): Lang {
  return currentLang;
}

interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: TFunction;
  /** Label of a dictionary value (gender, sector kind …) in the current language; '' for none. */
  enumLabel: (kind: EnumKind, code: unknown) => string;
  roleLabel: (role: Role) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(currentLang);
  const setLang = useCallback((next: Lang) => {
    try {
      localStorage.setItem(storageKey, next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    applyLang(next);
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const labels = (lang === 'en' ? enEnumLabels : enumLabels) as Record<EnumKind, Record<string, string>>;
    return {
      lang,
      setLang,
      t: (key, vars) => format(lang, key, vars),
      enumLabel: (kind, code) =>
        code == null || code === '' ? '' : (labels[kind][String(code)] ?? String(code)),
      roleLabel: (role) => roleCatalog[role]?.[lang === 'en' ? 'en' : 'zh'] ?? role,
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

export function useT(): TFunction {
  return useI18n().t;
}

const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 14 → 十四, 4 → 四, 20 → 二十: how terms and sessions are written in Chinese (1–99). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 10) return digits[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : digits[tens]}十${ones === 0 ? '' : digits[ones]}`;
}
