import { Select, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../../i18n/index.tsx';
import { searchUsers } from '../api.ts';

interface Props {
  value?: string;
  onChange: (id: string | undefined) => void;
  'aria-label': string;
  placeholder: string;
}

/** Picks one account by typing part of its name or username. */
export function UserPicker({ value, onChange, placeholder, ...rest }: Props) {
  const t = useT();
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [busy, setBusy] = useState(false);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const search = (q: string) => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(async () => {
      setBusy(true);
      try {
        const users = await searchUsers(q.trim());
        setOptions(users.map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` })));
      } catch {
        setOptions([]);
      } finally {
        setBusy(false);
      }
    }, 300);
  };

  return (
    <Select
      aria-label={rest['aria-label']}
      value={value}
      onChange={(v?: string) => onChange(v ?? undefined)}
      options={options}
      allowClear
      placeholder={placeholder}
      showSearch={{ filterOption: false, onSearch: search }}
      onOpenChange={(open) => {
        if (open && options.length === 0) search('');
      }}
      notFoundContent={busy ? <Spin size="small" /> : t('common.empty')}
      style={{ width: '100%' }}
    />
  );
}
