/**
 * How long the 提案汇编 of a large session takes and how big it is:
 *   npx node server/src/platform/documents/compilation.bench.ts [proposals=600] [characters=1500]
 * Text is pseudo-random Chinese with punctuation, numbers and a few Latin words, so it compresses like real text.
 */
import { type CompilationProposal, proposalCompilationDocx } from './compilation.ts';
import { readZipEntry } from './zip-entries.ts';

const count = Number(process.argv[2] ?? 600);
const characters = Number(process.argv[3] ?? 1500);

let seed = 20250301;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const HAN = [
  ...'的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研',
];

function sentence(): string {
  let s = '';
  const length = 10 + Math.floor(random() * 36);
  for (let i = 0; i < length; i++) {
    const r = random();
    if (r < 0.03) s += String(Math.floor(random() * 10000));
    else if (r < 0.04) s += pick(['GDP', 'PM2.5', '5G']);
    else if (r < 0.05) s += `“${pick(['放管服', '一网通办'])}”`;
    else if (r < 0.11 && i > 3) s += pick(['，', '，', '、', '；']);
    else s += pick(HAN);
  }
  return `${s}。`;
}

function text(length: number): string {
  const paragraphs: string[] = [];
  let total = 0;
  while (total < length) {
    let p = '';
    const target = Math.min(length - total, 60 + random() * 240);
    while (p.length < target) p += sentence();
    paragraphs.push(p);
    total += p.length;
  }
  return paragraphs.join('\n');
}

const proposals: CompilationProposal[] = Array.from({ length: count }, (_, i) => ({
  number: i + 1,
  title: `关于${sentence()
    .slice(0, 8 + Math.floor(random() * 20))
    .replace(/[，、；。“”]/g, '')}的建议`,
  proposerLine: i % 6 === 0 ? '提案人：民盟同心市委员会' : '提案人：王建国　联名：李明、张华',
  category: pick(['经济', '政治', '文化', '社会', '生态文明']),
  handlersLine: '主办：同心市住房和城乡建设局；会办：同心市财政局',
  situation: text(characters * 0.35),
  analysis: text(characters * 0.3),
  suggestions: text(characters * 0.35),
}));
const chars = proposals.reduce(
  (n, p) => n + p.title.length + p.situation.length + p.analysis.length + p.suggestions.length,
  0,
);

const started = performance.now();
const buffer = await proposalCompilationDocx({
  committeeName: '政协同心市委员会',
  sessionName: '第十四届第四次会议',
  compiledAt: '2025-03-01',
  proposals,
});
const ms = performance.now() - started;
const xml = readZipEntry(buffer, 'word/document.xml')!.toString('utf8');
const pages = [...xml.matchAll(/PAGEREF p\d+<\/w:instrText>.*?<w:t[^>]*>(\d+)<\/w:t>/g)].map((m) =>
  Number(m[1]),
);
console.log(
  JSON.stringify({
    proposals: count,
    characters: chars,
    ms: Math.round(ms),
    bytes: buffer.length,
    rssMB: Math.round(process.memoryUsage().rss / 2 ** 20),
    documentXmlBytes: Buffer.byteLength(xml),
    lastProposalStartsOnPage: pages.at(-1),
  }),
);
