/** The longest query the server accepts (a title is at most 100 characters, and so is a query). */
export const maxQueryLength = 100;

/** The filters of the search page, kept in the URL so back, reload and shared links keep them. */
export const searchFilterKeys = ['sessionId', 'state', 'category', 'proposerKind', 'handlerUnitId'] as const;
export type SearchFilterKey = (typeof searchFilterKeys)[number];
