// Questions about which compilers a file may be built with: is the pragma pinned, does it admit a version
// range, and is the file something a project deploys (a concrete contract) or only code others import.

import semver from 'semver';
import { normalizeConstraint, type SolidityPragma } from '../parse/pragma';
import type { SourceFile } from '../project/sourceFile';

/** The semver range of a pragma, or undefined when the constraint is not valid semver. */
export function pragmaRange(pragma: SolidityPragma): semver.Range | undefined {
  try {
    return new semver.Range(normalizeConstraint(pragma.constraint));
  } catch {
    return undefined;
  }
}

/** `0.8.24` or `=0.8.24`: exactly one compiler version. */
export function isPinned(pragma: SolidityPragma): boolean {
  return semver.valid(pragma.constraint.replace(/^=\s*/, '').trim()) !== null;
}

/** True when the pragma admits at least one version in `[introduced, fixed)`; an unreadable pragma admits nothing we can name. */
export function admitsVersionsIn(pragma: SolidityPragma, introduced: string | undefined, fixed: string): boolean {
  const range = pragmaRange(pragma);
  if (!range) return false;
  return semver.intersects(range, new semver.Range(introduced ? `>=${introduced} <${fixed}` : `<${fixed}`));
}

/**
 * True when the file defines a contract that can be deployed as is. Files holding only interfaces,
 * libraries, abstract contracts or free functions are compiled with whatever version the importing project
 * pins, so their pragma states compatibility rather than the build.
 */
export function hasDeployableContract(file: SourceFile): boolean {
  return (file.ast?.children ?? []).some((child) => child.type === 'ContractDefinition' && child.kind === 'contract');
}

/** True when the file holds code that compiles to bytecode: a contract, library or free function with a body. */
export function hasImplementation(file: SourceFile): boolean {
  return (file.ast?.children ?? []).some(
    (child) =>
      (child.type === 'ContractDefinition' && child.kind !== 'interface') || (child.type === 'FunctionDefinition' && child.body !== null),
  );
}
