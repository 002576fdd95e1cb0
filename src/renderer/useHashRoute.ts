import { useCallback, useEffect, useState } from 'react';
import { DEFAULT_PAGE_ID, PAGES } from './pages/registry';

function pageFromHash(): string {
  const id = window.location.hash.replace(/^#\/?/, '').split(/[?&]/)[0] ?? '';
  return PAGES.some((page) => page.id === id) ? id : DEFAULT_PAGE_ID;
}

/** Pages live in the URL fragment, so reloads and the browser's back button keep the place. */
export function useHashRoute(): [string, (id: string) => void] {
  const [pageId, setPageId] = useState(pageFromHash);
  useEffect(() => {
    const onChange = () => setPageId(pageFromHash());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((id: string) => {
    window.location.hash = `#/${id}`;
  }, []);
  return [pageId, navigate];
}
