/** 全文检索和检索词库的文字（简体中文），并入 `i18n/zh-CN.ts`。 */
export const searchZh = {
  'nav.search': '全文检索',
  'nav.searchDictionary': '检索词库',

  'search.title': '全文检索',
  'search.navDesc': '按词语检索历届提案的案由、正文和答复函',
  'search.desc': '检索您有权查看的各届提案：案由、情况、分析、建议和已发出的答复函。',
  'search.placeholder': '输入词语，如：养老 托育；加引号检索整个短语，如“老旧小区改造”',
  'search.headerPlaceholder': '检索提案',
  'search.hint':
    '多个词语用空格分开，须同时出现；用引号括起的短语须原样出现。“关于”“建议”“提案”等常用词不参与检索。',
  'search.summary': '共找到 {total} 件提案，按相关程度排列',
  'search.noHits': '没有找到相关提案，请换个词语或减少筛选条件',
  'search.source.situation': '情况：',
  'search.source.analysis': '分析：',
  'search.source.suggestions': '建议：',
  'search.source.reply': '答复函：',

  'search.dict.title': '检索词库',
  'search.dict.navDesc': '为中文分词添加本地词语，重建检索索引',
  'search.dict.desc':
    '系统已内置政协和政府工作常用词（如界别、社情民意、医养结合）。如本地说法被拆成单字或错切（如“民呼我为”），可在此添加，添加后新提交的内容和检索立即生效。',
  'search.dict.words': '本会添加的词语',
  'search.dict.word': '词语',
  'search.dict.wordPlaceholder': '2–20 个字，如：民呼我为',
  'search.dict.wordRequired': '请填写词语',
  'search.dict.addedBy': '添加人',
  'search.dict.empty': '还没有添加词语',
  'search.dict.added': '已添加“{word}”，新内容和检索立即按新词切分；已有提案请重建索引。',
  'search.dict.deleteHint': '删除后新检索不再把它当作一个词；已有索引在重建后更新。',
  'search.dict.rebuildTitle': '重建检索索引',
  'search.dict.rebuildDesc':
    '当前索引共 {n} 条（提案及答复函）。添加或删除词语后，重建索引使已有提案按新词库切分；重建期间可正常使用。',
  'search.dict.rebuild': '重建索引',
  'search.dict.rebuilt': '检索索引已重建',
  'search.dict.progress': '{done}/{total}',
  'search.dict.builtin': '内置词语（{n} 个）',
  'search.dict.stopWords': '不参与检索的常用词（{n} 个）',
  'search.dict.stopWordsDesc': '这些词几乎每件提案都有（如“关于……的建议”），检索时自动忽略。',

  'target.search_word': '检索词',
  'target.search_index': '检索索引',
  'auditAction.search_word.added': '添加检索词',
  'auditAction.search_word.deleted': '删除检索词',
  'auditAction.search_index.rebuilt': '重建检索索引（一批）',
} as const;
