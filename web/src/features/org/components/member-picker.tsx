import { Select, Spin } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useT } from '../../../i18n/index.tsx';
import { searchMembers } from '../api.ts';
import type { Named } from '../types.ts';

interface Props {
  id?: string;
  value?: string | string[] | null;
  onChange?: (value: string | string[] | null) => void;
  multiple?: boolean;
  /** Names of the members already chosen (from the row being edited). */
  initial?: Named[];
  'aria-label'?: string;
}

/** Picks one or several members by typing part of a name (the member list can be long). */
export function MemberPicker({ id, value, onChange, multiple = false, initial = [], ...rest }: Props) {
  const t = useT();
  const [found, setFound] = useState<Named[]>([]);
  const [busy, setBusy] = useState(false);
  const [known, setKnown] = useState<Map<string, string>>(() => new Map(initial.map((m) => [m.id, m.name])));
  const timer = useRef<number | undefined>(undefined);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const search = (q: string) => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(async () => {
      controller.current?.abort();
      const c = new AbortController();
      controller.current = c;
      setBusy(true);
      try {
        const list = await searchMembers(q.trim(), c.signal);
        setFound(list);
        setKnown((prev) => new Map([...prev, ...list.map((m): [string, string] => [m.id, m.name])]));
      } catch {
        // A failed search shows "no match"; the next keystroke tries again.
        if (!c.signal.aborted) setFound([]);
      } finally {
        if (!c.signal.aborted) setBusy(false);
      }
    }, 300);
  };

  const options = useMemo(() => {
    const chosen = (Array.isArray(value) ? value : value ? [value] : []).map((v) => ({
      value: v,
      label: known.get(v) ?? v,
    }));
    const rest = found
      .filter((m) => !chosen.some((c) => c.value === m.id))
      .map((m) => ({ value: m.id, label: m.name }));
    return [...chosen, ...rest];
  }, [found, known, value]);

  return (
    <Select
      id={id}
      aria-label={rest['aria-label']}
      mode={multiple ? 'multiple' : undefined}
      value={value ?? (multiple ? [] : undefined)}
      onChange={(v) => onChange?.((v as string | string[] | undefined) ?? null)}
      options={options}
      allowClear
      placeholder={t('ph.memberSearch')}
      showSearch={{ filterOption: false, onSearch: search }}
      onOpenChange={(open) => {
        if (open && found.length === 0) search('');
      }}
      notFoundContent={busy ? <Spin size="small" /> : t('ph.noMatch')}
      style={{ width: '100%' }}
    />
  );
}
