import {
  FontSizeOutlined,
  GlobalOutlined,
  LogoutOutlined,
  MenuOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Dropdown, Flex, Tag, Tooltip, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { signOut } from '../features/auth/api.ts';
import { NotificationBell } from '../features/notifications/components/notification-bell.tsx';
import { HeaderSearch } from '../features/search/components/header-search.tsx';
import { type Lang, languages, useI18n } from '../i18n/index.tsx';
import { usePreferences } from './preferences.tsx';
import { useSession } from './session.tsx';

const onRed = { color: '#fff' } as const;

/** Language menu, used in the header and on the sign-in page. */
export function LanguageSwitch({ light = false }: { light?: boolean }) {
  const { lang, setLang, t } = useI18n();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [lang],
        items: languages.map((l) => ({ key: l, label: t(`lang.${l}`), lang: l })),
        onClick: ({ key }) => setLang(key as Lang),
      }}
    >
      <Button
        type="text"
        icon={<GlobalOutlined />}
        style={light ? onRed : undefined}
        aria-label={`${t('header.language')}：${t(`lang.${lang}`)}`}
      >
        {t(`lang.${lang}`)}
      </Button>
    </Dropdown>
  );
}

/** Top bar: brand, menu button on phones, large text, language, notification bell, user, roles, sign-out. */
export function HeaderBar({ phone, onOpenMenu }: { phone: boolean; onOpenMenu: () => void }) {
  const { t, roleLabel, setLang } = useI18n();
  const { user } = useSession();
  const { largeFont, setLargeFont } = usePreferences();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();

  const doSignOut = async () => {
    try {
      await signOut();
    } catch {
      // Signing out of an expired session is still signing out.
    }
    await navigate('/login', { replace: true });
    queryClient.clear();
    message.success(t('header.signedOut'));
  };

  return (
    <Flex align="center" justify="space-between" gap={8} style={{ height: '100%' }}>
      <Flex align="center" gap={8} style={{ minWidth: 0 }}>
        {phone && (
          <Button
            type="text"
            icon={<MenuOutlined />}
            onClick={onOpenMenu}
            style={onRed}
            aria-label={t('nav.openMenu')}
          />
        )}
        <Link to="/" className="brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>{phone ? t('app.name') : t('app.title')}</span>
        </Link>
      </Flex>
      <Flex align="center" gap={phone ? 0 : 4}>
        <HeaderSearch phone={phone} />
        <Tooltip title={phone ? undefined : t('account.largeFontHint')}>
          <Button
            type="text"
            icon={<FontSizeOutlined />}
            style={{ ...onRed, background: largeFont ? 'rgba(255,255,255,0.2)' : undefined }}
            aria-pressed={largeFont}
            aria-label={t('header.largeFont')}
            onClick={() => setLargeFont(!largeFont)}
          >
            {phone ? null : t('header.largeFont')}
          </Button>
        </Tooltip>
        {!phone && <LanguageSwitch light />}
        <NotificationBell phone={phone} />
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              {
                key: 'account',
                icon: <UserOutlined />,
                label: <Link to="/account">{t('nav.account')}</Link>,
              },
              ...(phone
                ? [
                    { type: 'divider' as const },
                    ...languages.map((l) => ({
                      key: `lang-${l}`,
                      icon: <GlobalOutlined />,
                      label: t(`lang.${l}`),
                    })),
                  ]
                : []),
              { type: 'divider' },
              { key: 'sign-out', icon: <LogoutOutlined />, danger: true, label: t('header.signOut') },
            ],
            onClick: ({ key }) => {
              if (key === 'sign-out') void doSignOut();
              if (key.startsWith('lang-')) setLang(key.slice(5) as Lang);
            },
          }}
        >
          <Button type="text" style={{ ...onRed, height: 'auto', paddingBlock: 4 }}>
            <Flex align="center" gap={6}>
              <UserOutlined />
              <Typography.Text style={{ ...onRed, maxWidth: phone ? 96 : 160 }} ellipsis>
                {user.displayName}
              </Typography.Text>
              {!phone &&
                user.roles.slice(0, 2).map((r) => (
                  <Tag key={`${r.role}-${r.scopeId ?? ''}`} className="role-tag">
                    {roleLabel(r.role)}
                  </Tag>
                ))}
              {!phone && user.roles.length > 2 && <Tag className="role-tag">+{user.roles.length - 2}</Tag>}
            </Flex>
          </Button>
        </Dropdown>
      </Flex>
    </Flex>
  );
}
