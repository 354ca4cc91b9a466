import { CheckOutlined, CloseOutlined, DownOutlined, UpOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Skeleton } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../../i18n/index.tsx';
import { type ProposalItem, respondCosign, useProposal } from '../api.ts';
import { useAction } from '../use-action.ts';
import { ProposalText } from './proposal-text.tsx';
import { ProposalStateTag } from './tags.tsx';

/** One invitation to co-sign: who asks, the text (unfolds in place), and the two answers. */
export function InvitationCard({ item }: { item: ProposalItem }) {
  const t = useT();
  const { modal } = App.useApp();
  const { run, busy } = useAction();
  const pending = item.abilities.accept_cosign === true;
  const [open, setOpen] = useState(pending);
  const detail = useProposal(open ? item.id : undefined);
  const me = item.signers.find((s) => s.role === 'cosigner' && s.status !== 'invited');
  const textId = `invitation-text-${item.id}`;

  const decline = () =>
    modal.confirm({
      title: t('p.cosign.declineConfirm'),
      okText: t('p.cosign.decline'),
      cancelText: t('common.cancel'),
      onOk: () => run('decline', () => respondCosign(item.id, false), { success: t('p.cosign.declined') }),
    });

  return (
    <Card size="small" className="invitation-card">
      <Flex gap={6} wrap align="center" style={{ marginBottom: 6 }}>
        <ProposalStateTag state={item.state} />
        <span className="muted">{t('p.cosign.from', { name: item.proposerName })}</span>
      </Flex>
      <div className="card-title">
        <Link to={`/proposals/${item.id}`} className="proposal-title-link">
          {item.title}
        </Link>
      </div>
      <Button
        type="link"
        style={{ padding: 0 }}
        aria-expanded={open}
        aria-controls={textId}
        icon={open ? <UpOutlined /> : <DownOutlined />}
        onClick={() => setOpen(!open)}
      >
        {open ? t('p.cosign.hideText') : t('p.cosign.showText')}
      </Button>
      {open && (
        <div id={textId} className="invitation-text">
          {detail.data ? (
            <ProposalText
              situation={detail.data.situation}
              analysis={detail.data.analysis}
              suggestions={detail.data.suggestions}
              level={3}
            />
          ) : (
            <Skeleton active />
          )}
        </div>
      )}
      {pending ? (
        <Flex gap={8} wrap style={{ marginTop: 10 }}>
          <Button
            type="primary"
            size="large"
            icon={<CheckOutlined />}
            loading={busy === 'accept'}
            onClick={() =>
              void run('accept', () => respondCosign(item.id, true), { success: t('p.cosign.accepted') })
            }
          >
            {t('p.cosign.accept')}
          </Button>
          <Button size="large" icon={<CloseOutlined />} loading={busy === 'decline'} onClick={decline}>
            {t('p.cosign.decline')}
          </Button>
        </Flex>
      ) : (
        <p className="muted" style={{ margin: '8px 0 0' }}>
          {me ? t(`p.signer.${me.status}`) : ''}
        </p>
      )}
    </Card>
  );
}
