import { Menu, type MenuProps } from 'antd';
import { Link, useLocation } from 'react-router';
import { useT } from '../i18n/index.tsx';
import { isGroup, type NavLeaf, navModel } from './nav.tsx';
import { useSession } from './session.tsx';

function leaves(model: ReturnType<typeof navModel>): NavLeaf[] {
  return model.flatMap((item) => (isGroup(item) ? item.children : [item]));
}

/** The navigation menu (side bar on desktop, drawer on phones); links are real anchors. */
export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const t = useT();
  const { abilities, user } = useSession();
  const { pathname } = useLocation();
  const model = navModel(
    abilities,
    user.roles.map((r) => r.role),
  );
  const selected = leaves(model)
    .filter((l) =>
      l.path === '/' ? pathname === '/' : pathname === l.path || pathname.startsWith(`${l.path}/`),
    )
    .sort((a, b) => b.path.length - a.path.length)[0];
  const leafItem = (l: NavLeaf) => ({
    key: l.path,
    icon: l.icon,
    label: (
      <Link to={l.path} onClick={onNavigate}>
        {t(l.label)}
      </Link>
    ),
  });
  const items: MenuProps['items'] = model.map((item) =>
    isGroup(item)
      ? { type: 'group' as const, key: item.key, label: t(item.label), children: item.children.map(leafItem) }
      : leafItem(item),
  );
  return (
    <nav aria-label={t('nav.main')}>
      <Menu
        mode="inline"
        items={items}
        selectedKeys={selected ? [selected.path] : []}
        style={{ borderInlineEnd: 0 }}
      />
    </nav>
  );
}
