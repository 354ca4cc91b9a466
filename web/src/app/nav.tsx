import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  ClusterOutlined,
  FieldTimeOutlined,
  HomeOutlined,
  IdcardOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { type OrgKey, orgKeys } from '../features/org/keys.ts';
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

/** The menu, built only from what `me.abilities` allows. */
export function navModel(abilities: Record<string, boolean>): (NavLeaf | NavGroup)[] {
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
  if (abilities['audit.read']) {
    system.push({ path: '/audit', label: 'nav.audit', icon: <AuditOutlined />, description: 'audit.desc' });
  }
  const model: (NavLeaf | NavGroup)[] = [{ path: '/', label: 'nav.home', icon: <HomeOutlined /> }];
  if (directory.length > 0) model.push({ key: 'directory', label: 'nav.directory', children: directory });
  if (system.length > 0) model.push({ key: 'system', label: 'nav.system', children: system });
  model.push({ path: '/account', label: 'nav.account', icon: <UserOutlined /> });
  return model;
}

export function isGroup(item: NavLeaf | NavGroup): item is NavGroup {
  return 'children' in item;
}
