/**
 * Composes one proposal from a topic and its angle: a title like "关于加快推进……的建议" and 情况 / 分析 / 建议
 * as lists of units (sentences, numbered problems, numbered suggestions), so a paraphrase can reorder,
 * drop and re-word units before they are rendered into the three text fields.
 */
import type { Rng } from '../prng.ts';
import {
  districts,
  facetNouns,
  numerals,
  places,
  problems,
  problemVerbs,
  replyMeasures,
  replyNext,
  situationCloser,
  situationFacts,
  situationOpeners,
  suggestions,
  titleSuffixes,
  titleVerbs,
} from './sentences.ts';
import type { Topic } from './topics.ts';

/** What makes a proposal its own: topic, angle, lead unit and year fill every sentence. */
export interface Angle {
  topic: Topic;
  /** Three terms of the topic (the first is the focus). */
  terms: readonly [string, string, string];
  unit: string;
  year: number;
  /** The subject of the title, without verb or suffix: "社区居家养老服务体系". */
  core: string;
}

/** A proposal before rendering: the units of each section. */
export interface Draft {
  title: string;
  situation: string[];
  analysis: string[];
  suggestions: string[];
}

export interface ProposalText {
  situation: string;
  analysis: string;
  suggestions: string;
}

/** Picks an angle: three terms of the topic, its lead unit, and a title subject. */
export function pickAngle(rng: Rng, topic: Topic, year: number): Angle {
  const [a, b, c] = rng.sample(topic.terms, 3) as [string, string, string];
  const r = rng.next();
  const core =
    r < 0.5 ? rng.pick(topic.titles) : r < 0.75 ? `${topic.noun}中的${a}问题` : `${a}${rng.pick(facetNouns)}`;
  return { topic, terms: [a, b, c], unit: rng.pick(topic.units), year, core };
}

/** "关于加快推进社区居家养老服务体系的建议" (a problem subject takes 破解/解决). */
export function composeTitle(rng: Rng, angle: Angle): string {
  const isProblem = angle.core.endsWith('问题');
  const verb = rng.pick(isProblem ? problemVerbs : titleVerbs);
  const place = !isProblem && rng.chance(0.4) ? rng.pick(places) : '';
  return `关于${verb}${place}${angle.core}${rng.pick(titleSuffixes)}`.slice(0, 100);
}

/** Fills the placeholders of one sentence. */
export function fill(rng: Rng, s: string, angle: Angle): string {
  return s.replace(/\{(\w+)\}/g, (_, k: string) => {
    switch (k) {
      case 'T':
        return angle.topic.noun;
      case 'A':
        return angle.terms[0];
      case 'B':
        return angle.terms[1];
      case 'C':
        return angle.terms[2];
      case 'P':
        return rng.pick(places);
      case 'D':
      case 'D2':
        return rng.pick(districts);
      case 'U':
        return angle.unit;
      case 'X':
        return rng.pick(['界别', '专委会', '党派', '委员工作室']);
      case 'Y':
        return String(angle.year - 1);
      case 'Y2':
        return String(angle.year + rng.int(2, 5));
      case 'N':
        return String(rng.int(12, 980));
      case 'M':
        return String(rng.int(3, 60));
      case 'K':
        return String(rng.int(2, 95));
      case 'F':
        return (rng.int(5, 400) / 10).toFixed(1);
      case 'R':
        return String(rng.int(18, 92));
      case 'S':
        return String(rng.int(5, 45));
      default:
        return k;
    }
  });
}

/** A length from 300 to 3,000 characters, most between 600 and 1,800. */
export function pickLength(rng: Rng): number {
  return Math.min(2_900, Math.round(320 + 2_680 * rng.next() ** 1.8));
}

export function situationUnit(rng: Rng, angle: Angle): string {
  return fill(rng, rng.pick(situationFacts), angle);
}

export function problemUnit(rng: Rng, angle: Angle, i = rng.int(0, problems.length - 1)): string {
  const [head, body] = problems[i % problems.length]!;
  return `${head}。${fill(rng, body, angle)}`;
}

export function suggestionUnit(rng: Rng, angle: Angle, i = rng.int(0, suggestions.length - 1)): string {
  return fill(rng, suggestions[i % suggestions.length]!, angle);
}

/** The units of a new proposal of about `length` characters. */
export function composeDraft(rng: Rng, angle: Angle, length = pickLength(rng)): Draft {
  const situation = [fill(rng, rng.pick(situationOpeners), angle)];
  const facts = rng.shuffle(situationFacts);
  for (let i = 0; sum(situation) < length * 0.34 - 60; i++) {
    situation.push(fill(rng, facts[i % facts.length]!, angle));
  }
  situation.push(fill(rng, situationCloser, angle));
  const order = rng.shuffle(problems.map((_, i) => i));
  const analysis: string[] = [];
  for (let i = 0; analysis.length === 0 || sum(analysis) < length * 0.3; i++) {
    analysis.push(problemUnit(rng, angle, order[i % order.length]));
  }
  const items = rng.shuffle(suggestions.map((_, i) => i));
  const advice: string[] = [];
  const rest = length - sum(situation) - sum(analysis);
  for (let i = 0; advice.length === 0 || sum(advice) < rest; i++) {
    advice.push(suggestionUnit(rng, angle, items[i % items.length]));
  }
  return { title: composeTitle(rng, angle), situation, analysis, suggestions: advice };
}

/** Renders the units: 情况 as running text, 分析 as "一是……", 建议 as "（一）……". */
export function render(d: Draft): ProposalText {
  return {
    situation: d.situation.join(''),
    analysis: d.analysis.map((u, i) => `${numerals[i % numerals.length]}是${u}`).join('\n'),
    suggestions: d.suggestions.map((u, i) => `（${numerals[i % numerals.length]}）${u}`).join('\n'),
  };
}

const sum = (units: readonly string[]) => units.reduce((n, u) => n + u.length, 0);

/** A reply letter (答复函) of 300–900 characters. */
export function composeReply(
  rng: Rng,
  angle: Angle,
  o: { proposer: string; title: string; unit: string },
): string {
  const parts = [
    `${o.proposer}：`,
    `您提出的《${o.title}》收悉。${o.unit}高度重视，认真研究办理。现答复如下：`,
  ];
  const n = rng.int(2, 5);
  const measures = rng.shuffle(replyMeasures);
  for (let i = 0; i < n; i++) {
    parts.push(`${numerals[i]}、${fill(rng, measures[i % measures.length]!, { ...angle, unit: o.unit })}`);
  }
  parts.push(fill(rng, rng.pick(replyNext), angle));
  parts.push(`感谢您对${angle.topic.noun}工作的关心和支持。`, o.unit);
  return parts.join('\n');
}

/** A co-handling unit's opinion (会办意见) sent to the lead unit. */
export function composeCoOpinion(rng: Rng, angle: Angle, unit: string): string {
  return [
    `关于${angle.topic.noun}相关提案的会办意见：`,
    fill(rng, rng.pick(replyMeasures), { ...angle, unit }),
    `我单位同意主办单位的答复意见，并将按照职责分工配合做好${angle.terms[0]}相关工作。`,
    unit,
  ].join('\n');
}
