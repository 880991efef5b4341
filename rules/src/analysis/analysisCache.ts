// Per-project memoisation for analysis results. Keyed by project first because parsed trees are reused
// across project reloads (ParseCache) while the hierarchy they resolve against may have changed.

import type { ProjectModel } from '../project/projectModel';

const byProject = new WeakMap<ProjectModel, Map<string, WeakMap<object, unknown>>>();

/** Returns the value computed once per (project, bucket, key); `compute` runs on the first request only. */
export function memoize<K extends object, V>(project: ProjectModel, bucket: string, key: K, compute: () => V): V {
  let buckets = byProject.get(project);
  if (!buckets) {
    buckets = new Map();
    byProject.set(project, buckets);
  }
  let values = buckets.get(bucket);
  if (!values) {
    values = new WeakMap();
    buckets.set(bucket, values);
  }
  if (values.has(key)) return values.get(key) as V;
  const value = compute();
  values.set(key, value);
  return value;
}
