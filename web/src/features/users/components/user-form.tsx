import { passwordProblems } from '@tongxin/common/auth/password-rules.ts';
import { createUserInput, type UserView } from '@tongxin/common/auth/schemas.ts';
import { type Role, roleCatalog } from '@tongxin/common/roles.ts';
import { App, Button, Form, Grid, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useReportError } from '../../../components/use-report-error.ts';
import { useT } from '../../../i18n/index.tsx';
import { useOrgOptions } from '../../org/api.ts';
import { createUser, type Grant, generatePassword, updateUser } from '../api.ts';
import { RoleGrantsEditor } from './role-grants-editor.tsx';

interface Values {
  username: string;
  displayName: string;
  initialPassword: string;
  roles: { role?: Role; scopeId?: string | null }[];
}

interface Props {
  /** The account being edited; absent when creating one. */
  user?: UserView;
  onClose: () => void;
  onSaved: (user: UserView) => void;
}

const shape = createUserInput.shape;

/** A rule that runs one field of the shared zod schema, so the form and the server say the same thing. */
function zodRule(schema: (typeof shape)[keyof typeof shape]) {
  return {
    validator: async (_r: unknown, value: unknown) => {
      const result = schema.safeParse(value ?? '');
      if (!result.success) throw new Error(result.error.issues[0]?.message);
    },
  };
}

/** Create an account (username, name, initial password, roles) or change an account's name and roles. */
export function UserForm({ user, onClose, onSaved }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const reportError = useReportError();
  const options = useOrgOptions();
  const phone = Grid.useBreakpoint().md === false;
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const knownMembers = (user?.roles ?? [])
    .filter((r) => roleCatalog[r.role].scope === 'member' && r.scopeId && r.scopeName)
    .map((r) => ({ id: r.scopeId!, name: r.scopeName! }));

  const submit = async (values: Values) => {
    const grants: Grant[] = values.roles
      .filter((g): g is { role: Role; scopeId?: string | null } => Boolean(g.role))
      .map((g) => ({ role: g.role, scopeId: roleCatalog[g.role].scope ? (g.scopeId ?? null) : null }));
    setSaving(true);
    try {
      const saved = user
        ? await updateUser(user.id, { displayName: values.displayName.trim(), roles: grants })
        : await createUser({
            username: values.username.trim(),
            displayName: values.displayName.trim(),
            initialPassword: values.initialPassword,
            roles: grants,
          });
      message.success(user ? t('common.saved') : t('users.createdDone', { name: saved.displayName }));
      onSaved(saved);
    } catch (err) {
      reportError(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={user ? t('users.editTitle', { name: user.displayName }) : t('users.createTitle')}
      onCancel={onClose}
      width={phone ? '100%' : 680}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="user"
        onFinish={submit}
        initialValues={{
          username: user?.username ?? '',
          displayName: user?.displayName ?? '',
          initialPassword: '',
          roles: user
            ? user.roles.map((r) => ({ role: r.role, scopeId: r.scopeId }))
            : [{ role: undefined, scopeId: null }],
        }}
      >
        <Form.Item name="username" label={t('users.username')} required rules={[zodRule(shape.username)]}>
          <Input disabled={Boolean(user)} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          required
          rules={[zodRule(shape.displayName)]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        {!user && (
          <Form.Item label={t('users.initialPassword')} required extra={t('users.initialPasswordHint')}>
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item
                name="initialPassword"
                noStyle
                dependencies={['username']}
                rules={[
                  zodRule(shape.initialPassword),
                  ({ getFieldValue }) => ({
                    validator: async (_r, value: string | undefined) => {
                      const problems = value ? passwordProblems(value, getFieldValue('username') ?? '') : [];
                      if (problems.length)
                        throw new Error(t('account.passwordProblems', { problems: problems.join('；') }));
                    },
                  }),
                ]}
              >
                <Input aria-label={t('users.initialPassword')} autoComplete="new-password" />
              </Form.Item>
              <Button onClick={() => form.setFieldValue('initialPassword', generatePassword())}>
                {t('users.generate')}
              </Button>
            </Space.Compact>
          </Form.Item>
        )}
        <RoleGrantsEditor options={options.data} knownMembers={knownMembers} />
      </Form>
    </Modal>
  );
}
