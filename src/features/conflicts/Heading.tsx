import type { ReactNode } from 'react';

export type HeadingLevel = 2 | 3 | 4 | 5;

/** A heading whose level depends on where the conflicts are shown (own page, case page, inside a note). */
export function Heading({ level, id, children }: { level: HeadingLevel; id?: string; children: ReactNode }) {
  const Tag = `h${level}` as const;
  return (
    <Tag id={id} className="conflict-heading">
      {children}
    </Tag>
  );
}
