import type { GermanTexts } from './de';

/** The shape every translation must have: the German resources with their strings widened. */
type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<GermanTexts>;
