import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { type RoleScopeKind, roleCatalog, roles } from '@tongxin/common/roles.ts';
import { Button, Flex, Form, Select } from 'antd';
import { useI18n } from '../../../i18n/index.tsx';
import { MemberPicker } from '../../org/components/member-picker.tsx';
import type { Named, OptionsKey, OrgOptions } from '../../org/types.ts';

const optionsOfScope: Record<Exclude<RoleScopeKind, 'member'>, OptionsKey> = {
  handler_unit: 'handlerUnits',
  participating_unit: 'participatingUnits',
  special_committee: 'specialCommittees',
  supervision_office: 'supervisionOffices',
};

interface Props {
  options: OrgOptions | undefined;
  /** Names of members already granted (member-scoped roles), from the account being edited. */
  knownMembers: Named[];
}

/**
 * The roles of an account, one row each. A scoped role (a handler clerk, a unit liaison …) also picks the
 * body it is held for, from the list `roleCatalog[role].scope` names.
 */
export function RoleGrantsEditor({ options, knownMembers }: Props) {
  const { t, roleLabel } = useI18n();
  return (
    <Form.List
      name="roles"
      rules={[
        {
          validator: async (_r, value: { role?: string; scopeId?: string | null }[] | undefined) => {
            const seen = new Set<string>();
            for (const g of value ?? []) {
              const key = `${g?.role}:${g?.scopeId ?? ''}`;
              if (seen.has(key)) throw new Error(t('users.duplicateRole'));
              seen.add(key);
            }
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, index) => (
            <Form.Item key={field.key} noStyle shouldUpdate>
              {({ getFieldValue }) => {
                const role = getFieldValue(['roles', field.name, 'role']) as
                  | keyof typeof roleCatalog
                  | undefined;
                const scope = role ? roleCatalog[role]?.scope : null;
                return (
                  <Flex gap={8} align="flex-start" wrap>
                    <div style={{ flex: '1 1 200px', minWidth: 0 }}>
                      <Form.Item
                        name={[field.name, 'role']}
                        label={`${t('users.role')} ${index + 1}`}
                        rules={[
                          { required: true, message: t('form.requiredSelect', { label: t('users.role') }) },
                        ]}
                      >
                        <Select
                          options={roles.map((r) => ({ value: r, label: roleLabel(r) }))}
                          placeholder={t('common.select')}
                          showSearch={{ optionFilterProp: 'label' }}
                        />
                      </Form.Item>
                    </div>
                    <div style={{ flex: '2 1 240px', minWidth: 0 }}>
                      {scope && (
                        <Form.Item
                          name={[field.name, 'scopeId']}
                          label={`${t('users.scope')}（${t(`scope.${scope}`)}）`}
                          rules={[
                            {
                              required: true,
                              message: t('users.scopeRequired', { scope: t(`scope.${scope}`) }),
                            },
                          ]}
                        >
                          {scope === 'member' ? (
                            <MemberPicker initial={knownMembers} />
                          ) : (
                            <Select
                              placeholder={t('common.select')}
                              showSearch={{ optionFilterProp: 'label' }}
                              options={(options?.[optionsOfScope[scope]] ?? []).map((o) => ({
                                value: o.id,
                                label: o.name,
                              }))}
                            />
                          )}
                        </Form.Item>
                      )}
                    </div>
                    <div style={{ flex: 'none', paddingTop: 30 }}>
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        onClick={() => remove(field.name)}
                        aria-label={`${t('users.removeRole')} ${index + 1}`}
                        disabled={fields.length <= 1}
                      />
                    </div>
                  </Flex>
                );
              }}
            </Form.Item>
          ))}
          <Form.ErrorList errors={errors} />
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ role: undefined, scopeId: null })}
            block
          >
            {t('users.addRole')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
