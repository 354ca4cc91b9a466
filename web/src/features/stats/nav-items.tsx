import { BarChartOutlined, FlagOutlined, TrophyOutlined } from '@ant-design/icons';
import type { NavLeaf } from '../../app/nav.tsx';

/** 提案统计, 重点提案, 优秀提案 in the 提案工作 menu group, as the abilities allow. */
export function proposalReportNav(abilities: Record<string, boolean>): NavLeaf[] {
  const items: NavLeaf[] = [];
  if (abilities['proposals.stats']) {
    items.push({
      path: '/stats/proposals',
      label: 'nav.proposalStats',
      icon: <BarChartOutlined />,
      description: 'stats.navDesc',
    });
  }
  if (abilities['proposals.read']) {
    items.push(
      {
        path: '/key-proposals',
        label: 'nav.keyProposals',
        icon: <FlagOutlined />,
        description: 'kp.navDesc',
      },
      {
        path: '/excellent-proposals',
        label: 'nav.excellentProposals',
        icon: <TrophyOutlined />,
        description: 'ex.navDesc',
      },
    );
  }
  return items;
}
