import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  PlusOutlined,
  SaveOutlined,
} from '@ant-design/icons';
import {
  type DurationKey,
  durationKeys,
  durationLabels,
  type ProposalRules,
  proposalRules,
} from '@tongxin/common/proposals/rules.ts';
import { App, Button, Card, Col, Flex, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { useAbility } from '../../../app/session.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { ErrorState, ForbiddenState, PageLoading } from '../../../components/page-states.tsx';
import { useT } from '../../../i18n/index.tsx';
import { saveRules, useProposalRules } from '../api.ts';
import { useAction } from '../use-action.ts';
import '../proposals.css';

/** 提案工作规则: review stages (ordered), not-filed reasons, result classes, every deadline and its unit. */
export default function RulesPage() {
  const staff = useAbility('proposals.review');
  const admin = useAbility('users.manage');
  const allowed = staff || admin;
  const rules = useProposalRules();
  if (!allowed) return <ForbiddenState />;
  if (rules.isPending) return <PageLoading />;
  if (rules.isError) return <ErrorState error={rules.error} onRetry={() => void rules.refetch()} />;
  return <RulesForm key={JSON.stringify(rules.data)} rules={rules.data} />;
}

type Values = Omit<ProposalRules, 'maxCosigners'> & { maxCosigners: number | null };

function RulesForm({ rules }: { rules: ProposalRules }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { run, busy } = useAction();
  const unitOptions = (['wd', 'nd', 'mo'] as const).map((u) => ({
    value: u,
    label: t(`calendar.due.unit.${u}`),
  }));

  const save = async (values: Values) => {
    const stages = (values.reviewStages ?? []).map((s, i) => ({
      key: s.key?.trim() || `stage_${i + 1}_${Date.now().toString(36)}`,
      name: s.name,
    }));
    const candidate = { ...values, reviewStages: stages, maxCosigners: values.maxCosigners ?? null };
    const parsed = proposalRules.safeParse(candidate);
    if (!parsed.success) {
      form.setFields(
        parsed.error.issues.map((i) => ({
          name: i.path as (string | number)[],
          errors: [i.message],
        })) as never,
      );
      message.error(t('common.fixErrors'));
      return;
    }
    await run('save', () => saveRules(parsed.data), { form, success: t('common.saved') });
  };

  const coded = (name: 'notFiledReasons' | 'resultClasses', title: string) => (
    <Card size="small" title={<h2 className="card-heading">{title}</h2>}>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((f, i) => (
              <Flex key={f.key} gap={8} align="flex-start">
                <Form.Item name={[f.name, 'code']} style={{ width: 90, marginBottom: 0 }}>
                  <Input aria-label={t('p.rules.code', { n: i + 1 })} maxLength={20} />
                </Form.Item>
                <Form.Item name={[f.name, 'label']} style={{ flex: 1, marginBottom: 0 }}>
                  <Input aria-label={t('p.rules.label', { n: i + 1 })} maxLength={100} />
                </Form.Item>
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={t('p.rules.remove', { n: i + 1 })}
                  onClick={() => remove(f.name)}
                />
              </Flex>
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ code: '', label: '' })}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('p.rules.add')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </Card>
  );

  return (
    <>
      <PageHeader
        title={t('p.rules.title')}
        description={t('p.rules.desc')}
        extra={
          <Button
            type="primary"
            size="large"
            icon={<SaveOutlined />}
            loading={busy === 'save'}
            onClick={() => form.submit()}
          >
            {t('common.save')}
          </Button>
        }
      />
      <Form<Values>
        form={form}
        name="rules"
        layout="vertical"
        initialValues={rules}
        onFinish={(v) => void save(v)}
      >
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Card size="small" title={<h2 className="card-heading">{t('p.rules.stages')}</h2>}>
              <p className="muted" style={{ marginTop: 0 }}>
                {t('p.rules.stagesHint')}
              </p>
              <Form.List name="reviewStages">
                {(fields, { add, remove, move }) => (
                  <Flex vertical gap={8}>
                    {fields.map((f, i) => (
                      <Flex key={f.key} gap={8} align="flex-start">
                        <span className="stage-no" aria-hidden>
                          {i + 1}
                        </span>
                        <Form.Item name={[f.name, 'key']} hidden>
                          <Input />
                        </Form.Item>
                        <Form.Item name={[f.name, 'name']} style={{ flex: 1, marginBottom: 0 }}>
                          <Input aria-label={t('p.rules.stageName', { n: i + 1 })} maxLength={20} />
                        </Form.Item>
                        <Space.Compact>
                          <Button
                            icon={<ArrowUpOutlined />}
                            disabled={i === 0}
                            aria-label={t('p.rules.up', { n: i + 1 })}
                            onClick={() => move(i, i - 1)}
                          />
                          <Button
                            icon={<ArrowDownOutlined />}
                            disabled={i === fields.length - 1}
                            aria-label={t('p.rules.down', { n: i + 1 })}
                            onClick={() => move(i, i + 1)}
                          />
                          <Button
                            icon={<DeleteOutlined />}
                            disabled={fields.length <= 1}
                            aria-label={t('p.rules.remove', { n: i + 1 })}
                            onClick={() => remove(f.name)}
                          />
                        </Space.Compact>
                      </Flex>
                    ))}
                    <Button
                      icon={<PlusOutlined />}
                      disabled={fields.length >= 8}
                      onClick={() => add({ key: '', name: '' })}
                      style={{ alignSelf: 'flex-start' }}
                    >
                      {t('p.rules.addStage')}
                    </Button>
                  </Flex>
                )}
              </Form.List>
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={<h2 className="card-heading">{t('p.rules.durations')}</h2>}>
              {durationKeys.map((k: DurationKey) => (
                <Flex key={k} gap={8} align="center" wrap className="duration-row">
                  <span style={{ flex: '1 1 180px' }} id={`dur-${k}`}>
                    {durationLabels[k]}
                  </span>
                  <Form.Item name={['durations', k, 'amount']} style={{ marginBottom: 0 }}>
                    <InputNumber min={1} max={366} aria-labelledby={`dur-${k}`} style={{ width: 90 }} />
                  </Form.Item>
                  <Form.Item name={['durations', k, 'unit']} style={{ marginBottom: 0 }}>
                    <Select
                      options={unitOptions}
                      style={{ width: 140 }}
                      aria-label={t('p.rules.unitOf', { name: durationLabels[k] })}
                    />
                  </Form.Item>
                </Flex>
              ))}
              <Form.Item
                name="plenaryWindowMonths"
                label={t('p.rules.window')}
                extra={t('p.rules.windowHint')}
                style={{ marginTop: 16 }}
              >
                <InputNumber min={0} max={12} suffix={t('p.rules.months')} style={{ width: 140 }} />
              </Form.Item>
              <Form.Item
                name="maxCosigners"
                label={t('p.rules.maxCosigners')}
                extra={t('p.rules.maxCosignersHint')}
              >
                <InputNumber min={1} max={500} />
              </Form.Item>
              <Form.Item
                name="recessCosignWorkingDays"
                label={t('p.rules.recessCosign')}
                extra={t('p.rules.recessCosignHint')}
                rules={[
                  { required: true, message: t('form.required', { label: t('p.rules.recessCosign') }) },
                ]}
              >
                <InputNumber min={1} max={60} suffix={t('p.rules.workingDays')} style={{ width: 160 }} />
              </Form.Item>
              <Form.Item
                name="attachmentMaxMb"
                label={t('p.rules.attachmentMaxMb')}
                extra={t('p.rules.attachmentHint')}
              >
                <InputNumber min={1} max={50} suffix="MB" style={{ width: 140 }} />
              </Form.Item>
              <Form.Item name="attachmentMaxCount" label={t('p.rules.attachmentMaxCount')}>
                <InputNumber min={1} max={30} />
              </Form.Item>
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            {coded('notFiledReasons', t('p.rules.reasons'))}
          </Col>
          <Col xs={24} lg={12}>
            {coded('resultClasses', t('p.rules.classes'))}
          </Col>
        </Row>
      </Form>
    </>
  );
}
