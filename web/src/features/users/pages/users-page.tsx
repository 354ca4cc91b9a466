import {
  EditOutlined,
  KeyOutlined,
  PlusOutlined,
  StopOutlined,
  CheckCircleOutlined,
} from '@ant-design/icons';
import type { UserView } from '@tongxin/common/auth/schemas.ts';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, Grid, Input, Popconfirm, Row, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useAbility, useSession } from '../../../app/session.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { ErrorState, ForbiddenState } from '../../../components/page-states.tsx';
import { useReportError } from '../../../components/use-report-error.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { dateTime, Pill } from '../../org/render.tsx';
import { updateUser, usersKey, useUsers } from '../api.ts';
import { ResetPassword } from '../components/reset-password.tsx';
import { UserForm } from '../components/user-form.tsx';

/** 账号管理 (system administrators): accounts, their roles, disabling and password resets. */
export default function UsersPage() {
  const allowed = useAbility('users.manage');
  return allowed ? <Users /> : <ForbiddenState />;
}

function Users() {
  const { t, roleLabel } = useI18n();
  const { user: me } = useSession();
  const { message } = App.useApp();
  const reportError = useReportError();
  const queryClient = useQueryClient();
  const phone = Grid.useBreakpoint().md === false;
  const [query, setQuery] = useState({ q: '', page: 1, pageSize: 20 });
  const [text, setText] = useState('');
  const [editing, setEditing] = useState<UserView | 'new' | null>(null);
  const [resetting, setResetting] = useState<UserView | null>(null);
  const users = useUsers(query);
  const refresh = () => queryClient.invalidateQueries({ queryKey: usersKey });

  const toggleActive = async (u: UserView) => {
    try {
      await updateUser(u.id, { isActive: !u.isActive });
      message.success(t(u.isActive ? 'users.disabledDone' : 'users.enabledDone', { name: u.displayName }));
      await refresh();
    } catch (err) {
      reportError(err);
    }
  };

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.desc')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('users.create')}
          </Button>
        }
      />
      <search className="filter-bar" aria-label={t('common.filters')}>
        <Row>
          <Col xs={24} md={12} lg={8}>
            <Input.Search
              value={text}
              onChange={(e) => setText(e.target.value)}
              onSearch={(v) => setQuery({ ...query, q: v.trim(), page: 1 })}
              placeholder={t('users.searchPh')}
              aria-label={t('users.searchPh')}
              allowClear
              enterButton={t('common.search')}
            />
          </Col>
        </Row>
      </search>
      {users.isError && !users.data ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <Table<UserView>
          rowKey="id"
          size="middle"
          loading={users.isFetching}
          dataSource={users.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: users.data?.total ?? 0,
            simple: phone,
            showTotal: (total) => t('common.total', { total }),
            onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }),
          }}
          columns={[
            { key: 'username', title: t('users.username'), render: (_, u) => u.username },
            {
              key: 'name',
              title: t('users.displayName'),
              render: (_, u) => (
                <>
                  {u.displayName} {u.id === me.id && <Pill tone="blue">{t('users.you')}</Pill>}
                </>
              ),
            },
            {
              key: 'roles',
              title: t('users.roles'),
              render: (_, u) => (
                <Space size={[4, 4]} wrap style={{ maxWidth: 360 }}>
                  {u.roles.map((r) => (
                    <Tag key={`${r.role}-${r.scopeId ?? ''}`} style={{ marginInlineEnd: 0 }}>
                      {roleLabel(r.role)}
                      {r.scopeName ? ` · ${r.scopeName}` : ''}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            {
              key: 'status',
              title: t('users.status'),
              render: (_, u) => (
                <>
                  {u.isActive ? (
                    <Pill tone="green">{t('users.active')}</Pill>
                  ) : (
                    <Pill tone="gray">{t('users.disabled')}</Pill>
                  )}
                  {u.mustChangePassword && <Pill tone="gold">{t('users.mustChange')}</Pill>}
                </>
              ),
            },
            {
              key: 'last',
              title: t('users.lastSignIn'),
              render: (_, u) => (u.lastSignInAt ? dateTime(u.lastSignInAt) : t('users.never')),
            },
            {
              key: 'actions',
              title: t('common.actions'),
              render: (_, u) => (
                <Space size={0} wrap>
                  <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(u)}>
                    {t('common.edit')}
                  </Button>
                  <Button type="link" size="small" icon={<KeyOutlined />} onClick={() => setResetting(u)}>
                    {t('users.resetPassword')}
                  </Button>
                  {u.id !== me.id && (
                    <Popconfirm
                      title={t(u.isActive ? 'users.disableConfirm' : 'users.enableConfirm', {
                        name: u.displayName,
                      })}
                      okText={t(u.isActive ? 'users.disable' : 'users.enable')}
                      okButtonProps={{ danger: u.isActive }}
                      cancelText={t('common.cancel')}
                      onConfirm={() => toggleActive(u)}
                    >
                      <Button
                        type="link"
                        size="small"
                        danger={u.isActive}
                        icon={u.isActive ? <StopOutlined /> : <CheckCircleOutlined />}
                      >
                        {t(u.isActive ? 'users.disable' : 'users.enable')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      )}
      {editing && (
        <UserForm
          user={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void refresh();
          }}
        />
      )}
      {resetting && (
        <ResetPassword
          user={resetting}
          onClose={() => {
            setResetting(null);
            void refresh();
          }}
        />
      )}
    </>
  );
}
