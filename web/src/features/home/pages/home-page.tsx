import { Alert, Card, Col, Flex, Row, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { isGroup, type NavLeaf, navModel } from '../../../app/nav.tsx';
import { useSession } from '../../../app/session.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useI18n } from '../../../i18n/index.tsx';

/** 工作台: who you are, which roles you hold, and shortcuts to everything you may open. */
export default function HomePage() {
  const { t, roleLabel } = useI18n();
  const { user, abilities } = useSession();
  const shortcuts: NavLeaf[] = navModel(
    abilities,
    user.roles.map((r) => r.role),
  ).flatMap((item) => (isGroup(item) ? item.children : []));

  return (
    <>
      <PageHeader
        title={t('home.welcome', { name: user.displayName })}
        description={`${t('home.intro')} ${t('home.committee', { name: user.committeeName })}`}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex wrap align="center" gap={8}>
          <Typography.Text strong>{t('home.roles')}：</Typography.Text>
          {user.roles.map((r) => (
            <Tag key={`${r.role}-${r.scopeId ?? ''}`} color="blue" style={{ marginInlineEnd: 0 }}>
              {roleLabel(r.role)}
              {r.scopeName ? ` · ${r.scopeName}` : ''}
            </Tag>
          ))}
        </Flex>
      </Card>
      <Typography.Title level={2} style={{ fontSize: '1.2em' }}>
        {t('home.shortcuts')}
      </Typography.Title>
      {shortcuts.length === 0 ? (
        <Alert type="info" showIcon title={t('home.noShortcuts')} />
      ) : (
        <Row gutter={[12, 12]}>
          {shortcuts.map((s) => (
            <Col key={s.path} xs={24} sm={12} lg={8} xl={6}>
              <Link to={s.path} aria-label={t(s.label)}>
                <Card hoverable size="small" className="shortcut-card">
                  <Flex gap={12} align="flex-start">
                    <span style={{ fontSize: 26, color: '#1554ad', lineHeight: 1 }} aria-hidden>
                      {s.icon}
                    </span>
                    <div style={{ minWidth: 0 }}>
                      <Flex align="center" gap={6} wrap>
                        <Typography.Text strong>{t(s.label)}</Typography.Text>
                        <Tag style={{ marginInlineEnd: 0 }}>
                          {s.manage ? t('home.manage') : t('home.readOnly')}
                        </Tag>
                      </Flex>
                      {s.description && <div className="muted">{t(s.description)}</div>}
                    </div>
                  </Flex>
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      )}
    </>
  );
}
