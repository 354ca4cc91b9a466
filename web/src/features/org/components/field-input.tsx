import { enumLabels } from '@tongxin/common/org/enums.ts';
import { DatePicker, Input, InputNumber, Select, Switch } from 'antd';
import { useI18n } from '../../../i18n/index.tsx';
import type { FieldDef, Named, OrgOptions } from '../types.ts';
import { MemberPicker } from './member-picker.tsx';

interface Props {
  field: FieldDef;
  options: OrgOptions | undefined;
  /** Names of already chosen members, for member pickers. */
  initialMembers: Named[];
  nullable: boolean;
  /** Options the field must not offer (a unit cannot be its own parent). */
  excludeId?: string;
  // Injected by Form.Item:
  id?: string;
  value?: unknown;
  onChange?: (value: unknown) => void;
}

/** The input for one field of a directory form, by the field's type. */
export function FieldInput({
  field,
  options,
  initialMembers,
  nullable,
  excludeId,
  id,
  value,
  onChange,
}: Props) {
  const { t, enumLabel } = useI18n();
  const common = { id, onChange, style: { width: '100%' } };
  switch (field.type) {
    case 'textarea':
      return (
        <Input.TextArea
          {...common}
          value={value as string}
          rows={3}
          onChange={(e) => onChange?.(e.target.value)}
        />
      );
    case 'int':
      return <InputNumber {...common} value={value as number} precision={0} min={0} />;
    case 'date':
      return <DatePicker {...common} value={value as never} placeholder={t('ph.date')} />;
    case 'datetime':
      return (
        <DatePicker
          {...common}
          value={value as never}
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          placeholder={t('ph.datetime')}
        />
      );
    case 'bool':
      return <Switch id={id} checked={value === true} onChange={(v) => onChange?.(v)} />;
    case 'enum':
      return (
        <Select
          {...common}
          value={value as string}
          allowClear={nullable}
          placeholder={t('common.select')}
          options={Object.keys(enumLabels[field.enumKind]).map((code) => ({
            value: code,
            label: enumLabel(field.enumKind, code),
          }))}
        />
      );
    case 'ref':
    case 'refs':
      return (
        <Select
          {...common}
          value={value as string}
          mode={field.type === 'refs' ? 'multiple' : undefined}
          allowClear={nullable || field.type === 'refs'}
          placeholder={t('common.select')}
          showSearch={{ optionFilterProp: 'label' }}
          options={(options?.[field.options] ?? [])
            .filter((o) => o.id !== excludeId)
            .map((o) => ({ value: o.id, label: o.name }))}
        />
      );
    case 'member':
    case 'members':
      return (
        <MemberPicker
          id={id}
          value={value as string | string[] | null}
          onChange={onChange}
          multiple={field.type === 'members'}
          initial={initialMembers}
        />
      );
    default:
      return <Input {...common} value={value as string} onChange={(e) => onChange?.(e.target.value)} />;
  }
}
