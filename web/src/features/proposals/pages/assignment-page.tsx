import { Card, Col, Descriptions, Flex, Row, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../api/client.ts';
import { ErrorState, NotFoundState, PageLoading } from '../../../components/page-states.tsx';
import { useT } from '../../../i18n/index.tsx';
import { type AssignmentDetail, useAssignment } from '../assignments-api.ts';
import { DueDate } from '../components/due-date.tsx';
import { EventTimeline } from '../components/event-timeline.tsx';
import { ProposalText } from '../components/proposal-text.tsx';
import { AssignmentStateTag, KeyTag, ModeTag, ToneTag } from '../components/tags.tsx';
import { formatDay, formatTime } from '../labels.ts';
import { Block, currentReply, LetterView, ReceiveCard } from '../components/assignment-parts.tsx';
import { ExtensionDecision, ObjectionDecision, SideActions } from '../components/assignment-requests.tsx';
import { CoOpinionEditor, ReplyEditor } from '../components/reply-editor.tsx';
import { ReplyScans } from '../components/reply-scans.tsx';
import { CosignPanel, SignOffPanel, SupervisionPanel } from '../components/reply-review-panels.tsx';
import { ContactsBlock, HistoryBlock, OtherUnits } from '../components/assignment-history.tsx';
import '../proposals.css';

/** `/assignments/:id`: one unit's task on one proposal, with every step the unit and its overseers take. */
export default function AssignmentPage() {
  const { id } = useParams();
  const a = useAssignment(id);
  if (a.isPending) return <PageLoading />;
  if (a.isError) {
    if (a.error instanceof ApiError && a.error.status === 404) return <NotFoundState />;
    return <ErrorState error={a.error} onRetry={() => void a.refetch()} />;
  }
  return <Assignment key={a.data.version} a={a.data} />;
}

function Assignment({ a }: { a: AssignmentDetail }) {
  const t = useT();
  const ab = a.abilities;
  const reply = currentReply(a);
  const done = ['sent', 'opinion_sent', 'reassigned'].includes(a.state);
  const openObjection = (a.objections ?? []).find((o) => !o.decision);
  const openExtension = (a.extensionRequests ?? []).find((e) => !e.decision);

  return (
    <div className="assignment-page">
      <header className="detail-header">
        <div className="muted detail-number">{a.proposal.numberLabel ?? ''}</div>
        <Typography.Title level={1} style={{ margin: '4px 0 8px', fontSize: '1.5em' }}>
          {a.proposal.title}
        </Typography.Title>
        <Flex gap={6} wrap align="center">
          <strong>{a.handlerUnit.name}</strong>
          <ModeTag mode={a.mode} />
          <AssignmentStateTag state={a.state} />
          {a.round > 1 && <ToneTag tone="magenta">{t('a.roundN', { n: a.round })}</ToneTag>}
          {a.proposal.isKey && <KeyTag />}
        </Flex>
      </header>
      <Card size="small" style={{ margin: '12px 0 16px' }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 4 }}
          items={[
            {
              key: 'due',
              label: t('a.f.due'),
              children: (
                <DueDate
                  dueOn={a.dueOn}
                  extendedDueOn={a.extendedDueOn}
                  overdueWorkingDays={a.overdueWorkingDays}
                  done={done}
                />
              ),
            },
            { key: 'received', label: t('a.f.receivedAt'), children: formatTime(a.receivedAt) },
            {
              key: 'objection',
              label: t('a.f.objectionDue'),
              children: a.objectionDueOn ? formatDay(a.objectionDueOn) : '—',
            },
            {
              key: 'proposal',
              label: t('a.f.proposal'),
              children: <Link to={`/proposals/${a.proposal.id}`}>{t('a.openProposal')}</Link>,
            },
          ]}
        />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Flex vertical gap={16}>
            {ab.receive && <ReceiveCard a={a} />}
            {ab.uphold || ab.reassign ? <ObjectionDecision a={a} objection={openObjection} /> : null}
            {ab.decide_extension && openExtension && <ExtensionDecision a={a} request={openExtension} />}
            {ab.cosign && <CosignPanel a={a} />}
            {ab.sign_off && <SignOffPanel a={a} reply={reply} />}
            {ab.approve_reply && <SupervisionPanel a={a} reply={reply} />}
            {ab.draft_reply && <ReplyEditor a={a} reply={reply} />}
            {ab.draft_reply && reply && (
              <ReplyScans proposalId={a.proposal.id} replyLetterId={reply.id} framed />
            )}
            {ab.send_opinion && <CoOpinionEditor a={a} />}
            {!ab.draft_reply && reply && a.mode !== 'co' && (
              <Block title={t('a.reply.current')}>
                <LetterView letter={reply} proposalId={a.proposal.id} />
              </Block>
            )}
            <Block title={t('a.proposalText')}>
              <ProposalText
                situation={a.proposal.situation}
                analysis={a.proposal.analysis}
                suggestions={a.proposal.suggestions}
                level={3}
              />
            </Block>
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <Flex vertical gap={16}>
            <SideActions a={a} />
            <ContactsBlock a={a} />
            {(a.coOpinions?.length ?? 0) > 0 && (
              <Block title={t('a.coOpinions')}>
                <Flex vertical gap={8}>
                  {(a.coOpinions ?? []).map((o) => (
                    <LetterView key={o.id} letter={o} compact />
                  ))}
                </Flex>
              </Block>
            )}
            <OtherUnits a={a} />
            <HistoryBlock objections={a.objections ?? []} extensions={a.extensionRequests ?? []} />
            {(a.timeline?.length ?? 0) > 0 && (
              <Block title={t('a.timeline')}>
                <EventTimeline events={a.timeline ?? []} />
              </Block>
            )}
          </Flex>
        </Col>
      </Row>
    </div>
  );
}
