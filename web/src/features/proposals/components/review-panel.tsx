import { AuditOutlined } from '@ant-design/icons';
import { type ReviewRecommendation, reviewRecommendations } from '@tongxin/common/proposals/enums.ts';
import { Alert, Button, Card, Form, Input, Radio, Select, Spin, Steps } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { api } from '../../../api/client.ts';
import { useT } from '../../../i18n/index.tsx';
import { type ProposalDetail, type ProposalItem, reviewProposal, useProposalRules } from '../api.ts';
import { proposalNumber } from '../labels.ts';
import { useAction } from '../use-action.ts';
import { UnitSelect } from './unit-select.tsx';

interface Values {
  recommendation: ReviewRecommendation;
  reasonCode?: string;
  comment: string;
  suggestedHandlerUnitIds: string[];
  mergeIntoId?: string;
}

/**
 * 审查: the current stage (from the committee's configured list), the reviewer's recommendation, and at the
 * last stage the decision — 立案, 并案 into a filed proposal, 不予立案 with a reason, or 退回修改.
 */
export function ReviewPanel({ proposal }: { proposal: ProposalDetail }) {
  const t = useT();
  const rules = useProposalRules();
  const [form] = Form.useForm<Values>();
  const { run, busy } = useAction();
  const recommendation = Form.useWatch('recommendation', form);
  const stages = rules.data?.reviewStages ?? [];
  const index = proposal.state === 'submitted' ? 0 : (proposal.reviewStage ?? 0);
  const isLast = stages.length > 0 && index >= stages.length - 1;
  const stageName = proposal.reviewStageName ?? stages[index]?.name ?? '';
  const lastSuggestion = [...proposal.reviews].reverse().find((r) => r.suggestedHandlerUnitIds?.length);
  const initialUnits =
    lastSuggestion?.suggestedHandlerUnitIds ?? proposal.suggestedHandlerUnits.map((u) => u.id);

  const submit = (v: Values) =>
    run(
      'review',
      () =>
        reviewProposal(proposal.id, {
          recommendation: v.recommendation,
          reasonCode: v.recommendation === 'not_file' ? (v.reasonCode ?? null) : null,
          comment: (v.comment ?? '').trim(),
          suggestedHandlerUnitIds: v.recommendation === 'file' ? (v.suggestedHandlerUnitIds ?? []) : [],
          mergeIntoId: v.recommendation === 'merge' ? (v.mergeIntoId ?? null) : null,
          expectedVersion: proposal.version,
        }),
      {
        form,
        success:
          isLast && v.recommendation !== 'return_for_revision' ? t('p.review.decided') : t('p.review.done'),
        onDone: () => form.resetFields(['comment', 'reasonCode', 'mergeIntoId']),
      },
    );

  const label = (r: ReviewRecommendation) =>
    r === 'return_for_revision' || isLast ? t(`p.rec.${r}`) : t(`p.recSuggest.${r}`);

  return (
    <Card
      size="small"
      title={
        <span>
          <AuditOutlined /> {t('p.review.title')}
        </span>
      }
      className="review-panel"
    >
      {rules.isPending ? (
        <Spin />
      ) : (
        <>
          <Steps
            size="small"
            current={index}
            responsive={false}
            className="review-steps"
            items={stages.map((s) => ({ title: s.name }))}
          />
          <Alert
            type="info"
            showIcon
            style={{ margin: '12px 0' }}
            title={t('p.review.stage', { stage: stageName, n: index + 1, total: stages.length })}
            description={isLast ? t('p.review.lastHint') : t('p.review.stageHint')}
          />
          <Form<Values>
            name="review"
            form={form}
            layout="vertical"
            initialValues={{ recommendation: 'file', comment: '', suggestedHandlerUnitIds: initialUnits }}
            onFinish={(v) => void submit(v)}
          >
            <Form.Item name="recommendation" label={t('p.review.recommendation')}>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                size="large"
                options={reviewRecommendations.map((r) => ({ value: r, label: label(r) }))}
              />
            </Form.Item>
            {recommendation === 'not_file' && (
              <Form.Item
                name="reasonCode"
                label={t('p.review.reason')}
                rules={[
                  { required: true, message: t('form.requiredSelect', { label: t('p.review.reason') }) },
                ]}
              >
                <Select
                  options={(rules.data?.notFiledReasons ?? []).map((r) => ({
                    value: r.code,
                    label: `${r.code} ${r.label}`,
                  }))}
                  placeholder={t('common.select')}
                  aria-label={t('p.review.reason')}
                />
              </Form.Item>
            )}
            {recommendation === 'merge' && (
              <Form.Item
                name="mergeIntoId"
                label={t('p.review.mergeInto')}
                extra={t('p.review.mergeHint')}
                rules={[
                  { required: true, message: t('form.requiredSelect', { label: t('p.review.mergeInto') }) },
                ]}
              >
                <MergeTargetPicker excludeId={proposal.id} />
              </Form.Item>
            )}
            {recommendation === 'file' && (
              <Form.Item
                name="suggestedHandlerUnitIds"
                label={t('p.review.units')}
                extra={t('p.review.unitsHint')}
              >
                <UnitSelect multiple max={10} aria-label={t('p.review.units')} />
              </Form.Item>
            )}
            <Form.Item
              name="comment"
              label={t('p.review.comment')}
              rules={
                recommendation === 'return_for_revision'
                  ? [{ required: true, whitespace: true, message: t('p.review.commentRequired') }]
                  : []
              }
            >
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={2000} showCount />
            </Form.Item>
            <Button type="primary" size="large" htmlType="submit" loading={busy === 'review'}>
              {isLast && recommendation !== 'return_for_revision'
                ? t('p.review.decide')
                : t('p.review.submit')}
            </Button>
          </Form>
        </>
      )}
    </Card>
  );
}

/** Searches filed proposals by 案由 for a 并案 target. */
function MergeTargetPicker({
  id,
  value,
  onChange,
  excludeId,
}: {
  id?: string;
  value?: string;
  onChange?: (v: string | undefined) => void;
  excludeId: string;
}) {
  const t = useT();
  const [found, setFound] = useState<ProposalItem[]>([]);
  const [loading, setLoading] = useState(false);
  const timer = useRef<number | undefined>(undefined);
  const search = (q: string) => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(async () => {
      setLoading(true);
      try {
        const page = await api<{ items: ProposalItem[] }>('/proposals', {
          query: {
            box: 'all',
            q: q.trim(),
            state: 'filed,assigned,handling,evaluating,rehandling,closed',
            pageSize: 20,
          },
        });
        setFound(page.items.filter((p) => p.id !== excludeId));
      } catch {
        setFound([]);
      } finally {
        setLoading(false);
      }
    }, 300);
  };
  const options = useMemo(
    () => found.map((p) => ({ value: p.id, label: `${proposalNumber(p, t)} ${p.title}` })),
    [found, t],
  );
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      options={options}
      allowClear
      showSearch={{ filterOption: false, onSearch: search }}
      onOpenChange={(open) => {
        if (open && found.length === 0) search('');
      }}
      notFoundContent={loading ? <Spin size="small" /> : t('common.noResults')}
      placeholder={t('p.review.mergePh')}
      aria-label={t('p.review.mergeInto')}
      style={{ width: '100%' }}
    />
  );
}
