import { useEffect } from 'react';
import { useApiContext } from './api/ApiContext';
import { PAGES } from './pages/registry';

/**
 * The desktop menu (and a CSV opened from the OS) reaches the window as `menu.command` events;
 * each one becomes a route, so the menu and the sidebar lead to the same places.
 */
export function routeForMenuCommand(command: string): string | null {
  if (command.startsWith('navigate.')) {
    const id = command.slice('navigate.'.length);
    return PAGES.some((page) => page.id === id) ? id : null;
  }
  switch (command) {
    case 'import.csv':
      return 'data?import';
    case 'generate.demo':
      return 'data?demo';
    case 'export.report':
      return 'data?report';
    case 'search.open':
      return 'recommendations';
    default:
      return null;
  }
}

export function useMenuCommands(navigate: (route: string) => void): void {
  const { subscribe } = useApiContext();
  useEffect(
    () =>
      subscribe((event) => {
        if (event.name !== 'menu.command') return;
        const route = routeForMenuCommand(event.payload.command);
        if (route) navigate(route);
      }),
    [subscribe, navigate],
  );
}
