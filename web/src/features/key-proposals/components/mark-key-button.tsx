import { FlagOutlined } from '@ant-design/icons';
import type { ProposalState } from '@tongxin/common/proposals/enums.ts';
import { Button, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useT } from '../../../i18n/index.tsx';
import { filedStates } from '../api.ts';
import { useHasRole } from '../roles.ts';
import { MarkKeyDialog } from './mark-key-dialog.tsx';

/**
 * "列为重点提案" for a proposal's page: shown to the Chair's Council only, and — when the caller passes what
 * it knows — only for a filed proposal that is not key yet. The server checks both again.
 */
export function MarkKeyButton({
  proposalId,
  proposalTitle,
  state,
  isKey,
  onMarked,
  size,
}: {
  proposalId: string;
  proposalTitle?: string;
  state?: ProposalState;
  isKey?: boolean;
  /** After marking (the key-proposal and proposal queries are refreshed already). */
  onMarked?: () => void;
  size?: ButtonProps['size'];
}) {
  const t = useT();
  const hasRole = useHasRole();
  const [open, setOpen] = useState(false);
  if (!hasRole(['chair_council'])) return null;
  if (isKey || (state && !filedStates.includes(state))) return null;
  return (
    <>
      <Button icon={<FlagOutlined />} size={size} onClick={() => setOpen(true)}>
        {t('kp.mark')}
      </Button>
      <MarkKeyDialog
        open={open}
        proposalId={proposalId}
        proposalTitle={proposalTitle}
        onClose={() => setOpen(false)}
        onDone={onMarked}
      />
    </>
  );
}
