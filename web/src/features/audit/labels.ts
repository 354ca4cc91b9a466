import { hasKey, type Lang, type MsgKey, type TFunction } from '../../i18n/index.tsx';
import { resources } from '../org/resources/index.ts';

export const targetTypes = [
  'member',
  'sector',
  'participating_unit',
  'special_committee',
  'term',
  'plenary_session',
  'platform',
  'handler_unit',
  'supervision_office',
  'user',
  'auth',
] as const;

const verbs = ['created', 'updated', 'deleted', 'imported'] as const;

/** Every action the filter offers: the sign-in events, then each object type × verb. */
export function knownActions(): string[] {
  const auth = [
    'auth.signed_in',
    'auth.signed_out',
    'auth.sign_in_failed',
    'auth.sign_in_refused',
    'auth.account_locked',
    'auth.password_changed',
    'auth.password_change_failed',
  ];
  const objects = targetTypes
    .filter((type) => type !== 'auth')
    .flatMap((type) => verbs.map((verb) => `${type}.${verb}`));
  return [...auth, 'user.password_reset', ...objects];
}

export function targetLabel(type: string, t: TFunction): string {
  const key = `target.${type}`;
  return hasKey(key) ? t(key) : type;
}

/** `member.created` → 新增委员 / "Created member"; unknown actions stay as their code. */
export function actionLabel(action: string, t: TFunction, lang: Lang): string {
  const full = `auditAction.${action}`;
  if (hasKey(full)) return t(full);
  const dot = action.lastIndexOf('.');
  const verbKey = `auditAction.${action.slice(dot + 1)}`;
  const typeKey = `target.${action.slice(0, dot)}`;
  if (dot < 0 || !hasKey(verbKey) || !hasKey(typeKey)) return action;
  return lang === 'en' ? `${t(verbKey)} ${t(typeKey).toLowerCase()}` : `${t(verbKey)}${t(typeKey)}`;
}

const extraFieldLabels: Record<string, MsgKey> = {
  displayName: 'users.displayName',
  username: 'users.username',
  roles: 'users.roles',
  isActive: 'f.isActive',
  name: 'f.platformName',
};

/** Field name → its label in the forms, for the before/after table. */
export function fieldLabels(): Map<string, MsgKey> {
  const map = new Map<string, MsgKey>(Object.entries(extraFieldLabels));
  for (const def of Object.values(resources)) {
    for (const f of def.fields) if (!map.has(f.name)) map.set(f.name, f.label);
  }
  return map;
}
