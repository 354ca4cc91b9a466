/** The action card of the proposal detail page: the buttons its abilities allow and their dialogs. */
import {
  CheckOutlined,
  CloseOutlined,
  EditOutlined,
  FileDoneOutlined,
  RedoOutlined,
  RollbackOutlined,
  SendOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import { conversionTargets } from '@tongxin/common/proposals/enums.ts';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useT } from '../../../i18n/index.tsx';
import {
  closeProposal,
  convertProposal,
  type FeedbackView,
  newIdempotencyKey,
  type ProposalDetail,
  rehandleProposal,
  respondCosign,
  submitProposal,
  withdrawProposal,
} from '../api.ts';
import { CommentModal } from './comment-modal.tsx';
import { ConsultationCloseModal } from './consultation-close-modal.tsx';
import { LinkButton } from './link-button.tsx';
import { useAction } from '../use-action.ts';

/** The buttons the server's `abilities` allow on this proposal, and the dialogs they open. */
export function Actions({
  p,
  onRate,
  rateLabel,
}: {
  p: ProposalDetail;
  onRate: () => void;
  rateLabel: string;
}) {
  const t = useT();
  const { modal } = App.useApp();
  const { run, busy } = useAction();
  const [dialog, setDialog] = useState<'rehandle' | 'close' | 'convert' | null>(null);
  const a = p.abilities;
  const any =
    a.edit ||
    a.submit ||
    a.withdraw ||
    a.accept_cosign ||
    a.decline_cosign ||
    a.assign ||
    a.rate ||
    a.rehandle ||
    a.close ||
    a.convert;
  if (!any) return null;

  const confirm = (title: string, content: string, okText: string, action: () => void, danger = false) =>
    modal.confirm({
      title,
      content,
      okText,
      cancelText: t('common.cancel'),
      okButtonProps: { danger },
      onOk: action,
    });

  return (
    <Card size="small" title={<h2 className="card-heading">{t('p.d.actions')}</h2>} className="action-card">
      <Flex gap={8} wrap>
        {a.accept_cosign && (
          <Button
            type="primary"
            size="large"
            icon={<CheckOutlined />}
            loading={busy === 'accept'}
            onClick={() =>
              void run('accept', () => respondCosign(p.id, true), { success: t('p.cosign.accepted') })
            }
          >
            {t('p.cosign.accept')}
          </Button>
        )}
        {a.decline_cosign && (
          <Button
            size="large"
            icon={<CloseOutlined />}
            loading={busy === 'decline'}
            onClick={() =>
              confirm(
                t('p.cosign.declineConfirm'),
                '',
                t('p.cosign.decline'),
                () =>
                  void run('decline', () => respondCosign(p.id, false), { success: t('p.cosign.declined') }),
              )
            }
          >
            {t('p.cosign.decline')}
          </Button>
        )}
        {a.edit && (
          <LinkButton to={`/proposals/edit/${p.id}`} size="large" icon={<EditOutlined />}>
            {t('p.action.edit')}
          </LinkButton>
        )}
        {a.submit && (
          <Button
            type="primary"
            size="large"
            icon={<SendOutlined />}
            loading={busy === 'submit'}
            onClick={() =>
              confirm(
                t('p.ed.submitConfirm'),
                t('p.ed.submitHint'),
                t('p.action.submit'),
                () =>
                  void run('submit', () => submitProposal(p.id, p.version, newIdempotencyKey()), {
                    success: t('p.action.submitted'),
                  }),
              )
            }
          >
            {t('p.action.submit')}
          </Button>
        )}
        {a.assign && (
          <LinkButton to={`/proposals/${p.id}/assign`} type="primary" size="large" icon={<SwapOutlined />}>
            {t('p.action.assign')}
          </LinkButton>
        )}
        {a.rate && (
          <Button type="primary" size="large" onClick={onRate}>
            {rateLabel}
          </Button>
        )}
        {a.rehandle && (
          <Button size="large" icon={<RedoOutlined />} onClick={() => setDialog('rehandle')}>
            {t('p.action.rehandle')}
          </Button>
        )}
        {a.close && (
          <Button size="large" icon={<FileDoneOutlined />} onClick={() => setDialog('close')}>
            {t('p.action.close')}
          </Button>
        )}
        {a.convert && (
          <Button size="large" icon={<SwapOutlined />} onClick={() => setDialog('convert')}>
            {t('p.action.convert')}
          </Button>
        )}
        {a.withdraw && (
          <Button
            size="large"
            danger
            icon={<RollbackOutlined />}
            loading={busy === 'withdraw'}
            onClick={() =>
              confirm(
                t('p.action.withdrawConfirm'),
                t('p.action.withdrawHint'),
                t('p.action.withdraw'),
                () =>
                  void run('withdraw', () => withdrawProposal(p.id, p.version), {
                    success: t('p.action.withdrawn'),
                  }),
                true,
              )
            }
          >
            {t('p.action.withdraw')}
          </Button>
        )}
      </Flex>
      {a.rehandle && <FeedbackSummary items={p.feedback ?? []} />}
      <CommentModal
        name="rehandle"
        open={dialog === 'rehandle'}
        title={t('p.action.rehandle')}
        intro={t('p.action.rehandleHint')}
        label={t('p.action.rehandleComment')}
        required
        okText={t('p.action.rehandle')}
        busy={busy === 'rehandle'}
        onCancel={() => setDialog(null)}
        onOk={(comment) =>
          void run('rehandle', () => rehandleProposal(p.id, comment, p.version), {
            success: t('p.action.rehandled'),
            onDone: () => setDialog(null),
          })
        }
      />
      <ConsultationCloseModal
        open={dialog === 'close'}
        busy={busy === 'close'}
        onCancel={() => setDialog(null)}
        onOk={(body) =>
          void run('close', () => closeProposal(p.id, body, p.version), {
            success: t('p.action.closed'),
            onDone: () => setDialog(null),
          })
        }
      />
      {dialog === 'convert' && (
        <ConvertModal
          busy={busy === 'convert'}
          onCancel={() => setDialog(null)}
          onOk={(target, note) =>
            void run('convert', () => convertProposal(p.id, { target, note, expectedVersion: p.version }), {
              success: t('p.action.converted'),
              onDone: () => setDialog(null),
            })
          }
        />
      )}
    </Card>
  );
}

function FeedbackSummary({ items }: { items: FeedbackView[] }) {
  const t = useT();
  const latest = Math.max(0, ...items.map((f) => f.round));
  const unhappy = items.filter((f) => f.round === latest && f.overall === 'dissatisfied');
  if (unhappy.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginTop: 12 }}
      title={t('p.d.dissatisfied', { n: unhappy.length })}
      description={unhappy
        .map((f) => f.comment)
        .filter(Boolean)
        .join('；')}
    />
  );
}

function ConvertModal({
  busy,
  onCancel,
  onOk,
}: {
  busy: boolean;
  onCancel: () => void;
  onOk: (target: string, note: string) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ target: string; note: string }>();
  return (
    <Modal
      open
      title={t('p.action.convert')}
      okText={t('p.action.convert')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy }}
      onCancel={onCancel}
      onOk={() => form.submit()}
    >
      <Form
        form={form}
        name="convert"
        layout="vertical"
        onFinish={(v) => onOk(v.target, (v.note ?? '').trim())}
      >
        <Form.Item
          name="target"
          label={t('p.convert.target')}
          rules={[{ required: true, message: t('form.requiredSelect', { label: t('p.convert.target') }) }]}
        >
          <Radio.Group
            options={conversionTargets.map((c) => ({ value: c, label: t(`p.conversion.${c}`) }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('p.convert.note')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
