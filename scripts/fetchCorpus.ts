// Brings the real-world precision corpus (rules/test/support/realWorldCorpus.ts) into .corpus-cache/: `npm pack`
// of each pinned package and of the Solidity packages it imports, unpacked the way a developer's checkout with
// `npm install` would hold them. Only the npm registry is contacted; a package already unpacked is kept.
// Run: npm run corpus

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CORPUS_CACHE, CORPUS_PACKAGES, packageRoot, type CorpusPackage } from '../rules/test/support/realWorldCorpus';

const TARBALLS = path.join(CORPUS_CACHE, 'tarballs');
// Written last into a package's folder, so an interrupted fetch is redone rather than half used.
const COMPLETE_MARKER = '.sol-audit-corpus-complete';

function tarballName(spec: string): string {
  // npm pack names a tarball after the package, scope folded in: @a/b@1.0.0 → a-b-1.0.0.tgz.
  const at = spec.lastIndexOf('@');
  return `${spec.slice(0, at).replace(/^@/, '').replace('/', '-')}-${spec.slice(at + 1)}.tgz`;
}

/** Packs every spec not yet in the tarball folder, in one npm call so the registry requests run together. */
function packAll(specs: string[]): void {
  const missing = [...new Set(specs)].filter((spec) => !fs.existsSync(path.join(TARBALLS, tarballName(spec))));
  if (missing.length === 0) return;
  console.log(`npm pack: ${missing.length} tarballs`);
  execFileSync('npm', ['pack', '--silent', '--pack-destination', TARBALLS, ...missing], { stdio: ['ignore', 'ignore', 'inherit'] });
  for (const spec of missing) {
    if (!fs.existsSync(path.join(TARBALLS, tarballName(spec)))) throw new Error(`npm pack ${spec} produced no ${tarballName(spec)}`);
  }
}

/** Unpacks a tarball's `package/` folder as `target`. */
function unpack(spec: string, target: string): void {
  const scratch = fs.mkdtempSync(path.join(CORPUS_CACHE, 'unpack-'));
  try {
    execFileSync('tar', ['-xzf', path.join(TARBALLS, tarballName(spec)), '-C', scratch]);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.renameSync(path.join(scratch, 'package'), target);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

function install(pkg: CorpusPackage): void {
  const root = packageRoot(pkg);
  if (fs.existsSync(path.join(root, COMPLETE_MARKER))) return;
  fs.rmSync(root, { recursive: true, force: true });
  unpack(`${pkg.name}@${pkg.version}`, root);
  for (const [folder, spec] of Object.entries(pkg.imports ?? {})) unpack(spec, path.join(root, 'node_modules', folder));
  fs.writeFileSync(path.join(root, COMPLETE_MARKER), `${pkg.name}@${pkg.version}\n`);
  console.log(`unpacked ${pkg.name}@${pkg.version}`);
}

fs.mkdirSync(TARBALLS, { recursive: true });
packAll(CORPUS_PACKAGES.flatMap((pkg) => [`${pkg.name}@${pkg.version}`, ...Object.values(pkg.imports ?? {})]));
for (const pkg of CORPUS_PACKAGES) install(pkg);
console.log(`corpus ready in ${path.relative(process.cwd(), CORPUS_CACHE) || '.'}: ${CORPUS_PACKAGES.length} packages`);
