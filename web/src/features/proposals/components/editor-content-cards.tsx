import { Card, Checkbox, Form, Input, Radio } from 'antd';
import { proposalCategories } from '@tongxin/common/proposals/enums.ts';
import { useT } from '../../../i18n/index.tsx';
import { SimilarPanel } from './similar-panel.tsx';
import { UnitSelect } from './unit-select.tsx';

/**
 * 案由 and 情况 / 分析 / 建议, the similar proposals of what is being written, then category, suggested
 * units, publication and urgency. Inside the editor's `Form`.
 */
export function EditorContentCards({ proposalId }: { proposalId?: string }) {
  const t = useT();
  const form = Form.useFormInstance();
  const consent = Form.useWatch('consentToPublish', form);
  const title = (Form.useWatch('title', form) as string | undefined) ?? '';
  const situation = Form.useWatch('situation', form) as string | undefined;
  const analysis = Form.useWatch('analysis', form) as string | undefined;
  const suggestions = Form.useWatch('suggestions', form) as string | undefined;
  const body = [situation, analysis, suggestions].filter(Boolean).join('\n');
  const required = (label: string) => [
    { required: true, whitespace: true, message: t('form.required', { label }) },
  ];
  return (
    <>
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

      <SimilarPanel title={title} body={body} proposalId={proposalId} />
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
        <Form.Item name="suggestedHandlerUnitIds" label={t('p.f.suggestedUnits')} extra={t('p.ed.unitsHint')}>
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
    </>
  );
}
