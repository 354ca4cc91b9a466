import { replyScanTypes } from '@tongxin/common/proposals/attachments.ts';
import { Card, Flex } from 'antd';
import { useT } from '../../../i18n/index.tsx';
import { scanUploadPath, useAttachments } from '../attachments-api.ts';
import { FileItems, FileUploader } from './attachment-files.tsx';

/**
 * 盖章扫描件 of one reply letter: shown wherever the reply is shown (the server lists a scan only to whom
 * may read the letter); the unit uploads it after 签发 while the supervision office reviews.
 */
export function ReplyScans({
  proposalId,
  replyLetterId,
  framed = false,
}: {
  proposalId: string;
  replyLetterId: string;
  /** In a card of its own (beside the reply editor, where a returned letter's old scan may be removed). */
  framed?: boolean;
}) {
  const t = useT();
  const list = useAttachments(proposalId);
  if (!list.data) return null;
  const items = list.data.items.filter((i) => i.kind === 'reply_scan' && i.replyLetterId === replyLetterId);
  const canAdd = list.data.scanLetterIds.includes(replyLetterId);
  if (items.length === 0 && !canAdd) return null;
  const body = (
    <Flex vertical gap={6} className="reply-scans">
      {!framed && <strong>{t('att.scans')}</strong>}
      {items.length > 0 && <FileItems proposalId={proposalId} items={items} />}
      {canAdd && (
        <FileUploader
          proposalId={proposalId}
          path={scanUploadPath(replyLetterId)}
          types={replyScanTypes}
          list={list.data}
          count={items.length}
          label={t('att.scanUpload')}
        />
      )}
    </Flex>
  );
  if (!framed) return body;
  return (
    <Card size="small" title={<h2 className="card-heading">{t('att.scans')}</h2>} className="detail-section">
      {body}
    </Card>
  );
}
