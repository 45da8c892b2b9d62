export { SearchPage } from './SearchPage';
export { useDebounced, useSearch } from './use-search';
