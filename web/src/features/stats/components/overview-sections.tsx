import { Card, Col, Row } from 'antd';
import { useI18n } from '../../../i18n/index.tsx';
import type { ProposalStats } from '../api.ts';
import { formatCount, formatPercent } from '../format.ts';
import { type FigureKit, Section } from './figure-kit.tsx';
import { FigureLink, StatCard } from './stat-card.tsx';

const cardCol = { xs: 24, sm: 12, xl: 6 };

/** 总体情况: received, filed and the filing rate, merged, not filed / converted, the rates, key proposals. */
export function OverviewSection({ stats: s, kit }: { stats: ProposalStats; kit: FigureKit }) {
  const { t, lang } = useI18n();
  const { def, open, rateLine, rateCard, countCard } = kit;
  return (
    <Section title={t('stats.section.overview')}>
      <Row gutter={[12, 12]}>
        <Col {...cardCol}>
          {countCard(
            s.received,
            t('stats.received'),
            'received',
            <div className="stat-sub">
              <FigureLink
                label={`${t('stats.inReview')} ${s.inReview.value}`}
                onClick={() => open(s.inReview, t('stats.inReview'))}
              >
                {t('stats.inReviewLine', { n: formatCount(s.inReview.value, lang) })}
              </FigureLink>
            </div>,
          )}
        </Col>
        <Col {...cardCol}>
          <StatCard
            title={t('stats.filed')}
            definition={`${def('filed')}${t('stats.defJoin')}${def('filingRate')}`}
          >
            <FigureLink
              big
              label={`${t('stats.filed')} ${s.filed.value}`}
              onClick={() => open(s.filed, t('stats.filed'))}
            >
              {formatCount(s.filed.value, lang)}
              <span className="stat-unit">{t('stats.unit')}</span>
            </FigureLink>
            <div className="stat-sub">
              {t('stats.filingRate')} <strong>{formatPercent(s.filingRate.percent, lang)}</strong>
            </div>
            {rateLine('filingRate', s.filingRate, t('stats.filingRate'))}
          </StatCard>
        </Col>
        <Col {...cardCol}>{countCard(s.merged, t('stats.merged'), 'merged')}</Col>
        <Col {...cardCol}>
          <StatCard
            title={t('stats.notFiledConverted')}
            definition={`${def('notFiled')}${t('stats.defJoin')}${def('converted')}`}
          >
            <div className="stat-pair">
              <FigureLink
                big
                label={`${t('stats.notFiled')} ${s.notFiled.value}`}
                onClick={() => open(s.notFiled, t('stats.notFiled'))}
              >
                {formatCount(s.notFiled.value, lang)}
                <span className="stat-unit">{t('stats.unit')}</span>
              </FigureLink>
              <span className="stat-divide" aria-hidden>
                /
              </span>
              <FigureLink
                big
                label={`${t('stats.converted')} ${s.converted.value}`}
                onClick={() => open(s.converted, t('stats.converted'))}
              >
                {formatCount(s.converted.value, lang)}
                <span className="stat-unit">{t('stats.unit')}</span>
              </FigureLink>
            </div>
            <div className="stat-sub muted">
              {t('stats.notFiled')} / {t('stats.converted')}
            </div>
          </StatCard>
        </Col>
        <Col {...cardCol}>{rateCard('replyRate', t('stats.replyRate'), '#1554ad')}</Col>
        <Col {...cardCol}>{rateCard('onTimeReplyRate', t('stats.onTimeReplyRate'), '#1554ad')}</Col>
        <Col {...cardCol}>{rateCard('satisfactionPerProposal', t('stats.satisfaction'), '#2e7d32')}</Col>
        <Col {...cardCol}>{countCard(s.key, t('stats.key'), 'key')}</Col>
      </Row>
    </Section>
  );
}

/** 满意度: the three satisfaction rates side by side, and the ratings given with those not rated. */
export function SatisfactionSection({ stats: s, kit }: { stats: ProposalStats; kit: FigureKit }) {
  const { t, lang } = useI18n();
  const { count, def, open, rateCard } = kit;
  const ratingNote = t('stats.note.ratings');
  return (
    <Section title={t('stats.section.satisfaction')}>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={8}>
          {rateCard('satisfactionPerProposal', t('stats.satisfactionPerProposal'), '#2e7d32')}
        </Col>
        <Col xs={24} md={8}>
          {rateCard('satisfactionPerRating', t('stats.satisfactionPerRating'), '#2e7d32')}
        </Col>
        <Col xs={24} md={8}>
          {rateCard('satisfactionOverFiled', t('stats.satisfactionOverFiled'), '#2e7d32')}
        </Col>
      </Row>
      <Card size="small" style={{ marginTop: 12 }}>
        <div className="stat-ratings">
          <span className="stat-ratings-head">{t('stats.ratings')}</span>
          {s.ratings.map((r) => {
            const name = t(
              `stats.rating.${r.level === 'basically_satisfied' ? 'basicallySatisfied' : r.level}`,
            );
            return (
              <FigureLink
                key={r.level}
                label={`${name} ${r.ratings}`}
                onClick={() => open(r.proposals, `${name} · ${t('stats.rating.proposals')}`, ratingNote)}
              >
                {name} {t('stats.copies', { n: formatCount(r.ratings, lang) })}
              </FigureLink>
            );
          })}
          <FigureLink
            label={`${t('stats.notRated')} ${s.notRated.value}`}
            onClick={() => open(s.notRated, t('stats.notRated'))}
          >
            {t('stats.notRated')} {count(s.notRated.value)}
          </FigureLink>
        </div>
        <p className="stat-def">{def('ratings')}</p>
      </Card>
    </Section>
  );
}
