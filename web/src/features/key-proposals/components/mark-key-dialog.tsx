import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useReportError } from '../../../components/use-report-error.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { useOrgOptions } from '../../org/api.ts';
import { type MarkKeyBody, markKeyProposal, useInvalidateAwards, useLeaders } from '../api.ts';
import { ProposalPicker } from './proposal-picker.tsx';

interface Values {
  proposalId?: string;
  supervisingLeaderId?: string;
  responsibleCommitteeId?: string;
  leadingOfficial?: string;
  linkedTopic?: string;
  supervisionPlan?: string;
}

const blank = (s: string | undefined) => (s?.trim() ? s.trim() : null);

/**
 * 列为重点提案: the Chair's Council names the four roles of "四位一体" supervision — the council member
 * who leads it, the special committee that follows it, the Party/government leader who leads the handling,
 * the consultation topic it is linked with — and the supervision plan. Without `proposalId` the dialog
 * first asks for the proposal.
 */
export function MarkKeyDialog({
  open,
  proposalId,
  proposalTitle,
  onClose,
  onDone,
}: {
  open: boolean;
  proposalId?: string;
  proposalTitle?: string;
  onClose: () => void;
  onDone?: () => void;
}) {
  const { t, enumLabel } = useI18n();
  const { message } = App.useApp();
  const reportError = useReportError();
  const invalidate = useInvalidateAwards();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const leaders = useLeaders(open);
  const options = useOrgOptions();

  const submit = async (v: Values) => {
    const id = proposalId ?? v.proposalId;
    if (!id) return;
    const body: MarkKeyBody = {
      supervisingLeaderId: v.supervisingLeaderId ?? null,
      responsibleCommitteeId: v.responsibleCommitteeId ?? null,
      leadingOfficial: blank(v.leadingOfficial),
      linkedTopic: blank(v.linkedTopic),
      supervisionPlan: v.supervisionPlan?.trim() ?? '',
    };
    setSaving(true);
    try {
      await markKeyProposal(id, body);
      message.success(t('kp.marked'));
      await invalidate();
      form.resetFields();
      onDone?.();
      onClose();
    } catch (err) {
      reportError(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={proposalTitle ? t('kp.markTitleOf', { title: proposalTitle }) : t('kp.mark')}
      okText={t('kp.markOk')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={620}
    >
      <p className="muted" style={{ marginTop: 0 }}>
        {t('kp.markHint')}
      </p>
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} preserve={false}>
        {!proposalId && (
          <Form.Item
            name="proposalId"
            label={t('kp.proposal')}
            rules={[{ required: true, message: t('form.requiredSelect', { label: t('kp.proposal') }) }]}
          >
            <ProposalPicker exclude={(p) => p.isKey} aria-label={t('kp.proposal')} />
          </Form.Item>
        )}
        <Form.Item name="supervisingLeaderId" label={t('kp.role.leader')} extra={t('kp.role.leaderHint')}>
          <Select
            allowClear
            loading={leaders.isLoading}
            placeholder={t('common.select')}
            notFoundContent={leaders.isError ? leaders.error.message : t('kp.noLeaders')}
            options={(leaders.data ?? []).map((m) => ({
              value: m.id,
              label: `${m.name}（${enumLabel('leadershipPosition', m.leadershipPosition)}）`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="responsibleCommitteeId"
          label={t('kp.role.committee')}
          extra={t('kp.role.committeeHint')}
        >
          <Select
            allowClear
            loading={options.isLoading}
            placeholder={t('common.select')}
            options={(options.data?.specialCommittees ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
        <Form.Item
          name="leadingOfficial"
          label={t('kp.role.official')}
          extra={t('kp.role.officialHint')}
          rules={[{ max: 60, message: t('kp.tooLong', { max: 60 }) }]}
        >
          <Input maxLength={60} placeholder={t('kp.role.officialPh')} />
        </Form.Item>
        <Form.Item
          name="linkedTopic"
          label={t('kp.role.topic')}
          extra={t('kp.role.topicHint')}
          rules={[{ max: 100, message: t('kp.tooLong', { max: 100 }) }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="supervisionPlan"
          label={t('kp.plan')}
          rules={[{ max: 5000, message: t('kp.tooLong', { max: 5000 }) }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 10 }}
            maxLength={5000}
            placeholder={t('kp.planPh')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
