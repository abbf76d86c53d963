/**
 * A tenant-wide list for a lead of `storeId` (saved replies, funnels): the store's own rows first,
 * then the ones for every store (storeId null), each part in `order`; other stores' are left out.
 */
export function storeFirst<T extends { storeId: string | null }>(
  rows: readonly T[],
  storeId: string,
  order: (a: T, b: T) => number,
): T[] {
  return [
    ...rows.filter((row) => row.storeId === storeId).sort(order),
    ...rows.filter((row) => row.storeId === null).sort(order),
  ];
}
