import { Link } from "wouter";

/** Tabs as links (each tab is its own URL). */
export function Tabs({ tabs, current, label }: { tabs: Array<{ href: string; label: string; key: string }>; current: string; label: string }) {
  return (
    <nav className="tabs" aria-label={label}>
      {tabs.map((tab) => (
        <Link key={tab.key} href={tab.href} aria-current={tab.key === current ? "page" : undefined} className={tab.key === current ? "active" : undefined}>
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
