/**
 * Leads whose search document waits to be rebuilt: a bulk load (a first sync, the demo) marks
 * them here instead of indexing page by page, and `refreshSearch` indexes them all in one pass
 * (measured at 100k leads: 11 s page by page, under 3 s in one pass). Frozen once shipped.
 */
export const version = 3;

export const up = `
CREATE TABLE search_stale (lead_n INTEGER PRIMARY KEY) STRICT;
`;
