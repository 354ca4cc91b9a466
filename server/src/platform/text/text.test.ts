import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeHtml, findHits, renderHighlighted, snippetOf } from './highlight.ts';
import { normalizeText } from './normalize.ts';
import { parseSearchQuery, toLooseTsQuery, toTsQuery } from './query.ts';
import { baseSegmenter, createSegmenter, type Token, tokensForIndex, tokensForQuery } from './segmenter.ts';
import { stopWords } from './stop-words.ts';
import { toTsVector } from './tsvector.ts';
import { governmentVocabulary } from './vocabulary.ts';

const words = (tokens: { word: string }[]) => tokens.map((t) => t.word);

describe('text: segmentation', () => {
  it('has at least 150 distinct government and CPPCC words', () => {
    assert.ok(governmentVocabulary.length >= 150, String(governmentVocabulary.length));
    assert.equal(new Set(governmentVocabulary).size, governmentVocabulary.length);
  });

  it('keeps the vocabulary whole and indexes its parts too (cutForSearch)', () => {
    const t = tokensForIndex('关于推进老旧小区改造和医养结合的建议：12345热线、营商环境');
    assert.deepEqual(words(t), [
      '推进',
      '老旧',
      '小区',
      '改造',
      '老旧小区改造',
      '医养',
      '结合',
      '医养结合',
      '热线',
      '12345热线',
      '营商',
      '环境',
      '营商环境',
    ]);
    const whole = t.find((x) => x.word === '老旧小区改造')!;
    const part = t.find((x) => x.word === '小区')!;
    assert.deepEqual([whole.start, whole.end, whole.part], [4, 10, false]);
    assert.deepEqual([part.start, part.end, part.part], [6, 8, true]);
  });

  it('indexes the 五助 services inside the compounds that name them', () => {
    // 助餐 alone is found in 老年助餐 (a query for it is the one word, not 助 + 餐).
    assert.ok(words(tokensForIndex('推进老年助餐点建设')).includes('助餐'));
    assert.deepEqual(words(tokensForQuery('助餐')), ['助餐']);
  });

  it('keeps 厨余垃圾 and 家校协同 whole, not as single characters', () => {
    assert.deepEqual(words(tokensForQuery('厨余垃圾 家校协同')), ['厨余垃圾', '家校协同']);
    assert.ok(words(tokensForIndex('推进家校协同育人')).includes('家校'));
  });

  it('cuts queries without the search-mode parts (cut)', () => {
    assert.deepEqual(words(tokensForQuery('老旧小区改造 养老服务')), ['老旧小区改造', '养老服务']);
  });

  it('drops stop words, the genre frame (关于…的建议/提案) and punctuation', () => {
    assert.deepEqual(words(tokensForQuery('关于加强养老的建议和提案。')), ['加强', '养老']);
    for (const w of ['的', '和', '与', '及', '等', '关于', '建议', '提案']) assert.ok(stopWords.has(w), w);
    // Compounds that contain them are words of their own.
    assert.deepEqual(words(tokensForQuery('重点提案')), ['重点提案']);
  });

  it('normalizes full-width characters and case, mapping back to the original', () => {
    assert.deepEqual(words(tokensForQuery('ＡＢＣ１２３４５热线')), ['abc', '12345热线']);
    const n = normalizeText('Ａ养');
    assert.equal(n.text, 'a养');
    assert.deepEqual(
      [n.sourceStart, n.sourceEnd],
      [
        [0, 1],
        [1, 2],
      ],
    );
  });

  it('adds words to a segmenter of its own, never to the shared one', () => {
    const seg = createSegmenter(['民呼我为']);
    assert.ok(words(seg.tokensForIndex('我市民呼我为机制')).includes('民呼我为'));
    assert.ok(!words(tokensForIndex('我市民呼我为机制')).includes('民呼我为'));
    seg.addWords(['智慧停车场']);
    assert.ok(words(seg.tokensForQuery('智慧停车场')).includes('智慧停车场'));
  });
});

describe('text: queries', () => {
  it('ANDs the words and searches a long word also as the chain of its parts', () => {
    assert.equal(toTsQuery('养老'), "'养老'");
    assert.equal(toTsQuery('养老 托育'), "'养老' & '托育'");
    assert.equal(toTsQuery('老旧小区'), "('老旧小区' | '老旧' <2> '小区')");
  });

  it('loosens every chain to its lexemes for finding candidates (a superset of the exact matches)', () => {
    assert.equal(toLooseTsQuery(parseSearchQuery('养老 托育')), "('养老') & ('托育')");
    assert.equal(toLooseTsQuery(parseSearchQuery('老旧小区')), "(('老旧小区') | ('老旧' & '小区'))");
    assert.equal(toLooseTsQuery(parseSearchQuery('3.5亿')), "('3' & '5' & '亿')");
    assert.equal(toLooseTsQuery(parseSearchQuery('的')), null);
  });

  it('turns a quoted phrase into character distances, with stop words as gaps', () => {
    assert.equal(toTsQuery('"老旧小区改造"'), "('老旧小区改造' | '老旧' <2> '小区' <2> '改造')");
    assert.equal(toTsQuery('“养老的问题”'), "'养老' <3> '问题'");
    assert.equal(toTsQuery('「城市交通管理」'), "('城市' <2> '交通管理' | '城市' <2> '交通' <2> '管理')");
  });

  it('keeps single characters typed together as one phrase (3.5亿, unknown names)', () => {
    assert.equal(toTsQuery('3.5亿'), "'3' <2> '5' <1> '亿'");
  });

  it('never lets user input become tsquery syntax', () => {
    for (const hostile of [
      "'; drop table proposals; --",
      'a & b | !c <-> d:* (e)',
      "'\\'",
      '"unclosed 养老',
      '!!!***:::',
      '养'.repeat(1000),
    ]) {
      const q = toTsQuery(hostile);
      if (q === null) continue;
      // Every lexeme quoted; only our operators outside the quotes.
      const outside = q.replace(/'(?:[^']|'')*'/g, 'L');
      assert.match(outside, /^[L&|()<>\d\s]*$/, `${hostile} → ${q}`);
    }
    assert.equal(toTsQuery("it's"), "'it' & 's'");
    assert.equal(toTsQuery('"unclosed 养老'), "'unclosed' & '养老'");
  });

  it('reports a query made only of stop words', () => {
    const q = parseSearchQuery('关于 建议 的 提案');
    assert.deepEqual([q.terms.length, q.onlyStopWords], [0, true]);
    assert.equal(toTsQuery(q), null);
    assert.deepEqual(parseSearchQuery('!!!').onlyStopWords, false);
  });

  it('lets an admin word still find texts indexed before it was added', () => {
    const seg = createSegmenter(['村超']);
    assert.equal(toTsQuery('村超', { segmenter: seg }), "('村超' | '村' <1> '超')");
  });
});

describe('text: index documents', () => {
  it('writes character positions, title weight A, fields apart', () => {
    const doc = toTsVector([{ text: '养老服务', weight: 'A' }, { text: "it's 老旧小区" }]);
    assert.equal(
      doc.tsv,
      "'养老':1A '服务':3A '养老服务':1A 'it':205 's':208 '老旧':210 '小区':212 '老旧小区':210",
    );
    assert.equal(doc.firstTsv, "'养老':1A '服务':3A '养老服务':1A");
    assert.equal(doc.tokens, '养老服务 it s 老旧小区');
  });

  it('escapes quotes and backslashes in lexemes', () => {
    assert.equal(toTsVector([{ text: "o'neil" }]).tsv, "'o':1 'neil':3");
    assert.match(toTsVector([{ text: 'c++' }]).tsv, /^'c\+\+':1$/);
  });
});

describe('text: highlighting', () => {
  it('escapes everything and marks the hits the index would match', () => {
    const text = '我市<b>老年人口</b>多，养老服务不足；推进老旧小区改造，培养老师。';
    const q = parseSearchQuery('养老 "老旧小区改造"');
    const html = renderHighlighted(text, findHits(text, q));
    assert.equal(
      html,
      '我市&lt;b&gt;老年人口&lt;/b&gt;多，<mark>养老</mark>服务不足；推进<mark>老旧小区改造</mark>，培养老师。',
    );
    assert.equal(
      escapeHtml(`<a href="x" onclick='y'>&`),
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;',
    );
  });

  it('finds the same hits as cutting the whole text, while cutting only the runs around the chains', () => {
    // The oracle: every token of the whole text, then the same chain matching as findHits.
    const seg = baseSegmenter();
    const oracle = (text: string, query: ReturnType<typeof parseSearchQuery>) => {
      const norm = normalizeText(text);
      const tokens = seg.segmentNormalized(norm.text, 'index');
      const at = (word: string, start: number) =>
        tokens.find((t: Token) => t.word === word && t.start === start);
      const hits: { start: number; end: number; term: number }[] = [];
      query.terms.forEach((term, index) => {
        for (const chain of term.alternatives) {
          for (const t of tokens.filter((x) => x.word === chain[0]!.lexeme)) {
            const rest = chain.slice(1).map((p) => at(p.lexeme, t.start + p.at));
            if (rest.some((r) => !r)) continue;
            const end = Math.max(t.end, ...rest.map((r) => r!.end));
            hits.push({ start: norm.sourceStart[t.start]!, end: norm.sourceEnd[end - 1]!, term: index });
          }
        }
      });
      return hits.sort((a, b) => a.start - b.start || b.end - a.end);
    };
    // Texts of vocabulary words, plain characters, punctuation, spaces, letters and numbers (seeded).
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const pieces = [
      ...governmentVocabulary.slice(0, 80),
      '养老',
      '服务',
      '老旧小区',
      '改造',
      '培养老师',
      '的',
      '我市',
      // Cut whole, with dictionary parts of two and three characters (repeated ones too) in search mode.
      '中华人民共和国',
      '市民政局',
      '哈哈哈哈',
      'xyz3',
    ];
    const breaks = ['', '', '', '，', '。', ' ', '、', 'ＡＩ', '3.5', '“', '”', '\n', '12345'];
    const queries = [
      '养老',
      '"老旧小区改造"',
      '老旧小区 改造',
      '12345热线',
      'ai',
      '3.5',
      '社情民意',
      '医养结合 养老',
      // Chains across a break, with a stop word's gap, and with a one-character part (anchored on the longest).
      '"养老 服务"',
      '"改造，养老"',
      '"我市的养老"',
      '"的我市"',
      '培养老师',
      '共和国',
      '政局',
      '哈哈哈',
      // Not a dictionary word: never a part of xyz3.
      'xy',
    ];
    let compared = 0;
    for (let i = 0; i < 60; i++) {
      const text = Array.from(
        { length: 40 },
        () => pieces[next(pieces.length)]! + breaks[next(breaks.length)]!,
      ).join('');
      for (const q of queries) {
        const query = parseSearchQuery(q);
        const expected = oracle(text, query);
        assert.deepEqual(findHits(text, query), expected, `${q} in ${text}`);
        compared += expected.length;
      }
    }
    assert.ok(compared > 200, `only ${compared} hits compared`);
    for (const part of ['共和国', '政局', '哈哈哈']) {
      const texts = Array.from({ length: 3 }, () => `他说中华人民共和国市民政局哈哈哈哈。`);
      assert.ok(findHits(texts.join(''), parseSearchQuery(part)).length >= 3, `${part} found as a part`);
    }
    // Chains whose hits reach past the anchor's run: across a space or a comma, and a gap left by a stop word.
    const fixed = '推进养老 服务，老旧小区改造，养老。我市的养老工作、非遗传承人 培养人才。';
    for (const q of ['"养老 服务"', '"改造，养老"', '"我市的养老"', '非遗传承人', '"传承人 培养"']) {
      const query = parseSearchQuery(q);
      const expected = oracle(fixed, query);
      assert.ok(expected.length > 0, `${q} is in the text`);
      assert.deepEqual(findHits(fixed, query), expected, q);
    }
  });

  it('maps hits in full-width text back to the original characters', () => {
    const text = 'ＡＩ养老';
    assert.equal(renderHighlighted(text, findHits(text, parseSearchQuery('ai'))), '<mark>ＡＩ</mark>养老');
  });

  it('cuts a window around the densest hits, with ellipses', () => {
    const text = `${'前文'.repeat(100)}推进养老服务和托育服务。${'后文'.repeat(100)}`;
    const s = snippetOf(text, findHits(text, parseSearchQuery('养老 托育')), 40);
    assert.equal(s.terms, 2);
    assert.ok(s.html.startsWith('…') && s.html.endsWith('…'), s.html);
    assert.ok(s.html.includes('<mark>养老</mark>服务和<mark>托育</mark>'), s.html);
    assert.equal(snippetOf('短文本', []).html, '短文本');
    // A text shorter than the window is shown whole, however late its hit.
    const short = '我市老年人口已占总人口的21%，社区养老设施不足。';
    assert.equal(
      snippetOf(short, findHits(short, parseSearchQuery('养老'))).html,
      '我市老年人口已占总人口的21%，社区<mark>养老</mark>设施不足。',
    );
  });
});
