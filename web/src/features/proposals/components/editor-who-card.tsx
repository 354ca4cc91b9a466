import { Button, Card, Checkbox, Flex, Form, Input, Radio, Typography } from 'antd';
import type { ProposerKind } from '@tongxin/common/proposals/enums.ts';
import { useT } from '../../../i18n/index.tsx';
import { MemberPicker } from '../../org/components/member-picker.tsx';
import type { ProposalDetail } from '../api.ts';
import { SignerList } from './signer-list.tsx';

/** 提案者: the kind, the lead member (staff entering a paper proposal), a collective's signatory and seal, co-signers. */
export function EditorWhoCard({
  draft,
  kindOptions,
  isStaff,
  isCollective,
  isJoint,
  sealRequired,
  picked,
  onPick,
  inviting,
  onInvite,
}: {
  draft: ProposalDetail | null;
  kindOptions: ProposerKind[];
  isStaff: boolean;
  isCollective: boolean;
  isJoint: boolean;
  sealRequired: boolean;
  picked: string[];
  onPick: (ids: string[]) => void;
  inviting: boolean;
  onInvite: () => void;
}) {
  const t = useT();
  const required = (label: string) => [
    { required: true, whitespace: true, message: t('form.required', { label }) },
  ];
  return (
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
          rules={[{ required: !draft, message: t('form.requiredSelect', { label: t('p.f.leadMember') }) }]}
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
                  v || !sealRequired ? Promise.resolve() : Promise.reject(new Error(t('p.ed.sealRequired'))),
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
                onChange={(v) => onPick(Array.isArray(v) ? v : v ? [v] : [])}
                aria-label={t('p.ed.pickCosigners')}
              />
            </div>
            <Button onClick={onInvite} loading={inviting} disabled={picked.length === 0}>
              {t('p.ed.invite')}
            </Button>
          </Flex>
          <p className="muted" style={{ margin: '6px 0 0' }}>
            {t('p.ed.cosignHint')}
          </p>
        </div>
      )}
    </Card>
  );
}
