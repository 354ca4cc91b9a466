import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createCorpus } from './corpus.ts';
import { reword } from './paraphrase.ts';
import { topics } from './topics.ts';
import { createRng } from '../prng.ts';

const corpus = createCorpus({ count: 2_000, sessions: 5 });
const textOf = (i: number) => {
  const p = corpus.proposal(i);
  return `${p.situation}${p.analysis}${p.suggestions}`;
};
/** Share of the sentences of `a` (split at 。) that occur word for word in `b`. */
const sharedSentences = (a: string, b: string) => {
  const sentences = a.split(/[。\n]/).filter((s) => s.length > 8);
  return sentences.filter((s) => b.includes(s)).length / sentences.length;
};
/** Jaccard similarity of the character trigrams of two texts. */
const trigramJaccard = (a: string, b: string) => {
  const grams = (s: string) => new Set(Array.from({ length: s.length - 2 }, (_, i) => s.slice(i, i + 3)));
  const ga = grams(a);
  const gb = grams(b);
  const shared = [...ga].filter((g) => gb.has(g)).length;
  return shared / (ga.size + gb.size - shared);
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('proposal corpus', () => {
  test('is deterministic: the same seed and index give the same proposal, in any order', () => {
    const again = createCorpus({ count: 2_000, sessions: 5 });
    for (const i of [1_999, 0, 734, 43]) assert.deepEqual(again.proposal(i), corpus.proposal(i));
    const other = createCorpus({ count: 2_000, sessions: 5, seed: 7 });
    assert.notEqual(other.proposal(0).title, corpus.proposal(0).title);
  });

  test('reads like proposals: 关于……的建议/提案, 情况 / 分析 / 建议 of 300 to 3,000 characters', () => {
    const lengths: number[] = [];
    for (let i = 0; i < corpus.count; i++) {
      const p = corpus.proposal(i);
      assert.match(p.title, /^关于.+(建议|提案)$/, p.title);
      assert.match(p.analysis, /^一是/);
      assert.match(p.suggestions, /^（一）/);
      lengths.push(textOf(i).length);
    }
    assert.ok(Math.min(...lengths) >= 300, `shortest ${Math.min(...lengths)}`);
    assert.ok(Math.max(...lengths) <= 3_000, `longest ${Math.max(...lengths)}`);
    const long = lengths.filter((n) => n >= 2_000).length;
    assert.ok(long > 100 && long < 1_000, `${long} of 2,000 over 2,000 characters`);
  });

  test('covers the five spheres with many topics', () => {
    const seen = new Map<string, Set<string>>();
    for (let i = 0; i < corpus.count; i++) {
      const p = corpus.proposal(i);
      seen.set(p.category, (seen.get(p.category) ?? new Set()).add(p.topic.noun));
    }
    assert.deepEqual([...seen.keys()].sort(), ['culture', 'ecology', 'economy', 'politics', 'society']);
    const nouns = [...seen.values()].reduce((n, s) => n + s.size, 0);
    assert.ok(nouns > topics.length * 0.9, `${nouns} topics used`);
  });

  test('ground truth: 10 % near-duplicates (across and within sessions), 5 % hard negatives', () => {
    const truth = corpus.groundTruth();
    const dups = truth.filter((p) => p.kind === 'paraphrase');
    const negatives = truth.filter((p) => p.kind === 'hard_negative');
    assert.equal(negatives.length, corpus.count / 20);
    assert.equal(dups.length, corpus.count / 10 - corpus.perSession / 20);
    for (const d of dups) {
      assert.ok(d.twinOf < d.index);
      assert.equal(corpus.proposal(d.twinOf).kind, 'original', 'a twin is an original');
      assert.equal(d.sameSession, corpus.sessionOf(d.twinOf) === corpus.sessionOf(d.index));
    }
    assert.ok(dups.some((d) => !d.sameSession) && dups.some((d) => d.sameSession));
    assert.ok(dups.filter((d) => !d.sameSession).every((d) => corpus.sessionOf(d.index) > 0));
  });

  test('a near-duplicate says the same in other words: another title, shared facts, not a copy', () => {
    const similarity: number[] = [];
    for (const d of corpus.groundTruth().filter((p) => p.kind === 'paraphrase')) {
      const dup = corpus.proposal(d.index);
      const twin = corpus.proposal(d.twinOf);
      assert.notEqual(dup.title, twin.title);
      assert.equal(dup.topic, twin.topic);
      const s = trigramJaccard(textOf(d.index), textOf(d.twinOf));
      similarity.push(s);
      if (d.variant === 'reworded') {
        assert.ok(s > 0.6, `${d.index} ~ ${d.twinOf}: ${s}`);
        assert.ok(sharedSentences(textOf(d.index), textOf(d.twinOf)) < 0.9, 'reworded, not copied');
      }
    }
    // Unrelated proposals of one topic share the templates' words, but far less than twins do.
    const originals = Array.from({ length: 300 }, (_, i) => corpus.proposal(i)).filter(
      (p) => p.kind === 'original',
    );
    const baseline: number[] = [];
    for (const [i, a] of originals.entries()) {
      for (const b of originals.slice(i + 1)) {
        if (a.topic === b.topic) baseline.push(trigramJaccard(textOf(a.index), textOf(b.index)));
      }
    }
    assert.ok(mean(baseline) < 0.35, `same topic ${mean(baseline)}`);
    assert.ok(
      mean(similarity) > mean(baseline) + 0.2,
      `twins ${mean(similarity)}, same topic ${mean(baseline)}`,
    );
  });

  test('a hard negative names the other proposal’s topic in its title but is about another topic', () => {
    for (const d of corpus
      .groundTruth()
      .filter((p) => p.kind === 'hard_negative')
      .slice(0, 40)) {
      const neg = corpus.proposal(d.index);
      const other = corpus.proposal(d.twinOf);
      assert.ok(neg.title.includes(other.topic.noun), neg.title);
      assert.notEqual(neg.topic.subCategory, other.topic.subCategory);
      assert.ok(sharedSentences(textOf(d.index), textOf(d.twinOf)) < 0.2);
    }
  });

  test('reword swaps words both ways and leaves other text alone', () => {
    const always = createRng(1);
    assert.equal(
      reword({ ...always, chance: () => true }, '加快推进老旧小区改造，群众满意', 1),
      '进一步推动老旧小区改造，居民满意',
    );
    assert.equal(reword({ ...always, chance: () => false }, '加快推进', 0), '加快推进');
  });
});
