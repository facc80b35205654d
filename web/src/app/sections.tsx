import { type ComponentType, lazy } from 'react';

type SectionModule = { default: ComponentType };

export interface Section {
  path: string;
  label: string;
  operatorsOnly?: boolean;
  /** Starts loading the section's chunk (at most once). */
  preload(): Promise<unknown>;
  View: ComponentType;
}

/**
 * A section in its own chunk. A chunk already loaded (preloaded while the session was read) is
 * rendered at once; otherwise through `lazy`, whose Suspense reveal React delays by up to
 * 300 ms, which a first page would pay on top of its own requests.
 */
function section(
  path: string,
  label: string,
  load: () => Promise<SectionModule>,
  operatorsOnly = false,
): Section {
  let loaded: ComponentType | undefined;
  let loading: Promise<SectionModule> | undefined;
  const preload = () => {
    loading ??= load().then((module) => {
      loaded = module.default;
      return module;
    });
    return loading;
  };
  const Lazy = lazy(preload);
  const View = () => {
    const Loaded = loaded;
    return Loaded ? <Loaded /> : <Lazy />;
  };
  return { path, label, operatorsOnly, preload, View };
}

export const sections: Section[] = [
  section('/scheduler', 'Scheduler', () => import('../sections/scheduler')),
  section('/inventory', 'Inventory', () => import('../sections/inventory')),
  section('/social', 'Microblog', () => import('../sections/social')),
  section('/delivery', 'Delivery', () => import('../sections/delivery')),
  section('/operations', 'Operations', () => import('../sections/operations'), true),
];

/** The section a path opens; `/` opens the scheduler. */
export function sectionOf(pathname: string): Section | undefined {
  const path = pathname === '/' ? '/scheduler' : pathname;
  return sections.find(
    (candidate) => path === candidate.path || path.startsWith(`${candidate.path}/`),
  );
}
