import type { searchZh } from './messages.zh-CN.ts';

/** Full-text search and the search dictionary in English, merged into `i18n/en.ts`. */
export const searchEn: Record<keyof typeof searchZh, string> = {
  'nav.search': 'Search',
  'nav.searchDictionary': 'Search dictionary',

  'search.title': 'Search',
  'search.navDesc': 'Find proposals of every session by words in their title, text and replies',
  'search.desc':
    'Searches the proposals you may read: title, situation, analysis, suggestions and sent replies.',
  'search.placeholder': 'Words, e.g. 养老 托育; quote a phrase to find it as written, e.g. "老旧小区改造"',
  'search.headerPlaceholder': 'Search proposals',
  'search.hint':
    'Words separated by spaces must all occur; a quoted phrase must occur as written. Common words such as 关于, 建议 and 提案 are ignored.',
  'search.summary': '{total} proposals found, most relevant first',
  'search.noHits': 'No proposal found. Try other words or fewer filters',
  'search.source.situation': 'Situation: ',
  'search.source.analysis': 'Analysis: ',
  'search.source.suggestions': 'Suggestions: ',
  'search.source.reply': 'Reply: ',

  'search.dict.title': 'Search dictionary',
  'search.dict.navDesc': 'Local words for Chinese segmentation; rebuild the search index',
  'search.dict.desc':
    'Common CPPCC and government terms are built in. When a local term is cut into single characters or cut wrongly, add it here: new text and new searches use it at once.',
  'search.dict.words': "The committee's words",
  'search.dict.word': 'Word',
  'search.dict.wordPlaceholder': '2–20 characters, e.g. 民呼我为',
  'search.dict.wordRequired': 'Enter a word',
  'search.dict.addedBy': 'Added by',
  'search.dict.empty': 'No words added yet',
  'search.dict.added':
    'Added “{word}”. New text and searches use it at once; rebuild the index for existing proposals.',
  'search.dict.deleteHint': 'New searches stop treating it as one word; the index changes after a rebuild.',
  'search.dict.rebuildTitle': 'Rebuild the search index',
  'search.dict.rebuildDesc':
    'The index holds {n} texts (proposals and replies). After changing words, rebuild it so existing proposals are cut with the new dictionary; the system stays usable meanwhile.',
  'search.dict.rebuild': 'Rebuild index',
  'search.dict.rebuilt': 'The search index was rebuilt',
  'search.dict.progress': '{done}/{total}',
  'search.dict.builtin': 'Built-in words ({n})',
  'search.dict.stopWords': 'Common words not searched ({n})',
  'search.dict.stopWordsDesc': 'Nearly every proposal has them (关于……的建议), so search ignores them.',

  'target.search_word': 'Search word',
  'target.search_index': 'Search index',
  'auditAction.search_word.added': 'Added a search word',
  'auditAction.search_word.deleted': 'Deleted a search word',
  'auditAction.search_index.rebuilt': 'Rebuilt the search index (one batch)',
};
