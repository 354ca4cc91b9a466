import { proposalAttachmentTypes } from '@tongxin/common/proposals/attachments.ts';
import { Card } from 'antd';
import { useT } from '../../../i18n/index.tsx';
import { proposalUploadPath, useAttachments } from '../attachments-api.ts';
import { FileItems, FileUploader } from './attachment-files.tsx';

/**
 * 附件 of a proposal, in the editor and on the detail page: the files anyone who reads the proposal may
 * download; upload and remove while the server says the caller may still edit it (`canAttach`).
 */
export function ProposalAttachments({ proposalId }: { proposalId: string }) {
  const t = useT();
  const list = useAttachments(proposalId);
  if (!list.data) return null;
  const items = list.data.items.filter((i) => i.kind === 'proposal');
  if (items.length === 0 && !list.data.canAttach) return null;
  return (
    <Card
      size="small"
      title={<h2 className="card-heading">{t('att.title')}</h2>}
      className="detail-section attachment-card"
    >
      {items.length > 0 ? (
        <FileItems proposalId={proposalId} items={items} />
      ) : (
        <p className="muted" style={{ marginTop: 0 }}>
          {t('att.empty')}
        </p>
      )}
      {list.data.canAttach && (
        <FileUploader
          proposalId={proposalId}
          path={`${proposalUploadPath(proposalId)}`}
          types={proposalAttachmentTypes}
          list={list.data}
          count={items.length}
          label={t('att.upload')}
        />
      )}
    </Card>
  );
}
