/**
 * Dispositions became an ordered list on each store (`Store.dispositions`, seed 002), so the
 * table of loose disposition rows is no longer synced. Frozen once shipped.
 */
export const version = 4;

export const up = `
DROP TABLE dispositions;
`;
