import type { ExcellentStage } from '@tongxin/common/proposals/awards.ts';
import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../api/client.ts';
import { useReportError } from '../../../components/use-report-error.ts';
import { useT } from '../../../i18n/index.tsx';
import { advanceExcellent, type ExcellentAward, useInvalidateAwards } from '../api.ts';

export type AdvanceStage = Exclude<ExcellentStage, 'nominated'>;

/** One step of the evaluation (初评通过, 审定通过, 通报表彰, 未入选) with an optional opinion. */
export function AdvanceDialog({
  target,
  onClose,
}: {
  target: { award: ExcellentAward; stage: AdvanceStage } | null;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const reportError = useReportError();
  const invalidate = useInvalidateAwards();
  const [form] = Form.useForm<{ notes?: string }>();
  const [saving, setSaving] = useState(false);

  const submit = async (notes: string) => {
    if (!target) return;
    setSaving(true);
    try {
      await advanceExcellent(target.award.id, {
        stage: target.stage,
        notes,
        expectedVersion: target.award.version,
      });
      message.success(t('ex.advanced', { stage: t(`ex.stage.${target.stage}`) }));
      await invalidate();
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') {
        message.warning(t('ex.conflict'));
        await invalidate();
        onClose();
      } else reportError(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={target !== null}
      title={target ? t(`ex.action.${target.stage}`) : ''}
      okText={target ? t(`ex.action.${target.stage}`) : ''}
      okButtonProps={{ danger: target?.stage === 'rejected' }}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {target && <p style={{ marginTop: 0, fontWeight: 600 }}>{target.award.proposal.title}</p>}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) => void submit(v.notes?.trim() ?? '')}
      >
        <Form.Item
          name="notes"
          label={t('ex.opinion')}
          rules={[{ max: 2000, message: t('kp.tooLong', { max: 2000 }) }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={2000}
            placeholder={t('ex.opinionPh')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
