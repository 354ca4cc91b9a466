/** The assignment page's side: contacts with the proposer, the other units, objections and extensions. */
import { Button, DatePicker, Flex, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useT } from '../../../i18n/index.tsx';
import {
  type AssignmentDetail,
  assignmentActions,
  type ContactView,
  type ExtensionView,
  type ObjectionView,
} from '../assignments-api.ts';
import { AssignmentStateTag, ModeTag, ToneTag } from './tags.tsx';
import { formatDay, formatTime } from '../labels.ts';
import { useAction } from '../use-action.ts';
import { Block } from './assignment-parts.tsx';

interface ContactValues {
  stage: 'before' | 'during' | 'after';
  method: 'visit' | 'meeting' | 'phone' | 'online';
  contactedOn: Dayjs;
  participants: string;
  notes: string;
}

/** 办理沟通: contacts with the proposer before, during and after handling. */
export function ContactsBlock({ a }: { a: AssignmentDetail }) {
  const t = useT();
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<ContactValues>();
  const { run, busy } = useAction();
  const contacts = a.contacts ?? [];
  if (!a.abilities.record_contact && contacts.length === 0) return null;
  return (
    <Block
      title={t('a.contacts.title')}
      extra={
        a.abilities.record_contact && !adding ? (
          <Button onClick={() => setAdding(true)}>{t('a.contacts.add')}</Button>
        ) : null
      }
    >
      {contacts.length === 0 && <p className="muted">{t('a.contacts.none')}</p>}
      <ul className="plain-list">
        {contacts.map((c: ContactView) => (
          <li key={c.id}>
            <Flex gap={6} wrap>
              <strong>{formatDay(c.contactedOn)}</strong>
              <ToneTag tone="neutral">{t(`a.contact.stage.${c.stage}`)}</ToneTag>
              <ToneTag tone="blue">{t(`a.contact.method.${c.method}`)}</ToneTag>
            </Flex>
            {c.participants && (
              <div className="muted">
                {t('a.contacts.participants')}：{c.participants}
              </div>
            )}
            {c.notes && <div className="prose">{c.notes}</div>}
          </li>
        ))}
      </ul>
      {adding && (
        <Form<ContactValues>
          name="contact"
          form={form}
          layout="vertical"
          initialValues={{
            stage: a.state === 'pending_receipt' || a.state === 'handling' ? 'before' : 'during',
            method: 'visit',
            contactedOn: dayjs(),
            participants: '',
            notes: '',
          }}
          onFinish={(v) =>
            void run(
              'contact',
              () =>
                assignmentActions.recordContact(a.id, {
                  stage: v.stage,
                  method: v.method,
                  contactedOn: v.contactedOn.format('YYYY-MM-DD'),
                  participants: (v.participants ?? '').trim(),
                  notes: (v.notes ?? '').trim(),
                }),
              {
                form,
                success: t('a.contacts.done'),
                onDone: () => {
                  setAdding(false);
                  form.resetFields();
                },
              },
            )
          }
        >
          <Form.Item name="stage" label={t('a.contacts.stage')}>
            <Radio.Group
              optionType="button"
              options={(['before', 'during', 'after'] as const).map((s) => ({
                value: s,
                label: t(`a.contact.stage.${s}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="method" label={t('a.contacts.method')}>
            <Radio.Group
              optionType="button"
              options={(['visit', 'meeting', 'phone', 'online'] as const).map((m) => ({
                value: m,
                label: t(`a.contact.method.${m}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="contactedOn"
            label={t('a.contacts.date')}
            rules={[{ required: true, message: t('form.requiredSelect', { label: t('a.contacts.date') }) }]}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="participants" label={t('a.contacts.participants')}>
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item name="notes" label={t('a.contacts.notes')}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} />
          </Form.Item>
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" loading={busy === 'contact'}>
              {t('common.save')}
            </Button>
            <Button onClick={() => setAdding(false)}>{t('common.cancel')}</Button>
          </Flex>
        </Form>
      )}
    </Block>
  );
}

export function OtherUnits({ a }: { a: AssignmentDetail }) {
  const t = useT();
  const others = a.otherUnits ?? [];
  if (others.length === 0) return null;
  return (
    <Block title={t('a.otherUnits')}>
      <ul className="plain-list">
        {others.map((o) => (
          <li key={o.assignmentId}>
            <Flex gap={6} wrap align="center">
              <strong>{o.handlerUnit.name}</strong>
              <ModeTag mode={o.mode} />
              <AssignmentStateTag state={o.state} />
            </Flex>
          </li>
        ))}
      </ul>
    </Block>
  );
}

export function HistoryBlock({
  objections,
  extensions,
}: {
  objections: ObjectionView[];
  extensions: ExtensionView[];
}) {
  const t = useT();
  if (objections.length === 0 && extensions.length === 0) return null;
  return (
    <Block title={t('a.history')}>
      <ul className="plain-list">
        {objections.map((o) => (
          <li key={o.id}>
            <Flex gap={6} wrap align="center">
              <strong>{t('a.action.object')}</strong>
              <span className="muted">{formatTime(o.raisedAt)}</span>
              {o.decision ? (
                <ToneTag tone={o.decision === 'reassigned' ? 'purple' : 'neutral'}>
                  {t(`a.objection.${o.decision}`)}
                </ToneTag>
              ) : (
                <ToneTag tone="gold">{t('a.pending')}</ToneTag>
              )}
            </Flex>
            <div className="prose">{o.reason}</div>
            {o.decisionComment && <div className="muted">{o.decisionComment}</div>}
          </li>
        ))}
        {extensions.map((e) => (
          <li key={e.id}>
            <Flex gap={6} wrap align="center">
              <strong>{t('a.action.extend')}</strong>
              <span>{t('a.extension.to', { day: formatDay(e.requestedDueOn) })}</span>
              {e.decision ? (
                <ToneTag tone={e.decision === 'approved' ? 'green' : 'red'}>
                  {t(`a.extension.${e.decision}`)}
                </ToneTag>
              ) : (
                <ToneTag tone="gold">{t('a.pending')}</ToneTag>
              )}
            </Flex>
            <div className="prose">{e.reason}</div>
            {e.decisionComment && <div className="muted">{e.decisionComment}</div>}
          </li>
        ))}
      </ul>
    </Block>
  );
}
