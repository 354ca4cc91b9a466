/** What happens to a drafted reply: 会签 by co units, 签发 by the leader, 审核 by the supervision office. */
import { CheckOutlined, FormOutlined, RollbackOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Radio, Select } from 'antd';
import { useState } from 'react';
import { useT } from '../../../i18n/index.tsx';
import { type ReplyView, useProposalRules } from '../api.ts';
import { type AssignmentDetail, assignmentActions } from '../assignments-api.ts';
import { useAction } from '../use-action.ts';
import { Block, LetterView } from './assignment-parts.tsx';

/** 会签: a co unit agrees to the lead unit's draft reply, or asks for changes. */
export function CosignPanel({ a }: { a: AssignmentDetail }) {
  const t = useT();
  const [form] = Form.useForm<{ decision: 'agreed' | 'amended'; comment: string }>();
  const decision = Form.useWatch('decision', form);
  const { run, busy } = useAction();
  return (
    <Block title={t('a.cosign.title')}>
      {a.leadReply ? <LetterView letter={a.leadReply} /> : <p className="muted">{t('a.cosign.noDraft')}</p>}
      <Form
        name="cosign"
        form={form}
        layout="vertical"
        style={{ marginTop: 12 }}
        initialValues={{ decision: 'agreed', comment: '' }}
        onFinish={(v) =>
          void run(
            'cosign',
            () =>
              assignmentActions.cosign(a.id, {
                decision: v.decision,
                comment: (v.comment ?? '').trim(),
                expectedVersion: a.version,
              }),
            { form, success: t('a.cosign.done') },
          )
        }
      >
        <Form.Item name="decision" label={t('a.cosign.decision')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            size="large"
            options={[
              { value: 'agreed', label: t('a.cosign.agreed') },
              { value: 'amended', label: t('a.cosign.amended') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="comment"
          label={t('a.cosign.comment')}
          rules={
            decision === 'amended'
              ? [{ required: true, whitespace: true, message: t('a.cosign.commentRequired') }]
              : []
          }
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} />
        </Form.Item>
        <Button
          type="primary"
          size="large"
          htmlType="submit"
          icon={<FormOutlined />}
          loading={busy === 'cosign'}
        >
          {t('a.action.cosign')}
        </Button>
      </Form>
    </Block>
  );
}

export function SignOffPanel({ a, reply }: { a: AssignmentDetail; reply: ReplyView | null }) {
  const t = useT();
  const [comment, setComment] = useState('');
  const { run, busy } = useAction();
  const canReturn = a.abilities.return_to_drafter === true;
  const act = (approve: boolean) =>
    void run(
      approve ? 'sign' : 'return',
      () => assignmentActions.signOff(a.id, { approve, comment: comment.trim(), expectedVersion: a.version }),
      { success: approve ? t('a.signOff.signed') : t('a.signOff.returned') },
    );
  return (
    <Block title={t('a.signOff.title')}>
      {reply ? <LetterView letter={reply} proposalId={a.proposal.id} /> : null}
      <CosignSummary letter={reply} />
      <label htmlFor="signoff-comment" className="field-label">
        {t('a.signOff.comment')}
      </label>
      <Input.TextArea
        id="signoff-comment"
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        autoSize={{ minRows: 2, maxRows: 6 }}
        maxLength={2000}
      />
      <Flex gap={8} wrap style={{ marginTop: 12 }}>
        <Button
          type="primary"
          size="large"
          icon={<CheckOutlined />}
          loading={busy === 'sign'}
          onClick={() => act(true)}
        >
          {t('a.action.signOff')}
        </Button>
        {canReturn && (
          <Button
            size="large"
            icon={<RollbackOutlined />}
            loading={busy === 'return'}
            onClick={() => act(false)}
          >
            {t('a.action.returnToDrafter')}
          </Button>
        )}
      </Flex>
    </Block>
  );
}

function CosignSummary({ letter }: { letter: ReplyView | null }) {
  const t = useT();
  const cosigns = (
    letter as (ReplyView & { cosigns?: { unitName: string; decision: string; comment: string }[] }) | null
  )?.cosigns;
  if (!cosigns?.length) return null;
  return (
    <div style={{ margin: '12px 0' }}>
      <strong>{t('a.cosign.results')}</strong>
      <ul className="plain-list">
        {cosigns.map((c) => (
          <li key={c.unitName}>
            {c.unitName}：{t(`a.cosign.${c.decision}`)}
            {c.comment ? `（${c.comment}）` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** 督查室审核: approve and send, or return to the unit; the result class may be changed. */
export function SupervisionPanel({ a, reply }: { a: AssignmentDetail; reply: ReplyView | null }) {
  const t = useT();
  const rules = useProposalRules();
  const [resultClass, setResultClass] = useState<string | undefined>(reply?.resultClass ?? undefined);
  const [comment, setComment] = useState('');
  const { run, busy } = useAction();
  const act = (approve: boolean) =>
    void run(
      approve ? 'approve' : 'return',
      () =>
        assignmentActions.reviewReply(a.id, {
          approve,
          resultClass: approve && resultClass && resultClass !== reply?.resultClass ? resultClass : undefined,
          comment: comment.trim(),
          expectedVersion: a.version,
        }),
      { success: approve ? t('a.review.approved') : t('a.review.returned') },
    );
  return (
    <Block title={t('a.review.title')}>
      {reply ? <LetterView letter={reply} proposalId={a.proposal.id} /> : null}
      <CosignSummary letter={reply} />
      <label htmlFor="review-class" className="field-label">
        {t('a.review.class')}
      </label>
      <Select
        id="review-class"
        value={resultClass}
        onChange={setResultClass}
        style={{ width: '100%' }}
        options={(rules.data?.resultClasses ?? []).map((c) => ({
          value: c.code,
          label: `${c.code} 类：${c.label}`,
        }))}
      />
      <label htmlFor="review-comment" className="field-label">
        {t('a.review.comment')}
      </label>
      <Input.TextArea
        id="review-comment"
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        autoSize={{ minRows: 2, maxRows: 6 }}
        maxLength={2000}
      />
      <Flex gap={8} wrap style={{ marginTop: 12 }}>
        <Button
          type="primary"
          size="large"
          icon={<CheckOutlined />}
          loading={busy === 'approve'}
          onClick={() => act(true)}
        >
          {t('a.action.approveReply')}
        </Button>
        <Button
          size="large"
          icon={<RollbackOutlined />}
          loading={busy === 'return'}
          onClick={() => act(false)}
        >
          {t('a.action.returnToDrafter')}
        </Button>
      </Flex>
    </Block>
  );
}
