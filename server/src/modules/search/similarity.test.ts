import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { baseSegmenter } from '../../platform/text/segmenter.ts';
import { comparedText, inputText } from './queries/similar-proposals.ts';
import { sequenceOverlap, sequencesOf, similarity } from './queries/similarity.ts';
import { elderCare } from './similar.test-corpus.ts';

describe('similarity: shared words, and shared wording for copies', () => {
  const seg = baseSegmenter();
  const idf = () => 1;
  const words = (text: string) => seg.tokensForQuery(text).map((t) => t.word);
  const body = [elderCare.situation, elderCare.analysis, elderCare.suggestions].join('\n');
  const original = [...words(elderCare.title), ...words(body)];

  it('counts adjacent word pairs and their overlap', () => {
    assert.deepEqual([...sequencesOf(['社区', '养老', '服务'])], ['社区 养老', '养老 服务']);
    const a = sequencesOf(['a', 'b', 'c', 'd']);
    assert.equal(sequenceOverlap(a, a), 1);
    assert.equal(sequenceOverlap(a, sequencesOf(['d', 'c', 'b', 'a'])), 0);
    assert.equal(sequenceOverlap(a, sequencesOf(['a', 'b', 'x', 'y'])), 1 / 3);
    assert.equal(sequenceOverlap(a, new Set()), 0);
  });

  it('puts a partial copy above a text of the same words in other order, only when comparing wording', () => {
    // Every word of the original, none of its word pairs (a text written apart on the same matter).
    const apart = comparedText(seg, idf, elderCare.title, [...original].reverse().join(' '));
    // The original's first half word for word, then words of another matter.
    const half = original.slice(0, Math.floor(original.length / 2));
    const other = words('建议加快建设城市停车设施，推进智慧停车平台，规范路内停车收费，缓解停车难问题。');
    const copy = comparedText(seg, idf, elderCare.title, [...half, ...other].join(' '));
    const drafted = inputText(seg, idf, elderCare.title, body);
    const wordsOnly = { ...drafted, pairs: undefined };
    assert.ok(similarity(wordsOnly, apart) > similarity(wordsOnly, copy), 'by words, the same words win');
    assert.ok(similarity(drafted, copy) > similarity(drafted, apart), 'by wording, the copy wins');
    // Shared wording never makes a text of the same words unrelated: it keeps half its score.
    assert.ok(similarity(drafted, apart) >= 0.5 * similarity(wordsOnly, apart) - 1e-9);
  });
});
