import { App, Button, Col, Drawer, Form, Grid, Row, Space } from 'antd';
import { useMemo, useState } from 'react';
import { ApiError } from '../../../api/client.ts';
import { useReportError } from '../../../components/use-report-error.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { createRow, updateRow } from '../api.ts';
import {
  changedFields,
  checkField,
  isRequired,
  schemaErrors,
  toFormValues,
  toPayload,
} from '../form-values.ts';
import { memberLabels } from '../render.tsx';
import type { OrgView, RenderContext, ResourceDef } from '../types.ts';
import { FieldInput } from './field-input.tsx';

interface Props {
  def: ResourceDef;
  ctx: RenderContext;
  /** The row being edited; absent when adding. */
  view?: OrgView;
  defaults?: Record<string, unknown>;
  onClose: () => void;
  onSaved: (view: OrgView) => void;
  /** Someone else saved first: load the latest version (the form re-opens with it). */
  onReload: () => Promise<void>;
}

/** Add or edit one directory row, checked with the shared zod schema before it is sent. */
export function ResourceForm({ def, ctx, view, defaults, onClose, onSaved, onReload }: Props) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const reportError = useReportError();
  const phone = Grid.useBreakpoint().md === false;
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const fields = useMemo(() => def.fields.filter((f) => !f.readOnly), [def]);
  const resourceName = t(`res.${def.key}`);

  const initialValues = useMemo(() => toFormValues(fields, view ?? defaults ?? {}), [fields, view, defaults]);
  const initialPayload = useMemo(
    () => toPayload(fields, def.schema, initialValues),
    [fields, def, initialValues],
  );

  const conflict = () =>
    modal.confirm({
      title: t('common.versionConflictTitle'),
      content: t('common.versionConflictBody'),
      okText: t('common.reload'),
      cancelText: t('common.cancel'),
      onOk: onReload,
    });

  const submit = async (values: Record<string, unknown>) => {
    const payload = toPayload(fields, def.schema, values);
    const problems = schemaErrors(def.schema, payload);
    if (problems.length > 0) {
      form.setFields(problems);
      message.error(t('common.fixErrors'));
      return;
    }
    setSaving(true);
    try {
      if (view) {
        const changes = changedFields(payload, initialPayload);
        if (Object.keys(changes).length === 0) {
          onClose();
          return;
        }
        // Every field the editor showed goes back, not only the changed ones: the server's update schema
        // fills its defaults (sort order 0, empty link lists) into fields a PATCH leaves out.
        const shown = Object.fromEntries(Object.entries(payload).filter(([key]) => key in view));
        const saved = await updateRow(def.key, view.id, {
          ...shown,
          ...changes,
          expectedVersion: view.version,
        });
        message.success(t('common.saved'));
        onSaved(saved);
      } else {
        const saved = await createRow(def.key, payload);
        message.success(t('common.created', { name: def.rowLabel(saved, ctx) }));
        onSaved(saved);
      }
    } catch (err) {
      if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') conflict();
      else reportError(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open
      title={
        view
          ? t('common.editTitle', { resource: resourceName, name: def.rowLabel(view, ctx) })
          : t('common.createTitle', { resource: resourceName })
      }
      size={phone ? '100%' : 720}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form
        form={form}
        layout="vertical"
        name={`org-${def.key}`}
        initialValues={initialValues}
        onFinish={submit}
      >
        <Row gutter={16}>
          {fields.map((field) => {
            const required = isRequired(def.schema, field.name);
            const label = t(field.label);
            const picks = field.type !== 'text' && field.type !== 'textarea' && field.type !== 'int';
            return (
              <Col key={field.name} span={phone || field.wide ? 24 : 12}>
                <Form.Item
                  name={field.name}
                  label={label}
                  required={required}
                  extra={field.help ? t(field.help) : undefined}
                  rules={[
                    {
                      validator: async (_rule, value) => {
                        const blank = value === undefined || value === null || value === '';
                        if (required && blank) {
                          throw new Error(t(picks ? 'form.requiredSelect' : 'form.required', { label }));
                        }
                        const problem = checkField(field, def.schema, value);
                        if (problem) throw new Error(problem);
                      },
                    },
                  ]}
                >
                  <FieldInput
                    field={field}
                    options={ctx.options}
                    initialMembers={memberLabels(field, view)}
                    nullable={!required}
                    excludeId={view?.id}
                  />
                </Form.Item>
              </Col>
            );
          })}
        </Row>
      </Form>
    </Drawer>
  );
}
