import { Select } from 'antd';
import { useT } from '../../../i18n/index.tsx';
import { useOrgOptions } from '../../org/api.ts';

interface Props {
  id?: string;
  value?: string | string[] | null;
  onChange?: (value: never) => void;
  multiple?: boolean;
  max?: number;
  /** Units that may not be picked here (chosen in another role already). */
  exclude?: string[];
  placeholder?: string;
  'aria-label'?: string;
  status?: 'error';
}

/** Picks handler units (承办单位) by typing part of the name. */
export function UnitSelect({
  id,
  value,
  onChange,
  multiple,
  max,
  exclude = [],
  placeholder,
  status,
  ...rest
}: Props) {
  const t = useT();
  const options = useOrgOptions();
  const items = (options.data?.handlerUnits ?? [])
    .filter((u) => !exclude.includes(u.id))
    .map((u) => ({ value: u.id, label: u.name }));
  return (
    <Select
      id={id}
      aria-label={rest['aria-label']}
      mode={multiple ? 'multiple' : undefined}
      maxCount={max}
      value={value ?? (multiple ? [] : undefined)}
      onChange={(v) => onChange?.((v ?? (multiple ? [] : null)) as never)}
      options={items}
      loading={options.isPending}
      allowClear
      status={status}
      placeholder={placeholder ?? t('p.ph.unit')}
      showSearch={{ optionFilterProp: 'label' }}
      style={{ width: '100%' }}
    />
  );
}
