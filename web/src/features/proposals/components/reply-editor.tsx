/** The unit's writing on the assignment page: the reply letter (答复函) and the co unit's 会办意见. */
import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, Flex, Form, Input, Radio, Row, Select } from 'antd';
import { useT } from '../../../i18n/index.tsx';
import { type ReplyView, useProposalRules } from '../api.ts';
import { type AssignmentDetail, assignmentActions } from '../assignments-api.ts';
import { useAction } from '../use-action.ts';
import { Block } from './assignment-parts.tsx';

interface ReplyValues {
  docNumber: string;
  body: string;
  resultClass: string;
  contactName: string;
  contactPhone: string;
  publishMode: 'full' | 'summary' | 'none';
}

/** The reply letter: 文号, 正文 answering every suggestion, result class, contact; saved, then submitted. */
export function ReplyEditor({ a, reply }: { a: AssignmentDetail; reply: ReplyView | null }) {
  const t = useT();
  const { modal } = App.useApp();
  const rules = useProposalRules();
  const [form] = Form.useForm<ReplyValues>();
  const { run, busy } = useAction();
  const saved = reply && reply.round === a.round && !reply.sentAt ? reply : null;
  // A second round (重新办理) starts from the reply the proposer was not satisfied with.
  const base = saved ?? reply;
  const canSubmit = a.abilities.submit_reply === true;

  const save = (v: ReplyValues) =>
    run(
      'save',
      () =>
        assignmentActions.saveReply(a.id, {
          docNumber: (v.docNumber ?? '').trim(),
          body: v.body,
          resultClass: v.resultClass,
          contactName: (v.contactName ?? '').trim(),
          contactPhone: (v.contactPhone ?? '').trim(),
          publishMode: v.publishMode,
          expectedVersion: a.version,
        }),
      { form, success: t('a.reply.saved') },
    );

  const submit = async () => {
    const ok = await modal.confirm({
      title: t('a.reply.submitConfirm'),
      content: t('a.reply.submitHint'),
      okText: t('a.action.submitReply'),
      cancelText: t('common.cancel'),
    });
    if (ok)
      await run('submit', () => assignmentActions.submitReply(a.id, a.version), {
        success: t('a.reply.submitted'),
      });
  };

  return (
    <Block title={a.round > 1 ? t('a.reply.titleRound', { n: a.round }) : t('a.reply.title')}>
      {!saved && reply && reply.round < a.round && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('a.reply.fromLastRound')} />
      )}
      {saved?.supervisionStatus === 'returned' && saved.supervisionComment && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('a.reply.returnedBy')}
          description={saved.supervisionComment}
        />
      )}
      <Form<ReplyValues>
        name="reply"
        form={form}
        layout="vertical"
        initialValues={{
          docNumber: saved?.docNumber ?? '',
          body: base?.body ?? '',
          resultClass: base?.resultClass ?? undefined,
          contactName: base?.contactName ?? '',
          contactPhone: base?.contactPhone ?? '',
          publishMode: base?.publishMode ?? 'full',
        }}
        onFinish={(v) => void save(v)}
      >
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="docNumber" label={t('a.f.docNumber')} extra={t('a.reply.docNumberHint')}>
              <Input maxLength={50} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="publishMode" label={t('a.f.publishMode')}>
              <Select
                aria-label={t('a.f.publishMode')}
                options={(['full', 'summary', 'none'] as const).map((m) => ({
                  value: m,
                  label: t(`a.publish.${m}`),
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="body"
          label={t('a.f.body')}
          extra={t('a.reply.bodyHint')}
          rules={[
            { required: true, whitespace: true, message: t('form.required', { label: t('a.f.body') }) },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 10, maxRows: 40 }}
            maxLength={50000}
            className="big-textarea"
          />
        </Form.Item>
        <Form.Item
          name="resultClass"
          label={t('a.f.resultClass')}
          rules={[{ required: true, message: t('form.requiredSelect', { label: t('a.f.resultClass') }) }]}
        >
          <Radio.Group
            className="stacked-radios"
            options={(rules.data?.resultClasses ?? []).map((c) => ({
              value: c.code,
              label: `${c.code} 类：${c.label}`,
            }))}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="contactName" label={t('a.f.contactName')}>
              <Input maxLength={50} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="contactPhone" label={t('a.f.contactPhone')}>
              <Input maxLength={30} inputMode="tel" autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
        <Flex gap={8} wrap>
          <Button size="large" htmlType="submit" icon={<SaveOutlined />} loading={busy === 'save'}>
            {t('a.reply.save')}
          </Button>
          {canSubmit && (
            <Button
              type="primary"
              size="large"
              icon={<SendOutlined />}
              loading={busy === 'submit'}
              onClick={() => void submit()}
            >
              {t('a.action.submitReply')}
            </Button>
          )}
        </Flex>
        {!canSubmit && saved && <p className="muted">{t('a.reply.saveFirst')}</p>}
      </Form>
    </Block>
  );
}

export function CoOpinionEditor({ a }: { a: AssignmentDetail }) {
  const t = useT();
  const [form] = Form.useForm<{ body: string }>();
  const { run, busy } = useAction();
  return (
    <Block title={t('a.co.title')}>
      <p className="muted" style={{ marginTop: 0 }}>
        {t('a.co.hint')}
      </p>
      <Form
        name="coOpinion"
        form={form}
        layout="vertical"
        initialValues={{ body: a.coOpinion?.body ?? '' }}
        onFinish={(v) =>
          void run(
            'co',
            () => assignmentActions.sendCoOpinion(a.id, { body: v.body, expectedVersion: a.version }),
            {
              form,
              success: t('a.co.done'),
            },
          )
        }
      >
        <Form.Item
          name="body"
          label={t('a.co.body')}
          rules={[
            { required: true, whitespace: true, message: t('form.required', { label: t('a.co.body') }) },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 6, maxRows: 20 }} maxLength={20000} className="big-textarea" />
        </Form.Item>
        <Button type="primary" size="large" htmlType="submit" icon={<SendOutlined />} loading={busy === 'co'}>
          {t('a.action.sendOpinion')}
        </Button>
      </Form>
    </Block>
  );
}
