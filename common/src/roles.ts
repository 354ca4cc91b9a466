/**
 * Roles from domain.md §1. A user may hold several; some are held for one body (a handler clerk for one
 * 承办单位). `scope` names the kind of body a scoped role needs.
 */
export const roleCatalog = {
  sysadmin: { zh: '系统管理员', en: 'System administrator', scope: null },
  proposal_staff: { zh: '提案委员会办公室', en: 'Proposals office staff', scope: null },
  member: { zh: '政协委员', en: 'Member', scope: 'member' },
  standing_member: { zh: '常委', en: 'Standing member', scope: 'member' },
  chair_council: { zh: '主席会议成员', en: "Chair's Council", scope: null },
  office_staff: { zh: '办公室', en: 'Office staff', scope: null },
  info_staff: { zh: '社情民意信息编辑', en: 'Information staff', scope: null },
  liaison_staff: { zh: '委员联络工作人员', en: 'Member liaison staff', scope: null },
  committee_staff: { zh: '专委会工作人员', en: 'Special committee staff', scope: 'special_committee' },
  unit_liaison: { zh: '参加单位联络人', en: 'Participating unit liaison', scope: 'participating_unit' },
  handler_clerk: { zh: '承办单位经办人', en: 'Handler unit clerk', scope: 'handler_unit' },
  handler_leader: { zh: '承办单位分管领导', en: 'Handler unit leader', scope: 'handler_unit' },
  supervision_office: { zh: '督查室', en: 'Supervision office', scope: 'supervision_office' },
} as const satisfies Record<string, { zh: string; en: string; scope: RoleScopeKind | null }>;

export type RoleScopeKind =
  | 'member'
  | 'special_committee'
  | 'participating_unit'
  | 'handler_unit'
  | 'supervision_office';
export type Role = keyof typeof roleCatalog;
export const roles = Object.keys(roleCatalog) as Role[];

export interface RoleGrant {
  role: Role;
  /** The body the role is held for, when the role is scoped. */
  scopeId: string | null;
}

/** Roles that work inside the CPPCC office and see the whole directory. */
export const staffRoles: readonly Role[] = [
  'sysadmin',
  'proposal_staff',
  'chair_council',
  'office_staff',
  'info_staff',
  'liaison_staff',
  'committee_staff',
];
