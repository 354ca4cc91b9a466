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
  'search.summaryBroad':
    'Very many proposals match: these are the {total} latest and title matches, most relevant first; add words or filters to narrow it down',
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
  'sim.panel.title': 'Similar proposals',
  'sim.panel.hint':
    'Proposals of this and past sessions close to your title and text, so nothing is proposed twice.',
  'sim.panel.typing': 'Type a title (4+ characters) or some text to see similar proposals here.',
  'sim.panel.none': 'No similar proposals found.',
  'sim.panel.loading': 'Looking for similar proposals…',
  'sim.score': 'Similarity {pct}%',
  'sim.answered': 'Answered in {year} by {units}',
  'sim.viewReply': 'View the reply',
  'sim.rq.similar': 'Similar',
  'sim.rq.similarOf': 'Proposals similar to “{title}”',
  'sim.rq.noneSimilar': 'No closely similar proposals',
  'sim.merge.title': 'Merge candidates',
  'sim.merge.desc':
    'Proposals of this session awaiting review with the same or close content, grouped. Pick the parent and merge the others in one step; a parent not yet filed is filed and numbered too.',
  'sim.merge.pickSession': 'Choose a session in the filters above to see merge candidates.',
  'sim.merge.none': 'No similar proposals among those awaiting review in this session.',
  'sim.merge.group': 'Group {n} · highest similarity {pct}%',
  'sim.merge.parent': 'Parent',
  'sim.merge.parentOf': 'Parent of group {n}',
  'sim.merge.action': 'Merge',
  'sim.merge.confirm': 'Confirm the merge',
  'sim.merge.confirmBody':
    'Merge these {n} proposals into “{title}”; their proposers and co-signers join it:',
  'sim.merge.fileParent': 'The parent is not filed yet: it is filed and numbered as well.',
  'sim.merge.done': 'Merged {n} proposals into the parent',
  'sim.units.title': 'Suggested handler units',
  'sim.units.desc': 'From the units that handled similar proposals; accept one into the plan or ignore them.',
  'sim.units.none': 'No handled similar proposals to go by.',
  'sim.units.accept': 'Accept',
  'sim.units.acceptLabel': 'Accept “{name}” as a handler unit',
  'sim.units.inPlan': 'In the plan',
  'sim.units.ignore': 'Ignore',
  'sim.units.evidence': 'Similar proposals it handled',
  'sim.units.score': 'Summed similarity {score}',
};
