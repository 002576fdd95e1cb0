import type { ReactNode } from 'react';

/** Stands for a section whose engine is not built yet, and says what will be there. */
export function Placeholder({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="panel placeholder" aria-label={title}>
      <h2>{title}</h2>
      <p className="muted">{children}</p>
    </section>
  );
}
