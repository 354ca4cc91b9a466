/** The directory lists, in menu order; each is `/api/org/<key>` and the page `/org/<key>`. */
export const orgKeys = [
  'members',
  'sectors',
  'participating-units',
  'special-committees',
  'terms',
  'sessions',
  'platforms',
  'handler-units',
  'supervision-offices',
] as const;
export type OrgKey = (typeof orgKeys)[number];

export function isOrgKey(value: string | undefined): value is OrgKey {
  return (orgKeys as readonly string[]).includes(value ?? '');
}
