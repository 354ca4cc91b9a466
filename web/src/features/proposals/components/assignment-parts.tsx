/** Parts of the assignment page: its sections, the reply letter as read, and the 签收 call-out. */
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex } from 'antd';
import type { ReactNode } from 'react';
import { useReportError } from '../../../components/use-report-error.ts';
import { useT } from '../../../i18n/index.tsx';
import type { ReplyView } from '../api.ts';
import { type AssignmentDetail, assignmentActions, downloadReplyDocx } from '../assignments-api.ts';
import { ToneTag } from './tags.tsx';
import { formatDay, formatTime } from '../labels.ts';
import { useAction } from '../use-action.ts';
import { ReplyScans } from './reply-scans.tsx';

export function Block({ title, children, extra }: { title: string; children: ReactNode; extra?: ReactNode }) {
  return (
    <Card
      size="small"
      title={<h2 className="card-heading">{title}</h2>}
      extra={extra}
      className="detail-section"
    >
      {children}
    </Card>
  );
}

/** The reply of this task's current round (the lead's draft for a co unit's 会签). */
export function currentReply(a: AssignmentDetail): ReplyView | null {
  const own = (a.replies ?? []).filter((r) => r.assignmentId === a.id && (r.kind ?? 'reply') === 'reply');
  return own.sort((x, y) => y.round - x.round)[0] ?? null;
}

/** A reply letter (or 会办意见) as read; given the proposal, also its scanned signed copy. */
export function LetterView({
  letter,
  compact = false,
  proposalId,
}: {
  letter: ReplyView;
  compact?: boolean;
  proposalId?: string;
}) {
  const t = useT();
  const reportError = useReportError();
  const unit = letter.handlerUnit?.name ?? letter.handlerUnitName ?? '';
  return (
    <div className="letter-view">
      <Flex gap={6} wrap align="center">
        {compact && <strong>{unit}</strong>}
        {letter.docNumber && <span>{letter.docNumber}</span>}
        {letter.resultClass && (
          <ToneTag tone="blue">
            {t('a.f.resultClass')}：
            {letter.resultClassLabel
              ? `${letter.resultClass} ${letter.resultClassLabel}`
              : letter.resultClass}
          </ToneTag>
        )}
        {letter.supervisionStatus === 'returned' && <ToneTag tone="red">{t('a.reply.returned')}</ToneTag>}
        {letter.sentAt && (
          <ToneTag tone="green">
            {t(letter.kind === 'co_opinion' ? 'a.opinionSentAt' : 'a.sentAt', {
              time: formatTime(letter.sentAt),
            })}
          </ToneTag>
        )}
      </Flex>
      {letter.supervisionComment && (
        <Alert type="warning" showIcon style={{ margin: '8px 0' }} title={letter.supervisionComment} />
      )}
      <div className="prose reply-body">{letter.body}</div>
      {!compact && (
        <Flex gap={12} wrap align="center" style={{ marginTop: 8 }}>
          {(letter.contactName || letter.contactPhone) && (
            <span className="muted">
              {t('a.f.contact')}：{letter.contactName} {letter.contactPhone}
            </span>
          )}
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              void downloadReplyDocx(letter.assignmentId, `${unit}答复函.docx`).catch((e: unknown) =>
                reportError(e),
              )
            }
          >
            {t('a.downloadDocx')}
          </Button>
        </Flex>
      )}
      {!compact && proposalId && <ReplyScans proposalId={proposalId} replyLetterId={letter.id} />}
    </div>
  );
}

export function ReceiveCard({ a }: { a: AssignmentDetail }) {
  const t = useT();
  const { run, busy } = useAction();
  return (
    <Card size="small" className="callout-card">
      <Flex gap={12} align="center" wrap justify="space-between">
        <div>
          <strong>{t('a.receive.title')}</strong>
          <div className="muted">
            {a.objectionDueOn
              ? t('a.receive.hintWindow', { day: formatDay(a.objectionDueOn) })
              : t('a.receive.hint')}
          </div>
        </div>
        <Button
          type="primary"
          size="large"
          icon={<InboxOutlined />}
          loading={busy === 'receive'}
          onClick={() =>
            void run('receive', () => assignmentActions.receive(a.id, a.version), {
              success: t('a.receive.done'),
            })
          }
        >
          {t('a.action.receive')}
        </Button>
      </Flex>
    </Card>
  );
}
