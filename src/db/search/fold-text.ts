// German folding for search, shared by Suche's index and the partner directory's
// filter (which must not pull the search index's code into its screen).

/** Lower case, ß → ss, umlauts and accents to their base letter (Turkish ı to i), ae/oe/ue → a/o/u. */
export function normalizeTerm(term: string): string {
  return term
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ı/g, 'i')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/ue/g, 'u');
}
