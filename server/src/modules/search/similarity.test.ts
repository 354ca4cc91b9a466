import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { baseSegmenter } from '../../platform/text/segmenter.ts';
import { type CorpusStats, estimatedDf, estimatedPairDf } from './queries/corpus-stats.ts';
import { comparedText, inputText } from './queries/similar-proposals.ts';
import {
  cosine,
  coverage,
  heaviest,
  pairKey,
  sequenceOverlap,
  sequencesOf,
  similarity,
  vectorOf,
  WordIds,
} from './queries/similarity.ts';
import { elderCare } from './similar.test-corpus.ts';

describe('similarity: shared words, and shared wording for copies', () => {
  const seg = baseSegmenter();
  const ids = new WordIds(seg, () => 1);
  const words = (text: string) => seg.tokensForQuery(text).map((t) => t.word);
  const body = [elderCare.situation, elderCare.analysis, elderCare.suggestions].join('\n');
  const original = [...words(elderCare.title), ...words(body)];

  it('counts words and compares tf-idf vectors (cosine, coverage, the heaviest words)', () => {
    const idf = new Map([
      ['养老', 3],
      ['社区', 2],
      ['服务', 1],
      ['停车', 4],
    ]);
    const table = new WordIds(seg, (w) => idf.get(w) ?? 1);
    const counted = table.counts(table.ids(['服务', '养老', '服务', '社区', '服务']));
    assert.deepEqual(
      [...counted.ids].map((id, i) => [table.word(id), counted.counts[i]]),
      [
        ['服务', 3],
        ['养老', 1],
        ['社区', 1],
      ],
      'ids in ascending order (the order words were first seen), with their counts',
    );
    const a = vectorOf(counted, table);
    // 服务 three times: (1 + ln 3) × 1; 养老 3; 社区 2.
    assert.ok(Math.abs(a.norm - Math.hypot(1 + Math.log(3), 3, 2)) < 1e-12);
    assert.ok(Math.abs(cosine(a, a) - 1) < 1e-12);
    const b = vectorOf(table.counts(table.ids(['养老', '停车'])), table);
    assert.ok(Math.abs(cosine(a, b) - (3 * 3) / (a.norm * b.norm)) < 1e-12, 'only 养老 is shared');
    assert.equal(cosine(b, vectorOf(table.counts(table.ids(['服务'])), table)), 0);
    assert.equal(coverage(b, counted), 3 / 7, '养老 (3) of 养老 + 停车 (3 + 4)');
    const top = heaviest(a, 2);
    assert.deepEqual(
      [...top.ids].map((id) => table.word(id)).sort(),
      ['养老', '服务'].sort(),
      '3 and 2.1 over 2',
    );
    assert.ok(
      [...top.ids].every((id, i) => i === 0 || top.ids[i - 1]! < id),
      'still in id order',
    );
    assert.ok(Math.abs(top.norm - Math.hypot(3, 1 + Math.log(3))) < 1e-12);
  });

  it('counts adjacent word pairs and their overlap', () => {
    const [community, elderly, service] = ids.ids(['社区', '养老', '服务']) as [number, number, number];
    assert.deepEqual(
      [...sequencesOf([community, elderly, service])],
      [pairKey(community, elderly), pairKey(elderly, service)].sort((x, y) => x - y),
    );
    assert.notEqual(pairKey(community, elderly), pairKey(elderly, community), 'pairs are ordered');
    const pairs = (words: string[]) => sequencesOf(ids.ids(words));
    const a = pairs(['a', 'b', 'c', 'd']);
    assert.equal(sequenceOverlap(a, a), 1);
    assert.equal(sequenceOverlap(a, pairs(['d', 'c', 'b', 'a'])), 0);
    assert.equal(sequenceOverlap(a, pairs(['a', 'b', 'x', 'y'])), 1 / 3);
    assert.equal(sequenceOverlap(a, new Float64Array()), 0);
    assert.equal(sequencesOf(ids.ids(['a', 'b', 'a', 'b'])).length, 2, 'each pair once');
  });

  it('puts a partial copy above a text of the same words in other order, only when comparing wording', () => {
    // Every word of the original, none of its word pairs (a text written apart on the same matter).
    const apart = comparedText(ids, elderCare.title, [...original].reverse().join(' '));
    // The original's first half word for word, then words of another matter.
    const half = original.slice(0, Math.floor(original.length / 2));
    const other = words('建议加快建设城市停车设施，推进智慧停车平台，规范路内停车收费，缓解停车难问题。');
    const copy = comparedText(ids, elderCare.title, [...half, ...other].join(' '));
    const drafted = inputText(ids, elderCare.title, body);
    const wordsOnly = { ...drafted, pairs: undefined };
    assert.ok(similarity(wordsOnly, apart) > similarity(wordsOnly, copy), 'by words, the same words win');
    assert.ok(similarity(drafted, copy) > similarity(drafted, apart), 'by wording, the copy wins');
    // Shared wording never makes a text of the same words unrelated: it keeps half its score.
    assert.ok(similarity(drafted, apart) >= 0.5 * similarity(wordsOnly, apart) - 1e-9);
  });
});

describe('corpus frequencies: words and pairs counted in the sample', () => {
  // A sample of 4 proposals out of 400: 土壤 in 0, 1, 2; 污染 in 1, 2, 3; 停车 in 3 only.
  const stats: CorpusStats = {
    total: 400,
    sampled: 4,
    postings: new Map([
      ['土壤', Int32Array.from([0, 1, 2])],
      ['污染', Int32Array.from([1, 2, 3])],
      ['养老', Int32Array.from([0, 3])],
    ]),
    takenAt: Date.now(),
  };

  it('estimates a word by its sample count, and a pair by the proposals that hold both', () => {
    assert.equal(estimatedDf(stats, '土壤'), 300);
    assert.equal(estimatedDf(stats, '停车'), 100, 'a word of one sampled proposal counts as one');
    assert.equal(estimatedPairDf(stats, '土壤', '污染'), 200, 'together in 1 and 2, not 3 × 3 / 4');
    assert.equal(estimatedPairDf(stats, '污染', '土壤'), 200);
    assert.equal(estimatedPairDf(stats, '土壤', '养老'), 100);
    assert.equal(estimatedPairDf(stats, '养老', '停车'), 100, 'never together: at most one in the sample');
  });
});
