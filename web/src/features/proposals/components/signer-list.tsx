import { Flex } from 'antd';
import { useT } from '../../../i18n/index.tsx';
import type { Signer } from '../api.ts';
import { ToneTag, type Tone } from './tags.tsx';

const statusTones: Record<Signer['status'], Tone> = {
  confirmed: 'green',
  invited: 'gold',
  declined: 'neutral',
  dropped: 'neutral',
};

/** 提案人 and 联名人, each with whether they confirmed. */
export function SignerList({ signers }: { signers: Signer[] }) {
  const t = useT();
  if (signers.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="signer-list">
      {signers.map((s) => (
        <li key={s.memberId}>
          <Flex gap={6} align="center" wrap>
            <strong>{s.name}</strong>
            <span className="muted">{t(s.role === 'lead' ? 'p.signer.lead' : 'p.signer.cosigner')}</span>
            {s.role === 'cosigner' && (
              <ToneTag tone={statusTones[s.status]}>{t(`p.signer.${s.status}`)}</ToneTag>
            )}
            {s.fromProposalId && <span className="muted">{t('p.signer.merged')}</span>}
            {s.status === 'invited' && s.cosignDueOn && (
              <span className="muted">{t('p.signer.dueOn', { date: s.cosignDueOn })}</span>
            )}
          </Flex>
        </li>
      ))}
    </ul>
  );
}
