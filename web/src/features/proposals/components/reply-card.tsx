import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex } from 'antd';
import { useState } from 'react';
import { useReportError } from '../../../components/use-report-error.ts';
import { useT } from '../../../i18n/index.tsx';
import type { ReplyView } from '../api.ts';
import { downloadReplyDocx } from '../assignments-api.ts';
import { formatTime } from '../labels.ts';
import { ReplyScans } from './reply-scans.tsx';
import { ToneTag } from './tags.tsx';

/**
 * A sent reply letter: unit, 文号, result class, the text, the Word letter to download and, given the
 * proposal, its scanned signed copy (never on the public page: a scan cannot be stripped of contacts).
 */
export function ReplyCard({
  reply,
  publicView = false,
  proposalId,
}: {
  reply: ReplyView;
  publicView?: boolean;
  proposalId?: string;
}) {
  const t = useT();
  const reportError = useReportError();
  const [busy, setBusy] = useState(false);
  const unit = reply.handlerUnit?.name ?? reply.handlerUnitName ?? '';
  const getDocx = async () => {
    setBusy(true);
    try {
      await downloadReplyDocx(reply.assignmentId, `${unit}答复函.docx`);
    } catch (err) {
      reportError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" type="inner" className="reply-card">
      <Flex gap={8} wrap align="center" justify="space-between">
        <Flex gap={6} wrap align="center">
          <strong>{unit}</strong>
          {reply.docNumber && <span className="muted">{reply.docNumber}</span>}
          {reply.round > 1 && <ToneTag tone="magenta">{t('a.roundN', { n: reply.round })}</ToneTag>}
          {reply.resultClass && (
            <ToneTag tone="blue">
              {t('a.f.resultClass')}：{reply.resultClassLabel ?? reply.resultClass}
            </ToneTag>
          )}
        </Flex>
        <span className="muted">{t('a.sentAt', { time: formatTime(reply.sentAt) })}</span>
      </Flex>
      <div className="prose reply-body">{reply.body}</div>
      {!publicView && (
        <Flex gap={12} wrap align="center" style={{ marginTop: 8 }}>
          {(reply.contactName || reply.contactPhone) && (
            <span className="muted">
              {t('a.f.contact')}：{reply.contactName} {reply.contactPhone}
            </span>
          )}
          <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void getDocx()}>
            {t('a.downloadDocx')}
          </Button>
        </Flex>
      )}
      {!publicView && proposalId && <ReplyScans proposalId={proposalId} replyLetterId={reply.id} />}
    </Card>
  );
}
