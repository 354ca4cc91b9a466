import { RollbackOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import type { ProposerKind } from '@tongxin/common/proposals/enums.ts';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Form, Space } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../api/client.ts';
import { useSession } from '../../../app/session.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { ErrorState, PageLoading } from '../../../components/page-states.tsx';
import { useReportError } from '../../../components/use-report-error.ts';
import { useT } from '../../../i18n/index.tsx';
import { fetchRow } from '../../org/api.ts';
import {
  draftFromDocx,
  inviteCosigners,
  newIdempotencyKey,
  type ProposalDetail,
  submitProposal,
  useInvalidateProposals,
  useProposal,
  withdrawProposal,
} from '../api.ts';
import { ProposalAttachments } from '../components/attachment-list.tsx';
import { EditorContentCards } from '../components/editor-content-cards.tsx';
import { SaveStatus } from '../components/editor-save-status.tsx';
import { collective, toValues, type Values } from '../components/editor-values.ts';
import { EditorWhoCard } from '../components/editor-who-card.tsx';
import { EditorWordImport } from '../components/editor-word-import.tsx';
import { useDraftAutosave } from '../components/use-draft-autosave.ts';
import { LinkButton } from '../components/link-button.tsx';
import { ProposalStateTag } from '../components/tags.tsx';
import '../proposals.css';

/** `/proposals/edit` (new) and `/proposals/edit/:id`: one page, so creating the draft keeps the form as it is. */
export default function EditorPage() {
  const { id } = useParams();
  const t = useT();
  const existing = useProposal(id);
  if (id && existing.isPending) return <PageLoading />;
  if (id && existing.isError)
    return <ErrorState error={existing.error} onRetry={() => void existing.refetch()} />;
  const draft = existing.data ?? null;
  if (draft && !draft.abilities.edit) {
    return (
      <>
        <PageHeader title={t('p.ed.editTitle')} />
        <Alert
          type="info"
          showIcon
          title={t('p.ed.notEditable')}
          action={<LinkButton to={`/proposals/${draft.id}`}>{t('p.ed.toDetail')}</LinkButton>}
        />
      </>
    );
  }
  return <Editor initial={draft} />;
}

function Editor({ initial }: { initial: ProposalDetail | null }) {
  const t = useT();
  const me = useSession();
  const navigate = useNavigate();
  const invalidate = useInvalidateProposals();
  const reportError = useReportError();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const roles = me.user.roles;
  const isStaff = roles.some((r) => r.role === 'proposal_staff');
  const autosave = useDraftAutosave(form, initial, isStaff);
  const { draft, draftRef, setDraft, saveState, setSaveState, savedAt, saveError } = autosave;
  const { saveNow, schedule, reload, flush } = autosave;
  const [warnings, setWarnings] = useState<string[]>([]);
  const [importing, setImporting] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [inviting, setInviting] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);

  const liaisonUnitId = roles.find((r) => r.role === 'unit_liaison')?.scopeId ?? null;
  const isMember = roles.some((r) => r.role === 'member' || r.role === 'standing_member');
  const liaisonUnit = useQuery({
    queryKey: ['org', 'participating-units', 'detail', liaisonUnitId],
    queryFn: ({ signal }) => fetchRow('participating-units', liaisonUnitId!, signal),
    enabled: !isMember && !isStaff && liaisonUnitId !== null,
  });
  // A unit whose rules do not ask for the seal may submit without it (the server checks the same flag).
  const sealRequired = liaisonUnit.data?.sealRequired !== false;
  const liaisonKind: ProposerKind | null = liaisonUnit.data
    ? liaisonUnit.data.kind === 'democratic_party'
      ? 'party'
      : 'people_org'
    : null;

  const kind = Form.useWatch('proposerKind', form);
  const isJoint = (draft?.proposerKind ?? kind) === 'member_joint';
  const isCollective = collective.includes(draft?.proposerKind ?? kind);

  const initialValues = useMemo<Partial<Values>>(
    () =>
      initial
        ? toValues(initial)
        : {
            proposerKind: isMember ? 'member_individual' : isStaff ? 'member_individual' : undefined,
            title: '',
            situation: '',
            analysis: '',
            suggestions: '',
            suggestedHandlerUnitIds: [],
            consentToPublish: true,
            isUrgent: false,
            sealAttached: false,
          },
    [initial, isMember, isStaff],
  );

  useEffect(() => {
    if (!draft && liaisonKind) form.setFieldValue('proposerKind', liaisonKind);
  }, [draft, liaisonKind, form]);

  const fromWord = async (file: File) => {
    const values = form.getFieldsValue(true) as Values;
    const hasText = [values.title, values.situation, values.analysis, values.suggestions].some((v) =>
      v?.trim(),
    );
    if (hasText) {
      const ok = await modal.confirm({
        title: t('p.ed.wordReplaceTitle'),
        content: t('p.ed.wordReplaceBody'),
        okText: t('p.ed.wordReplace'),
        cancelText: t('common.cancel'),
      });
      if (!ok) return;
    }
    setImporting(true);
    try {
      const read = await draftFromDocx(file);
      form.setFieldsValue({
        title: read.title.slice(0, 100),
        situation: read.situation,
        analysis: read.analysis,
        suggestions: read.suggestions,
      });
      setWarnings(read.warnings ?? []);
      message.success(t('p.ed.wordDone'));
      schedule();
    } catch (err) {
      reportError(err);
    } finally {
      setImporting(false);
    }
  };

  const invite = async () => {
    if (picked.length === 0) return;
    setInviting(true);
    try {
      if (!draftRef.current) {
        if (!(form.getFieldValue('title') as string)?.trim()) {
          form.setFields([{ name: 'title', errors: [t('p.ed.titleFirst')] }]);
          return;
        }
        autosave.cancelScheduled();
        const ok = await saveNow({ cosignerIds: picked });
        if (!ok) return;
      } else {
        setDraft(await inviteCosigners(draftRef.current.id, picked));
      }
      message.success(t('p.ed.invited', { n: picked.length }));
      setPicked([]);
    } catch (err) {
      reportError(err);
    } finally {
      setInviting(false);
    }
  };

  const submit = async () => {
    try {
      await form.validateFields();
    } catch {
      message.error(t('common.fixErrors'));
      return;
    }
    if (
      isJoint &&
      !(draftRef.current?.signers ?? []).some((s) => s.role === 'cosigner' && s.status !== 'declined')
    ) {
      message.error(t('p.ed.needCosigner'));
      return;
    }
    if (!(await flush())) {
      message.error(t('p.ed.saveFirst'));
      return;
    }
    const current = draftRef.current;
    if (!current) return;
    const waiting = current.signers.filter((s) => s.role === 'cosigner' && s.status === 'invited').length;
    const ok = await modal.confirm({
      title: t('p.ed.submitConfirm'),
      content: waiting > 0 ? t('p.ed.submitWaiting', { n: waiting }) : t('p.ed.submitHint'),
      okText: t('p.action.submit'),
      cancelText: t('common.cancel'),
    });
    if (!ok) return;
    setSubmitting(true);
    try {
      const done = await submitProposal(current.id, current.version, newIdempotencyKey());
      setDraft(done);
      await invalidate();
      message.success(
        done.state === 'cosigning'
          ? t('p.ed.submittedWaiting')
          : t('p.ed.submitted', { no: done.intakeNo ?? '' }),
      );
      await navigate(`/proposals/${done.id}`, { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') setSaveState('conflict');
      reportError(err, form);
    } finally {
      setSubmitting(false);
    }
  };

  const withdraw = async () => {
    const current = draftRef.current;
    if (!current) return;
    const ok = await modal.confirm({
      title: t('p.action.withdrawConfirm'),
      content: t('p.action.withdrawHint'),
      okText: t('p.action.withdraw'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
    });
    if (!ok) return;
    try {
      autosave.cancelScheduled();
      await withdrawProposal(current.id, current.version);
      await invalidate();
      message.success(t('p.action.withdrawn'));
      await navigate('/proposals', { replace: true });
    } catch (err) {
      reportError(err);
    }
  };

  const returned =
    draft?.state === 'returned_for_revision'
      ? [...draft.reviews].reverse().find((r) => r.recommendation === 'return_for_revision')
      : undefined;

  const kindOptions: ProposerKind[] = draft
    ? [draft.proposerKind]
    : isMember || isStaff
      ? ['member_individual', 'member_joint']
      : liaisonKind
        ? [liaisonKind]
        : [];

  return (
    <div className="editor-page">
      <PageHeader
        title={draft ? t('p.ed.editTitle') : t('p.ed.newTitle')}
        description={t('p.ed.desc')}
        extra={draft && <ProposalStateTag state={draft.state} />}
      />
      <SaveStatus state={saveState} savedAt={savedAt} error={saveError} onReload={() => void reload()} />
      {returned && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('p.ed.returned', { stage: returned.stageName })}
          description={<div className="prose">{returned.comment}</div>}
        />
      )}
      <EditorWordImport
        importing={importing}
        warnings={warnings}
        onFile={(file) => void fromWord(file)}
        onCloseWarnings={() => setWarnings([])}
      />
      <Form<Values>
        name="proposal"
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onValuesChange={schedule}
        scrollToFirstError
        className="proposal-form"
      >
        <EditorWhoCard
          draft={draft}
          kindOptions={kindOptions}
          isStaff={isStaff}
          isCollective={isCollective}
          isJoint={isJoint}
          sealRequired={sealRequired}
          picked={picked}
          onPick={setPicked}
          inviting={inviting}
          onInvite={() => void invite()}
        />
        <EditorContentCards proposalId={draft?.id} />
      </Form>

      {/* 附件: files belong to a saved draft, so the list appears once autosave has created it. */}
      {draft ? <ProposalAttachments proposalId={draft.id} /> : <p className="muted">{t('att.afterSave')}</p>}

      <div className="editor-actions">
        <Space wrap>
          <Button
            type="primary"
            size="large"
            icon={<SendOutlined />}
            loading={submitting}
            disabled={!draft?.abilities.submit && Boolean(draft)}
            onClick={() => void submit()}
          >
            {t('p.action.submit')}
          </Button>
          <Button size="large" icon={<SaveOutlined />} onClick={() => void flush()}>
            {t('p.ed.saveNow')}
          </Button>
          {draft?.abilities.withdraw && (
            <Button size="large" danger icon={<RollbackOutlined />} onClick={() => void withdraw()}>
              {t('p.action.withdraw')}
            </Button>
          )}
          {draft && (
            <LinkButton to={`/proposals/${draft.id}`} size="large">
              {t('p.ed.preview')}
            </LinkButton>
          )}
        </Space>
      </div>
    </div>
  );
}
