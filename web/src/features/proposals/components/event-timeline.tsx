import { Timeline } from 'antd';
import { useT } from '../../../i18n/index.tsx';
import type { TimelineEvent } from '../api.ts';
import { eventLabel, formatTime } from '../labels.ts';

interface Group {
  first: TimelineEvent;
  last: TimelineEvent;
  count: number;
}

/** Autosave writes one 修改 after another: consecutive identical events by one person read as one line. */
function group(events: TimelineEvent[]): Group[] {
  const out: Group[] = [];
  for (const e of events) {
    const prev = out[out.length - 1];
    if (prev && prev.last.action === e.action && prev.last.actorName === e.actorName && !e.detail) {
      prev.last = e;
      prev.count++;
    } else {
      out.push({ first: e, last: e, count: 1 });
    }
  }
  return out;
}

/** The proposal's whole history, oldest first: who did what, when (from the audit trail). */
export function EventTimeline({ events }: { events: TimelineEvent[] }) {
  const t = useT();
  if (events.length === 0) return <p className="muted">{t('common.empty')}</p>;
  return (
    <Timeline
      className="event-timeline"
      items={group(events).map(({ first: e, last, count }, i) => ({
        key: `${e.at}-${i}`,
        content: (
          <div>
            <strong>
              {/* A close that carries its consultation is the 协商办结 (the line shows the record). */}
              {e.action === 'proposal.closed' && e.detail ? t('p.action.close') : eventLabel(e.action, t)}
            </strong>
            {count > 1 && <span className="muted"> {t('p.timesN', { n: count })}</span>}
            {e.unitName && <span> · {e.unitName}</span>}
            <div className="muted">
              {count > 1 ? `${formatTime(e.at)} – ${formatTime(last.at)}` : formatTime(e.at)}
              {e.actorName ? ` · ${e.actorName}` : ` · ${t('p.system')}`}
            </div>
            {e.detail && <div className="prose">{e.detail}</div>}
          </div>
        ),
      }))}
    />
  );
}
