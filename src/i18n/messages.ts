import type { de } from './de';

/** The shape every translation must have: the German resource with its strings widened. */
type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof de>;
