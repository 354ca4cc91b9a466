import { Select, Spin } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useT } from '../../../i18n/index.tsx';
import { type AwardProposal, searchFiledProposals } from '../api.ts';

/** Picks a filed proposal by typing part of its title, number or proposer. */
export function ProposalPicker({
  id,
  value,
  onChange,
  exclude,
  'aria-label': ariaLabel,
}: {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** Proposals that cannot be chosen (already key, already nominated). */
  exclude?: (p: AwardProposal) => boolean;
  'aria-label'?: string;
}) {
  const t = useT();
  const [found, setFound] = useState<AwardProposal[]>([]);
  const [busy, setBusy] = useState(false);
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
        setFound(await searchFiledProposals(q.trim(), c.signal));
      } catch {
        // A failed search shows "no match"; the next keystroke tries again.
        if (!c.signal.aborted) setFound([]);
      } finally {
        if (!c.signal.aborted) setBusy(false);
      }
    }, 300);
  };

  const options = useMemo(
    () =>
      found.map((p) => {
        const disabled = exclude?.(p) ?? false;
        return {
          value: p.id,
          disabled,
          label: `${p.numberLabel ? `${p.numberLabel} ` : ''}${p.title}（${p.proposerName}）${disabled ? t('kp.pickerTaken') : ''}`,
        };
      }),
    [found, exclude, t],
  );

  return (
    <Select
      id={id}
      aria-label={ariaLabel}
      value={value}
      onChange={(v?: string) => onChange?.(v)}
      options={options}
      allowClear
      placeholder={t('kp.pickerPh')}
      showSearch={{ filterOption: false, onSearch: search }}
      onOpenChange={(open) => {
        if (open && found.length === 0) search('');
      }}
      notFoundContent={busy ? <Spin size="small" /> : t('kp.pickerNone')}
      style={{ width: '100%' }}
    />
  );
}
