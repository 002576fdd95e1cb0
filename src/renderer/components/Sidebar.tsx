import { PAGES } from '../pages/registry';

export function Sidebar({ currentId, onNavigate }: { currentId: string; onNavigate(id: string): void }) {
  return (
    <nav className="sidebar" aria-label="Pages">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">◉</span> Storelens
      </div>
      <ul>
        {PAGES.map((page, index) => (
          <li key={page.id}>
            <a
              href={`#/${page.id}`}
              className={page.id === currentId ? 'active' : undefined}
              aria-current={page.id === currentId ? 'page' : undefined}
              title={`${page.label} (Ctrl+${index + 1})`}
              onClick={(event) => {
                event.preventDefault();
                onNavigate(page.id);
              }}
            >
              <span className="nav-icon" aria-hidden="true">
                {page.icon}
              </span>
              {page.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
