import { StarOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Radio, Select } from 'antd';
import { useT } from '../../../i18n/index.tsx';
import { type FeedbackBody, rateProposal, type Signer } from '../api.ts';
import { useAction } from '../use-action.ts';

const levels = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
const ways = ['visit', 'meeting', 'phone', 'letter', 'none'] as const;
const attitudes = ['good', 'fair', 'poor'] as const;

type Values = FeedbackBody & { onBehalfOfMemberId?: string };

/**
 * 征询意见表: the overall rating and the sub-questions a real committee asks — how the unit listened before
 * replying, the handlers' attitude, whether the proposer agrees with the result, whether the reply answers the
 * proposal, whether they visited — and a comment (required with 不满意, so the re-handling knows why).
 */
export function RatingForm({
  proposalId,
  signers = [],
  onBehalf = false,
  rated = [],
  onDone,
}: {
  proposalId: string;
  /** Proposal staff record a signer's paper form: whose. */
  signers?: Signer[];
  onBehalf?: boolean;
  /** Signers who rated this round already (a second form for them is refused): not offered. */
  rated?: (string | null | undefined)[];
  onDone?: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const { run, busy } = useAction();
  const overall = Form.useWatch('overall', form);
  const yesNo = [
    { value: true, label: t('common.yes') },
    { value: false, label: t('common.no') },
  ];
  const submit = (v: Values) =>
    run(
      'rate',
      () =>
        rateProposal(proposalId, {
          overall: v.overall,
          // Questions left unanswered are left out (the server takes them as "not asked").
          ...(v.consultedBeforeReply ? { consultedBeforeReply: v.consultedBeforeReply } : {}),
          ...(v.handlerAttitude ? { handlerAttitude: v.handlerAttitude } : {}),
          ...(typeof v.agreesWithResult === 'boolean' ? { agreesWithResult: v.agreesWithResult } : {}),
          ...(typeof v.replyOnPoint === 'boolean' ? { replyOnPoint: v.replyOnPoint } : {}),
          ...(typeof v.visitHappened === 'boolean' ? { visitHappened: v.visitHappened } : {}),
          ...(onBehalf && v.onBehalfOfMemberId ? { onBehalfOfMemberId: v.onBehalfOfMemberId } : {}),
          comment: (v.comment ?? '').trim(),
        }),
      { form, success: t('p.rate.done'), onDone },
    );
  return (
    <Card
      size="small"
      id="rate"
      title={
        <span>
          <StarOutlined /> {t('p.rate.title')}
        </span>
      }
      className="rating-form"
    >
      <p className="muted" style={{ marginTop: 0 }}>
        {t('p.rate.intro')}
      </p>
      <Form<Values>
        name="rating"
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ comment: '' }}
      >
        {onBehalf && (
          <Form.Item
            name="onBehalfOfMemberId"
            label={t('p.rate.forMember')}
            extra={t('p.rate.forMemberHint')}
            rules={[{ required: true, message: t('form.requiredSelect', { label: t('p.rate.forMember') }) }]}
          >
            <Select
              aria-label={t('p.rate.forMember')}
              options={signers
                .filter((s) => s.role === 'lead' || s.status === 'confirmed')
                .filter((s) => !rated.includes(s.memberId))
                .map((s) => ({ value: s.memberId, label: s.name }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="overall"
          label={t('p.rate.overall')}
          rules={[{ required: true, message: t('p.rate.overallRequired') }]}
        >
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            size="large"
            className="rating-choices"
            options={levels.map((l) => ({ value: l, label: t(`p.sat.${l}`) }))}
          />
        </Form.Item>
        <Form.Item name="consultedBeforeReply" label={t('p.rate.consulted')}>
          <Radio.Group options={ways.map((w) => ({ value: w, label: t(`p.rate.way.${w}`) }))} />
        </Form.Item>
        <Form.Item name="handlerAttitude" label={t('p.rate.attitude')}>
          <Radio.Group options={attitudes.map((l) => ({ value: l, label: t(`p.rate.att.${l}`) }))} />
        </Form.Item>
        <Form.Item name="agreesWithResult" label={t('p.rate.agrees')}>
          <Radio.Group options={yesNo} />
        </Form.Item>
        <Form.Item name="replyOnPoint" label={t('p.rate.onPoint')}>
          <Radio.Group options={yesNo} />
        </Form.Item>
        <Form.Item name="visitHappened" label={t('p.rate.visit')}>
          <Radio.Group options={yesNo} />
        </Form.Item>
        <Form.Item
          name="comment"
          label={t('p.rate.comment')}
          extra={overall === 'dissatisfied' ? t('p.rate.commentWhy') : undefined}
          rules={
            overall === 'dissatisfied'
              ? [{ required: true, whitespace: true, message: t('p.rate.commentRequired') }]
              : []
          }
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={2000} showCount />
        </Form.Item>
        <Button type="primary" size="large" htmlType="submit" loading={busy === 'rate'}>
          {t('p.rate.submit')}
        </Button>
      </Form>
    </Card>
  );
}
