import { Suspense, useEffect } from 'react';
import { useApi } from './api/useApi';
import { Onboarding } from './components/Onboarding';
import { Sidebar } from './components/Sidebar';
import { DrawerProvider } from './drawers/DrawerContext';
import { FilterBar } from './filters/FilterBar';
import { FiltersProvider } from './filters/FiltersContext';
import { PAGES, pageById, preloadPages } from './pages/registry';
import { PrefetchPages } from './pages/PrefetchPages';
import { PreferencesProvider } from './preferences/PreferencesContext';
import { useHashRoute } from './useHashRoute';
import { useMenuCommands } from './useMenuCommands';

export function App() {
  const [pageId, navigate] = useHashRoute();
  const info = useApi('system.info', (api) => api['system.info']({}));
  const page = pageById(pageId);
  const Page = page.component;

  useEffect(preloadPages, []);
  useMenuCommands(navigate);

  useEffect(() => {
    // Ctrl/Cmd+1…8 switch pages, as the desktop menu does.
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const index = Number(event.key) - 1;
      const target = PAGES[index];
      if (target) {
        event.preventDefault();
        navigate(target.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);

  const isOnboarding = info.data?.isEmpty === true && page.id === 'overview';
  return (
    <PreferencesProvider>
      <FiltersProvider>
        <DrawerProvider>
          <PrefetchPages currentPageId={page.id} isEnabled={info.data !== undefined && !info.data.isEmpty} />
          <div className="app">
            <a className="skip-link" href="#main">
              Skip to content
            </a>
            <Sidebar currentId={page.id} onNavigate={navigate} />
            <main className="content" id="main" tabIndex={-1}>
              {info.error && (
                <div className="error-banner" role="alert">
                  {info.error.message} <button onClick={info.reload}>Retry</button>
                </div>
              )}
              {isOnboarding && info.data ? (
                <Onboarding info={info.data} onGenerate={() => navigate('data?demo')} onImport={() => navigate('data?import')} />
              ) : (
                <>
                  {page.usesFilters && !info.data?.isEmpty && <FilterBar />}
                  <Suspense fallback={<div className="skeleton" aria-busy="true" />}>
                    <Page />
                  </Suspense>
                </>
              )}
            </main>
          </div>
        </DrawerProvider>
      </FiltersProvider>
    </PreferencesProvider>
  );
}
