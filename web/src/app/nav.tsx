import {
  ApartmentOutlined,
  EditOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  ReconciliationOutlined,
  SafetyOutlined,
  SettingOutlined,
  SwapOutlined,
  ToolOutlined,
  AuditOutlined,
  BankOutlined,
  BookOutlined,
  CalendarOutlined,
  ClusterOutlined,
  FieldTimeOutlined,
  HomeOutlined,
  IdcardOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SearchOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { type OrgKey, orgKeys } from '../features/org/keys.ts';
import { proposalReportNav } from '../features/stats/nav-items.tsx';
import type { MsgKey } from '../i18n/index.tsx';

export const orgIcons: Record<OrgKey, ReactNode> = {
  terms: <CalendarOutlined />,
  sessions: <ScheduleOutlined />,
  sectors: <ApartmentOutlined />,
  'participating-units': <BankOutlined />,
  'special-committees': <ClusterOutlined />,
  members: <TeamOutlined />,
  'handler-units': <SolutionOutlined />,
  'supervision-offices': <SafetyCertificateOutlined />,
  platforms: <ShopOutlined />,
};

export interface NavLeaf {
  path: string;
  label: MsgKey;
  icon: ReactNode;
  /** For the workbench shortcuts. */
  description?: MsgKey;
  manage?: boolean;
}

export interface NavGroup {
  key: string;
  label: MsgKey;
  children: NavLeaf[];
}

/**
 * 提案工作: what each role works on. Server abilities decide where it sends them (`proposals.*`); the handling
 * entries fall back to the user's roles until `/auth/me` carries `assignments.*` abilities.
 */
function proposalNav(abilities: Record<string, boolean>, roles: readonly string[]): NavLeaf[] {
  const has = (key: string, ...fallbackRoles: string[]) =>
    key in abilities ? abilities[key] === true : fallbackRoles.some((r) => roles.includes(r));
  const staff = abilities['proposals.review'] === true;
  const items: NavLeaf[] = [];
  if (abilities['proposals.draft'] && !staff) {
    items.push({
      path: '/proposals',
      label: 'nav.myProposals',
      icon: <EditOutlined />,
      description: 'p.wb.desc',
    });
  }
  if (staff) {
    items.push(
      {
        path: '/proposals/review',
        label: 'nav.reviewQueue',
        icon: <ReconciliationOutlined />,
        description: 'p.rq.desc',
        manage: true,
      },
      {
        path: '/proposals/assign',
        label: 'nav.bulkAssign',
        icon: <SwapOutlined />,
        description: 'p.bulk.desc',
        manage: true,
      },
    );
  }
  if (abilities['proposals.read']) {
    items.push({
      path: '/proposals/all',
      label: 'nav.allProposals',
      icon: <FileSearchOutlined />,
      description: 'p.list.desc',
    });
  }
  if (abilities['search.use']) {
    items.push({
      path: '/search',
      label: 'nav.search',
      icon: <SearchOutlined />,
      description: 'search.navDesc',
    });
  }
  if (
    has(
      'assignments.read',
      'handler_clerk',
      'handler_leader',
      'proposal_staff',
      'supervision_office',
      'chair_council',
    )
  ) {
    items.push({
      path: '/assignments',
      label: 'nav.assignments',
      icon: <ToolOutlined />,
      description: 'a.wb.desc',
    });
  }
  if (has('assignments.supervise', 'supervision_office', 'proposal_staff')) {
    items.push({
      path: '/supervision',
      label: 'nav.supervision',
      icon: <SafetyOutlined />,
      description: 'a.sv.desc',
      manage: true,
    });
  }
  // 提案统计, 重点提案, 优秀提案 (features/stats).
  items.push(...proposalReportNav(abilities));
  if (has('proposals.rules', 'proposal_staff', 'sysadmin')) {
    items.push({
      path: '/proposals/rules',
      label: 'nav.proposalRules',
      icon: <SettingOutlined />,
      description: 'p.rules.desc',
      manage: true,
    });
  }
  if (staff && abilities['proposals.draft']) {
    items.push({
      path: '/proposals/edit',
      label: 'nav.enterProposal',
      icon: <FileTextOutlined />,
      description: 'p.wb.staffDesc',
    });
  }
  return items;
}

/** The menu, built only from what `me.abilities` allows (and the roles, for what abilities do not name yet). */
export function navModel(
  abilities: Record<string, boolean>,
  roles: readonly string[] = [],
): (NavLeaf | NavGroup)[] {
  const directory: NavLeaf[] = orgKeys
    .filter((key) => abilities[`org.${key}.read`])
    .map((key) => ({
      path: `/org/${key}`,
      label: `res.${key}`,
      icon: orgIcons[key],
      description: `resDesc.${key}`,
      manage: abilities[`org.${key}.manage`] === true,
    }));
  const system: NavLeaf[] = [];
  if (abilities['users.manage']) {
    system.push({
      path: '/users',
      label: 'nav.users',
      icon: <IdcardOutlined />,
      description: 'users.desc',
      manage: true,
    });
  }
  // Everyone signed in reads the calendar: deadlines concern every role.
  system.push({
    path: '/calendar',
    label: 'nav.calendar',
    icon: <FieldTimeOutlined />,
    description: 'calendar.navDesc',
    manage: abilities['calendar.manage'] === true,
  });
  if (abilities['search.dictionary']) {
    system.push({
      path: '/search/dictionary',
      label: 'nav.searchDictionary',
      icon: <BookOutlined />,
      description: 'search.dict.navDesc',
      manage: true,
    });
  }
  if (abilities['audit.read']) {
    system.push({ path: '/audit', label: 'nav.audit', icon: <AuditOutlined />, description: 'audit.desc' });
  }
  const model: (NavLeaf | NavGroup)[] = [{ path: '/', label: 'nav.home', icon: <HomeOutlined /> }];
  const proposals = proposalNav(abilities, roles);
  if (proposals.length > 0) model.push({ key: 'proposals', label: 'nav.proposals', children: proposals });
  if (directory.length > 0) model.push({ key: 'directory', label: 'nav.directory', children: directory });
  if (system.length > 0) model.push({ key: 'system', label: 'nav.system', children: system });
  model.push({ path: '/account', label: 'nav.account', icon: <UserOutlined /> });
  return model;
}

export function isGroup(item: NavLeaf | NavGroup): item is NavGroup {
  return 'children' in item;
}
