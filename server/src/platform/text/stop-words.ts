/**
 * Tokens left out of the index and out of queries. Two kinds:
 *
 *  - function words (的 了 和 与 及 等 在 对 为 …) that jieba emits as tokens of their own: they carry no
 *    meaning a search could use, and every document has them;
 *  - the genre's frame: 关于 / 建议 / 提案. Nearly every proposal title reads "关于……的建议/提案" and every
 *    reply letter "您提出的关于……的提案收悉", so these words match the whole corpus: a query for 建议 would
 *    rank nothing and count everything, and as one term among others it would only add noise to the rank.
 *    Dropping them is what makes a title like "关于加强社区养老服务的建议" rank by 社区 / 养老 / 服务.
 *    Compounds that contain them stay words of their own (提案办理, 重点提案, 意见建议, 建议案).
 *
 * Positions of the other tokens are character offsets, so a dropped word leaves its gap: a quoted phrase
 * "养老的问题" still requires 养老 and 问题 three characters apart. A query made only of stop words is
 * refused with a message that says so (see `parseSearchQuery`).
 */
export const stopWords: ReadonlySet<string> = new Set([
  // the genre's frame
  '关于',
  '建议',
  '提案',
  // particles and conjunctions
  '的',
  '地',
  '得',
  '了',
  '着',
  '过',
  '之',
  '和',
  '与',
  '及',
  '以及',
  '或',
  '或者',
  '并',
  '并且',
  '而',
  '而且',
  '且',
  '但',
  '但是',
  '则',
  '即',
  '等',
  '等等',
  '啊',
  '吗',
  '呢',
  '吧',
  // prepositions and copulas
  '在',
  '是',
  '对',
  '对于',
  '为',
  '为了',
  '将',
  '把',
  '被',
  '从',
  '以',
  '于',
  '由',
  '向',
  '按',
  '按照',
  '根据',
  '通过',
  // pronouns and determiners
  '其',
  '其中',
  '该',
  '此',
  '这',
  '那',
  '这些',
  '那些',
  '这个',
  '那个',
  '我们',
  '你们',
  '他们',
  '各',
  '每',
  '个',
  // adverbs with no search value
  '也',
  '都',
  '就',
  '又',
  '还',
  '已',
  '已经',
  '所',
  '有关',
]);
