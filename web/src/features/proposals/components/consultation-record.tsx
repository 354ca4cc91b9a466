import { Descriptions } from 'antd';
import { useT } from '../../../i18n/index.tsx';
import type { ConsultationView } from '../api.ts';
import { formatTime } from '../labels.ts';

/** The consultation a proposal was closed on (协商办结), as part of its record. */
export function ConsultationRecord({ consultation: c }: { consultation: ConsultationView }) {
  const t = useT();
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      className="consultation-record"
      items={[
        { key: 'heldOn', label: t('p.consult.heldOn'), children: c.heldOn },
        { key: 'form', label: t('p.consult.form'), children: t(`p.consult.form.${c.form}`) },
        { key: 'participants', label: t('p.consult.participants'), children: c.participants },
        {
          key: 'outcome',
          label: t('p.consult.outcome'),
          children: <div className="prose">{c.outcome}</div>,
        },
        {
          key: 'recorded',
          label: t('p.consult.recordedBy'),
          children: `${c.recordedByName} · ${formatTime(c.recordedAt)}`,
        },
      ]}
    />
  );
}
