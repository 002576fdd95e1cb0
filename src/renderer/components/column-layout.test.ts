import { describe, expect, it } from 'vitest';
import { columnLayout } from './column-layout';

describe('columnLayout', () => {
  it('gives fixed columns their pixels and leaves the rest to the growing one', () => {
    const layout = columnLayout([
      { id: 'date', width: 160 },
      { id: 'source', width: 200, grows: true },
      { id: 'count', width: 90 },
    ]);
    expect(layout.widthOf('date')).toBe('160px');
    expect(layout.widthOf('count')).toBe('90px');
    expect(layout.widthOf('source')).toBeUndefined();
    // The growing column never goes below its own width: the table scrolls first.
    expect(layout.minWidth).toBe(450);
  });

  it('shares the table out by width when nothing grows, and may squeeze to 85 %', () => {
    const layout = columnLayout([{ id: 'a', width: 300 }, { id: 'b', width: 100 }, { id: 'c' }]);
    expect(layout.widthOf('a')).toBe('55.56%');
    expect(layout.widthOf('b')).toBe('18.52%');
    expect(layout.widthOf('c')).toBe('25.93%');
    expect(layout.minWidth).toBe(Math.round(540 * 0.85));
  });

  it('knows no width for a column it was not given', () => {
    expect(columnLayout([{ id: 'a' }]).widthOf('b')).toBeUndefined();
  });
});
