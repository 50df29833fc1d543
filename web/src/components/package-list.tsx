import { Link } from "wouter";
import { atomUrl } from "../routes";

export interface PackageSummary {
  __typename?: string;
  name: string;
  description: string;
  updatedAt?: string;
  fullName?: string;
  downloadCount?: number;
  starCount?: number;
  latestVersion?: { version: string } | null;
}

/** The link and the label of a package of either ecosystem. */
export function packageLink(pkg: PackageSummary): { href: string; label: string; ecosystem: string } {
  return pkg.fullName ? { href: `/${pkg.fullName}`, label: pkg.fullName, ecosystem: "jsr" } : { href: atomUrl(pkg.name), label: pkg.name, ecosystem: "Atom" };
}

export function PackageList({ packages, empty = "No packages yet." }: { packages: PackageSummary[]; empty?: string }) {
  if (packages.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="package-list">
      {packages.map((pkg) => {
        const { href, label, ecosystem } = packageLink(pkg);
        return (
          <li key={href}>
            <div className="package-line">
              <Link href={href} className="package-name">
                {label}
              </Link>
              <span className={`badge ${ecosystem.toLowerCase()}`}>{ecosystem}</span>
              {pkg.latestVersion && <span className="version">{pkg.latestVersion.version}</span>}
            </div>
            {pkg.description && <p className="description">{pkg.description}</p>}
            {pkg.downloadCount !== undefined && (
              <p className="meta">
                {pkg.downloadCount} downloads · {pkg.starCount ?? 0} stars
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
