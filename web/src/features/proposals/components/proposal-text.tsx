import { Typography } from 'antd';
import { useT } from '../../../i18n/index.tsx';

interface Props {
  situation?: string;
  analysis?: string;
  suggestions?: string;
  /** Heading level of the three sections (the page's h1 is the 案由). */
  level?: 2 | 3 | 4;
}

/** 情况 / 分析 / 建议, as written (line breaks kept). */
export function ProposalText({ situation, analysis, suggestions, level = 2 }: Props) {
  const t = useT();
  const sections = [
    ['p.f.situation', situation],
    ['p.f.analysis', analysis],
    ['p.f.suggestions', suggestions],
  ] as const;
  return (
    <div className="proposal-text">
      {sections.map(([label, body]) => (
        <section key={label}>
          <Typography.Title level={level} className="section-title">
            {t(label)}
          </Typography.Title>
          <div className="prose">
            {body?.trim() ? body : <span className="muted">{t('p.notWritten')}</span>}
          </div>
        </section>
      ))}
    </div>
  );
}
