import {
  CheckCircleOutlined,
  CloudSyncOutlined,
  ExclamationCircleOutlined,
  FileWordOutlined,
  RollbackOutlined,
  SaveOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { proposalCategories, type ProposerKind } from '@tongxin/common/proposals/enums.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Flex,
  Form,
  Input,
  Radio,
  Space,
  Typography,
  Upload,
} from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../api/client.ts';
import { useSession } from '../../../app/session.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { ErrorState, PageLoading } from '../../../components/page-states.tsx';
import { useReportError } from '../../../components/use-report-error.ts';
import { useT } from '../../../i18n/index.tsx';
import { fetchRow } from '../../org/api.ts';
import { MemberPicker } from '../../org/components/member-picker.tsx';
import {
  createProposal,
  draftFromDocx,
  fetchProposal,
  inviteCosigners,
  newIdempotencyKey,
  type ProposalContent,
  type ProposalDetail,
  proposalsKey,
  submitProposal,
  updateProposal,
  useInvalidateProposals,
  useProposal,
  withdrawProposal,
} from '../api.ts';
import { LinkButton } from '../components/link-button.tsx';
import { SignerList } from '../components/signer-list.tsx';
import { ProposalStateTag } from '../components/tags.tsx';
import { UnitSelect } from '../components/unit-select.tsx';
import '../proposals.css';

interface Values {
  proposerKind: ProposerKind;
  leadMemberId?: string | null;
  title: string;
  situation: string;
  analysis: string;
  suggestions: string;
  category?: string | null;
  suggestedHandlerUnitIds: string[];
  consentToPublish: boolean;
  nonPublishReason?: string | null;
  isUrgent: boolean;
  signatoryName?: string | null;
  sealAttached: boolean;
}

type SaveState = 'idle' | 'dirty' | 'saving' | 'saved' | 'error' | 'conflict';

const autosaveMs = 1500;
const collective: ProposerKind[] = ['party', 'people_org'];

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

function toValues(p: ProposalDetail): Values {
  return {
    proposerKind: p.proposerKind,
    leadMemberId: p.leadMemberId,
    title: p.title,
    situation: p.situation,
    analysis: p.analysis,
    suggestions: p.suggestions,
    category: p.category,
    suggestedHandlerUnitIds: p.suggestedHandlerUnits.map((u) => u.id),
    consentToPublish: p.consentToPublish,
    nonPublishReason: p.nonPublishReason,
    isUrgent: p.isUrgent,
    signatoryName: p.signatoryName,
    sealAttached: p.sealAttached,
  };
}

/** The fields a PATCH may change (autosave sends only these). */
function contentOf(v: Values): ProposalContent {
  const content: ProposalContent = {
    title: (v.title ?? '').trim(),
    situation: v.situation ?? '',
    analysis: v.analysis ?? '',
    suggestions: v.suggestions ?? '',
    category: v.category ?? null,
    suggestedHandlerUnitIds: v.suggestedHandlerUnitIds ?? [],
    consentToPublish: v.consentToPublish !== false,
    nonPublishReason: v.consentToPublish === false ? (v.nonPublishReason ?? '').trim() || null : null,
    isUrgent: v.isUrgent === true,
  };
  if (collective.includes(v.proposerKind)) {
    content.signatoryName = (v.signatoryName ?? '').trim() || null;
    content.sealAttached = v.sealAttached === true;
  }
  return content;
}

function Editor({ initial }: { initial: ProposalDetail | null }) {
  const t = useT();
  const me = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const invalidate = useInvalidateProposals();
  const reportError = useReportError();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [draft, setDraftState] = useState<ProposalDetail | null>(initial);
  const [saveState, setSaveState] = useState<SaveState>(initial ? 'saved' : 'idle');
  const [savedAt, setSavedAt] = useState<Date | null>(initial ? new Date(initial.updatedAt) : null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [importing, setImporting] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [inviting, setInviting] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const draftRef = useRef<ProposalDetail | null>(initial);
  const lastSaved = useRef<string>(initial ? JSON.stringify(contentOf(toValues(initial))) : '');
  const timer = useRef<number | undefined>(undefined);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const again = useRef(false);
  const createKey = useRef(newIdempotencyKey());

  const roles = me.user.roles;
  const isStaff = roles.some((r) => r.role === 'proposal_staff');
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

  const setDraft = useCallback(
    (p: ProposalDetail) => {
      draftRef.current = p;
      setDraftState(p);
      queryClient.setQueryData([...proposalsKey, 'detail', p.id], p);
    },
    [queryClient],
  );

  const kind = Form.useWatch('proposerKind', form);
  const consent = Form.useWatch('consentToPublish', form);
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

  /** Saves what the form holds: creates the draft the first time (once there is a 案由), then PATCHes. */
  const saveNow = useCallback(
    async (extra: { cosignerIds?: string[] } = {}): Promise<boolean> => {
      if (inFlight.current) {
        again.current = true;
        return inFlight.current;
      }
      const run = async (): Promise<boolean> => {
        const values = form.getFieldsValue(true) as Values;
        const content = contentOf(values);
        const current = draftRef.current;
        if (!current) {
          if (!content.title) {
            setSaveState('idle');
            return false;
          }
          setSaveState('saving');
          const created = await createProposal(
            {
              ...content,
              proposerKind: values.proposerKind,
              leadMemberId: isStaff ? (values.leadMemberId ?? null) : undefined,
              cosignerIds: extra.cosignerIds ?? [],
            },
            createKey.current,
          );
          lastSaved.current = JSON.stringify(content);
          setDraft(created);
          await navigate(`/proposals/edit/${created.id}`, { replace: true });
          return true;
        }
        // A PATCH never clears the 案由 (the server needs one); the field shows what is missing instead.
        const body: ProposalContent = { ...content };
        if (!body.title) delete body.title;
        const snapshot = JSON.stringify(content);
        if (snapshot === lastSaved.current) {
          setSaveState('saved');
          return true;
        }
        setSaveState('saving');
        const saved = await updateProposal(current.id, { ...body, expectedVersion: current.version });
        lastSaved.current = snapshot;
        setDraft(saved);
        return true;
      };
      const p = run()
        .then((ok) => {
          if (ok) {
            setSaveState('saved');
            setSavedAt(new Date());
            setSaveError(null);
          }
          return ok;
        })
        .catch((err: unknown) => {
          if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') {
            setSaveState('conflict');
          } else {
            setSaveState('error');
            setSaveError(err instanceof Error ? err.message : String(err));
            if (err instanceof ApiError) {
              const known = new Set(Object.keys(form.getFieldsValue(true) as object));
              const fields = err.fieldIssues
                .map((i) => ({ name: (i.path.split('.')[0] ?? i.path) as keyof Values, errors: [i.message] }))
                .filter((f) => known.has(f.name));
              if (fields.length) form.setFields(fields);
            }
          }
          return false;
        })
        .finally(() => {
          inFlight.current = null;
          if (again.current) {
            again.current = false;
            void saveNow();
          }
        });
      inFlight.current = p;
      return p;
    },
    [form, isStaff, navigate, setDraft],
  );

  const schedule = () => {
    window.clearTimeout(timer.current);
    setSaveState((s) => (s === 'conflict' ? s : 'dirty'));
    timer.current = window.setTimeout(() => void saveNow(), autosaveMs);
  };

  // Leaving the page saves what was typed; closing the tab with unsaved text asks first.
  const stateRef = useRef(saveState);
  stateRef.current = saveState;
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (stateRef.current === 'dirty' || stateRef.current === 'saving') e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      window.clearTimeout(timer.current);
      if (stateRef.current === 'dirty') void saveNow();
    };
  }, [saveNow]);

  const reload = async () => {
    const current = draftRef.current;
    if (!current) return;
    try {
      const fresh = await fetchProposal(current.id);
      setDraft(fresh);
      lastSaved.current = JSON.stringify(contentOf(toValues(fresh)));
      form.setFieldsValue(toValues(fresh));
      setSaveState('saved');
      setSavedAt(new Date(fresh.updatedAt));
    } catch (err) {
      reportError(err);
    }
  };

  const flush = async (): Promise<boolean> => {
    window.clearTimeout(timer.current);
    const ok = await saveNow();
    return ok && stateRef.current !== 'conflict';
  };

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
        window.clearTimeout(timer.current);
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
      window.clearTimeout(timer.current);
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
  const required = (label: string) => [
    { required: true, whitespace: true, message: t('form.required', { label }) },
  ];

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
      <Card size="small" className="word-import" style={{ marginBottom: 16 }}>
        <Flex gap={12} align="center" wrap>
          <Upload
            accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            showUploadList={false}
            beforeUpload={(file) => {
              void fromWord(file);
              return false;
            }}
          >
            <Button icon={<FileWordOutlined />} loading={importing} size="large">
              {t('p.ed.word')}
            </Button>
          </Upload>
          <span className="muted">{t('p.ed.wordHint')}</span>
        </Flex>
        {warnings.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 12 }}
            title={t('p.ed.wordWarnings')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            }
            closable={{ 'aria-label': t('common.close'), onClose: () => setWarnings([]) }}
          />
        )}
      </Card>
      <Form<Values>
        name="proposal"
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onValuesChange={schedule}
        scrollToFirstError
        className="proposal-form"
      >
        <Card size="small" title={t('p.ed.who')} style={{ marginBottom: 16 }}>
          <Form.Item
            name="proposerKind"
            label={t('p.f.kind')}
            rules={[{ required: true, message: t('form.requiredSelect', { label: t('p.f.kind') }) }]}
          >
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              size="large"
              disabled={Boolean(draft)}
              options={kindOptions.map((k) => ({ value: k, label: t(`p.kind.${k}`) }))}
            />
          </Form.Item>
          {isStaff && (
            <Form.Item
              name="leadMemberId"
              label={t('p.f.leadMember')}
              extra={t('p.ed.onBehalfHint')}
              rules={[
                { required: !draft, message: t('form.requiredSelect', { label: t('p.f.leadMember') }) },
              ]}
            >
              {draft ? <span>{draft.proposerName}</span> : <MemberPicker aria-label={t('p.f.leadMember')} />}
            </Form.Item>
          )}
          {isCollective && (
            <>
              <Form.Item name="signatoryName" label={t('p.f.signatory')} rules={required(t('p.f.signatory'))}>
                <Input maxLength={50} autoComplete="off" />
              </Form.Item>
              <Form.Item
                name="sealAttached"
                valuePropName="checked"
                rules={[
                  {
                    validator: (_, v: boolean) =>
                      v || !sealRequired
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('p.ed.sealRequired'))),
                  },
                ]}
              >
                <Checkbox>{t('p.f.seal')}</Checkbox>
              </Form.Item>
            </>
          )}
          {isJoint && (
            <div className="cosigners">
              <Typography.Text strong>{t('p.f.cosigners')}</Typography.Text>
              {draft && <SignerList signers={draft.signers} />}
              <Flex gap={8} wrap style={{ marginTop: 8 }}>
                <div style={{ flex: '1 1 240px', minWidth: 0 }}>
                  <MemberPicker
                    multiple
                    value={picked}
                    onChange={(v) => setPicked(Array.isArray(v) ? v : v ? [v] : [])}
                    aria-label={t('p.ed.pickCosigners')}
                  />
                </div>
                <Button onClick={() => void invite()} loading={inviting} disabled={picked.length === 0}>
                  {t('p.ed.invite')}
                </Button>
              </Flex>
              <p className="muted" style={{ margin: '6px 0 0' }}>
                {t('p.ed.cosignHint')}
              </p>
            </div>
          )}
        </Card>

        <Card size="small" title={t('p.ed.content')} style={{ marginBottom: 16 }}>
          <Form.Item
            name="title"
            label={t('p.f.title')}
            extra={t('p.ed.titleHint')}
            rules={[...required(t('p.f.title')), { max: 100, message: t('p.ed.titleMax') }]}
          >
            <Input size="large" maxLength={100} showCount placeholder={t('p.ph.title')} autoComplete="off" />
          </Form.Item>
          {(['situation', 'analysis', 'suggestions'] as const).map((name) => (
            <Form.Item
              key={name}
              name={name}
              label={t(`p.f.${name}`)}
              extra={t(`p.ed.${name}Hint`)}
              rules={required(t(`p.f.${name}`))}
            >
              <Input.TextArea
                autoSize={{ minRows: 6, maxRows: 30 }}
                maxLength={20000}
                className="big-textarea"
              />
            </Form.Item>
          ))}
        </Card>

        <Card size="small" title={t('p.ed.more')} style={{ marginBottom: 16 }}>
          <Form.Item
            name="category"
            label={t('p.f.category')}
            rules={[{ required: true, message: t('form.requiredSelect', { label: t('p.f.category') }) }]}
          >
            <Radio.Group
              optionType="button"
              size="large"
              options={proposalCategories.map((c) => ({ value: c, label: t(`p.category.${c}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="suggestedHandlerUnitIds"
            label={t('p.f.suggestedUnits')}
            extra={t('p.ed.unitsHint')}
          >
            <UnitSelect multiple max={5} aria-label={t('p.f.suggestedUnits')} />
          </Form.Item>
          <Form.Item name="consentToPublish" label={t('p.f.publish')}>
            <Radio.Group
              options={[
                { value: true, label: t('p.ed.publishYes') },
                { value: false, label: t('p.ed.publishNo') },
              ]}
            />
          </Form.Item>
          {consent === false && (
            <Form.Item
              name="nonPublishReason"
              label={t('p.f.nonPublishReason')}
              rules={required(t('p.f.nonPublishReason'))}
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={200} showCount />
            </Form.Item>
          )}
          <Form.Item name="isUrgent" valuePropName="checked" extra={t('p.ed.urgentHint')}>
            <Checkbox>{t('p.f.urgent')}</Checkbox>
          </Form.Item>
        </Card>
      </Form>

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

function SaveStatus({
  state,
  savedAt,
  error,
  onReload,
}: {
  state: SaveState;
  savedAt: Date | null;
  error: string | null;
  onReload: () => void;
}) {
  const t = useT();
  if (state === 'conflict') {
    return (
      <Alert
        type="warning"
        showIcon
        role="alert"
        style={{ marginBottom: 12 }}
        title={t('common.versionConflictTitle')}
        description={t('p.ed.conflictBody')}
        action={
          <Button type="primary" onClick={onReload}>
            {t('common.reload')}
          </Button>
        }
      />
    );
  }
  const text =
    state === 'saving'
      ? t('p.ed.saving')
      : state === 'dirty'
        ? t('p.ed.unsaved')
        : state === 'error'
          ? t('p.ed.saveFailed', { message: error ?? '' })
          : state === 'saved' && savedAt
            ? t('p.ed.savedAt', { time: dayjs(savedAt).format('HH:mm:ss') })
            : t('p.ed.notSavedYet');
  const icon =
    state === 'saved' ? (
      <CheckCircleOutlined />
    ) : state === 'error' ? (
      <ExclamationCircleOutlined />
    ) : (
      <CloudSyncOutlined />
    );
  return (
    <output className={`save-status is-${state}`} aria-live="polite">
      {icon} {text}
    </output>
  );
}
