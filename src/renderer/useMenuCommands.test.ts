import { describe, expect, it } from 'vitest';
import { routeForMenuCommand } from './useMenuCommands';

describe('routeForMenuCommand', () => {
  it('maps every page shortcut and file-menu command to a route', () => {
    expect(routeForMenuCommand('navigate.inventory')).toBe('inventory');
    expect(routeForMenuCommand('import.csv')).toBe('data?import');
    expect(routeForMenuCommand('generate.demo')).toBe('data?demo');
    expect(routeForMenuCommand('search.open')).toBe('recommendations');
  });

  it('ignores commands it does not know instead of navigating somewhere odd', () => {
    expect(routeForMenuCommand('navigate.nowhere')).toBeNull();
    expect(routeForMenuCommand('format.disk')).toBeNull();
  });
});
