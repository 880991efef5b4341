// Reads the `pragma solidity` constraint of a file and answers version questions rules ask.

import semver from 'semver';
import type { SourceUnit, PragmaDirective } from '@solidity-parser/parser/dist/src/ast-types';

export interface SolidityPragma {
  node: PragmaDirective;
  constraint: string;
  /** The lowest compiler version the constraint admits, when the constraint is valid semver. */
  minVersion: string | undefined;
}

export function solidityPragma(ast: SourceUnit): SolidityPragma | undefined {
  for (const child of ast.children) {
    if (child.type === 'PragmaDirective' && child.name === 'solidity') {
      const constraint = child.value.trim();
      let minVersion: string | undefined;
      try {
        minVersion = semver.minVersion(normalizeConstraint(constraint))?.version;
      } catch {
        minVersion = undefined;
      }
      return { node: child, constraint, minVersion };
    }
  }
  return undefined;
}

/** Solidity writes `>=0.4.22<0.9.0` without spaces; semver needs them. */
export function normalizeConstraint(constraint: string): string {
  return constraint.replace(/([0-9])\s*([<>^~=])/g, '$1 $2');
}

/** True when the file may be compiled by a version below `version` (no pragma counts as "may"). */
export function mayCompileBelow(pragma: SolidityPragma | undefined, version: string): boolean {
  if (!pragma || !pragma.minVersion) return true;
  return semver.lt(pragma.minVersion, version);
}
