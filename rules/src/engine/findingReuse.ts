// Carries findings over an edit of one function body, the editor's hot path. A rule whose meta.scope bounds
// what its findings depend on re-runs only over the edited function (or the contracts built on its contract);
// its findings elsewhere are kept from the previous run and moved by the edit. After an edit of one contract
// member outside any body (a state variable), or of a contract's header (its name, kind or bases), such a rule
// re-runs over the contracts connected to that contract by inheritance and those naming it or the member. After an
// edit of a comment outside every item, of the pragma, or of
// blanks in a contract's header, just the rules declaring they read it (meta.readsComments, meta.readsCompilerVersion)
// run; the others' findings are moved. Every other rule runs in full.

import type { ASTNode, ContractDefinition, FunctionDefinition, ModifierDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import type { Finding, Fix, RelatedLocation, SourceRange, TextEdit } from '../model/finding';
import type { ContractInfo, ProjectModel } from '../project/projectModel';
import type { BodyEdit, MemberEdit, OutsideEdit, SourceFile } from '../project/sourceFile';
import { INTERNAL_ERROR } from './engineRules';
import type { Rule, RuleMeta } from './ruleApi';
import { nodeRange, runRules } from './runRules';
import { walk } from './walk';

type Scope = NonNullable<RuleMeta['scope']>;

interface PreviousRun {
  contentHash: string;
  /** Project root and every transitively imported file's content: findings may depend on any of them. */
  inputsKey: string;
  byRule: Map<string, Finding[]>;
  lineCount: number;
}

/** Offsets [start, end) of the new text where a scoped rule is re-run. */
interface Region {
  start: number;
  end: number;
}

interface ScopedRun {
  regions: Region[];
  /** Top-level and contract-level nodes the re-run leaves out. */
  skipped: Set<ASTNode>;
}

export class FindingReuse {
  private readonly previous = new Map<string, PreviousRun>();
  /** Rules of the last run that re-ran only over the edited region (or not at all), for tests and benchmarks. */
  lastScopedRules: string[] = [];

  forget(path: string): void {
    this.previous.delete(path);
  }

  /** Same findings as runRules over the whole file, computed from the previous run where file.bodyEdit or memberEdit allows. */
  runRules(rules: readonly Rule[], file: SourceFile, project: ProjectModel, timings?: Map<string, number>): Finding[] {
    const inputsKey = inputsKeyOf(project, file);
    const previous = this.previous.get(file.path);
    const outside = file.outsideEdit;
    if (outside) {
      const base = previous && outside.previousContentHash === previous.contentHash && previous.inputsKey === inputsKey ? previous : undefined;
      return this.runAfterOutsideEdit(rules, file, project, outside, base, inputsKey, timings);
    }
    const edit = file.bodyEdit ?? file.memberEdit;
    const base = previous && edit && edit.previousContentHash === previous.contentHash && previous.inputsKey === inputsKey ? previous : undefined;
    const runs = base ? (file.bodyEdit ? scopedRuns(file, project, file.bodyEdit) : file.memberEdit && memberRuns(file, project, file.memberEdit)) : undefined;
    const moved = file.bodyEdit ? { start: (file.bodyEdit.callable.range as [number, number])[0], ...file.bodyEdit } : file.memberEdit;

    const full: Rule[] = [];
    const scoped = new Map<Scope, { rules: Rule[]; carried: Finding[] }>();
    for (const rule of rules) {
      const scope = rule.meta.scope;
      const run = scope && !(file.memberEdit && rule.meta.readsUnrelatedDeclarations) ? runs?.get(scope) : undefined;
      const before = base && carriable(rule.meta, base, file) ? base.byRule.get(rule.meta.id) : undefined;
      const carried = run && before && moved ? carryOver(before, file, moved, run.regions) : undefined;
      if (!scope || !carried) {
        full.push(rule);
        continue;
      }
      const group = scoped.get(scope) ?? { rules: [], carried: [] };
      group.rules.push(rule);
      group.carried.push(...carried);
      scoped.set(scope, group);
    }

    const findings = runRules(full, file, project, { timings });
    for (const [scope, group] of scoped) {
      const run = runs?.get(scope) as ScopedRun;
      const rerun = runRules(group.rules, file, project, { timings, skip: (node) => run.skipped.has(node) });
      findings.push(...group.carried, ...rerun.filter((f) => f.ruleId === INTERNAL_ERROR.id || intersects(f.range, run.regions)));
    }
    this.lastScopedRules = [...scoped.values()].flatMap((g) => g.rules.map((r) => r.meta.id));
    this.remember(rules, file, inputsKey, findings);
    return findings;
  }

  /**
   * After an edit of a comment outside every item, of the pragma, or of blanks in a contract's header: only the
   * rules declaring they read it run;
   * every other rule's findings are moved by the edit (a rule with a finding on the edited text runs in full).
   */
  private runAfterOutsideEdit(
    rules: readonly Rule[],
    file: SourceFile,
    project: ProjectModel,
    edit: OutsideEdit,
    base: PreviousRun | undefined,
    inputsKey: string,
    timings?: Map<string, number>,
  ): Finding[] {
    // Blanks in a header may sit inside a comment there: the rules reading comments run.
    const reads = (meta: RuleMeta): boolean => (edit.kind === 'pragma' ? !!meta.readsCompilerVersion : !!meta.readsComments);
    const rerun: Rule[] = [];
    const kept: Finding[] = [];
    const keptRules: string[] = [];
    for (const rule of rules) {
      const before = base && !reads(rule.meta) && carriable(rule.meta, base, file) ? base.byRule.get(rule.meta.id) : undefined;
      const carried = before && carryOver(before, file, edit, []);
      // carryOver drops a finding on the edited text: it depends on that text, so the rule runs in full.
      if (!before || !carried || carried.length < before.length) {
        rerun.push(rule);
        continue;
      }
      kept.push(...carried);
      keptRules.push(rule.meta.id);
    }
    const findings = [...runRules(rerun, file, project, { timings }), ...kept];
    this.lastScopedRules = keptRules;
    this.remember(rules, file, inputsKey, findings);
    return findings;
  }

  private remember(rules: readonly Rule[], file: SourceFile, inputsKey: string, findings: Finding[]): void {
    // A crashed rule's findings are incomplete, and a file without a tree had none: start afresh next time.
    if (!file.ast || findings.some((f) => f.ruleId === INTERNAL_ERROR.id)) {
      this.previous.delete(file.path);
      return;
    }
    const byRule = new Map<string, Finding[]>(rules.map((r) => [r.meta.id, []]));
    for (const finding of findings) byRule.get(finding.ruleId)?.push(finding);
    this.previous.set(file.path, { contentHash: file.contentHash, inputsKey, byRule, lineCount: file.lines.lineCount });
  }
}

/** A message naming a line number cannot be moved: the rule's findings are kept only when no line was added or removed. */
function carriable(meta: RuleMeta, previous: PreviousRun, file: SourceFile): boolean {
  return !meta.citesLines || previous.lineCount === file.lines.lineCount;
}

function inputsKeyOf(project: ProjectModel, file: SourceFile): string {
  const imports = project.transitiveImports(file.path).map((p) => `${p}\u0000${project.file(p)?.contentHash ?? ''}`);
  return [project.root, ...imports.sort()].join('\u0001');
}

const isCallable = (node: ASTNode): boolean => node.type === 'FunctionDefinition' || node.type === 'ModifierDefinition';

function regionOf(node: ASTNode): Region {
  const [start, end] = nodeRange(node);
  return { start, end };
}

/** Where each scope re-runs after `edit`; a scope without an entry runs over the whole file. */
function scopedRuns(file: SourceFile, project: ProjectModel, edit: BodyEdit): Map<Scope, ScopedRun> {
  const runs = new Map<Scope, ScopedRun>();
  const topLevel = (file.ast?.children ?? []) as ASTNode[];
  const [editStart] = edit.callable.range as [number, number];
  const owner = topLevel.find(
    (n): n is ContractDefinition => n.type === 'ContractDefinition' && !!n.range && n.range[0] <= editStart && editStart <= n.range[1],
  );

  // Function scope: the edited callable, inside its contract's declarations (rules may read those while walking).
  const functionSkipped = new Set<ASTNode>([
    ...callablesOf(topLevel).filter((c) => c !== edit.callable),
    ...topLevel.filter((n) => n.type === 'ContractDefinition' && n !== owner),
  ]);
  runs.set('function', { regions: [regionOf(edit.callable)], skipped: functionSkipped });
  runs.set('reachable', reachableRun(project, file, topLevel, edit));

  // Contract scope: every contract of this file that inherits the edited one. A library or free function can be
  // used by any contract, so an edit there re-runs contract and hierarchy rules over the whole file.
  const ownerInfo = owner ? project.contractOf(owner) : undefined;
  if (!owner || !ownerInfo || owner.kind === 'library') return runs;
  const contracts = topLevel.filter((n): n is ContractDefinition => n.type === 'ContractDefinition');
  const derived = contracts.filter((n) => project.contractOf(n)?.linearization.includes(ownerInfo));
  // Hierarchy scope adds the bases: the edited contract is one of the contracts inheriting from them.
  const related = contracts.filter((n) => derived.includes(n) || ownerInfo.linearization.some((base) => base.node === n));
  const family = familyOf(project, [ownerInfo]);
  const connected = contracts.filter((n) => {
    const info = project.contractOf(n);
    return !info || family.has(info);
  });
  for (const [scope, affected] of [['contract', derived], ['hierarchy', related], ['family', connected]] as const) {
    const skipped = new Set(topLevel.filter((n) => (n.type === 'ContractDefinition' && !affected.includes(n)) || isCallable(n)));
    runs.set(scope, { regions: affected.map(regionOf), skipped });
  }
  return runs;
}

type Callable = FunctionDefinition | ModifierDefinition;

/** Names a callable's body and modifier list mention: what it may call. Kept per node, which edits leave alone. */
const mentionsByCallable = new WeakMap<Callable, Set<string>>();

function mentionsOf(callable: Callable): Set<string> {
  let names = mentionsByCallable.get(callable);
  if (!names) {
    const found = new Set<string>();
    const parts: ASTNode[] = [...(callable.body ? [callable.body] : []), ...(callable.type === 'FunctionDefinition' ? callable.modifiers : [])];
    for (const part of parts) {
      walk(part, {
        enter: (node) => {
          if (node.type === 'Identifier') found.add(node.name);
          else if (node.type === 'MemberAccess') found.add(node.memberName);
          else if (node.type === 'ModifierInvocation') found.add(node.name);
        },
        exit: () => undefined,
      });
    }
    names = found;
    mentionsByCallable.set(callable, names);
  }
  return names;
}

function callablesOf(topLevel: readonly ASTNode[]): Callable[] {
  const callables: Callable[] = [];
  for (const node of topLevel) {
    if (isCallable(node)) callables.push(node as Callable);
    else if (node.type === 'ContractDefinition') for (const member of node.subNodes as ASTNode[]) if (isCallable(member)) callables.push(member as Callable);
  }
  return callables;
}

/**
 * Reachable scope: the edited callable and every callable of the file that may reach it, by the names their
 * bodies mention, transitively. The chain may pass through imported files (a base's loop calling a function this
 * file overrides), so every callable of the project takes part. A constructor, receive or fallback cannot be
 * called by name: it reaches itself only.
 */
function reachableRun(project: ProjectModel, file: SourceFile, topLevel: readonly ASTNode[], edit: BodyEdit): ScopedRun {
  const callables = project.files().flatMap((f) => callablesOf(f === file ? topLevel : ((f.ast?.children ?? []) as ASTNode[])));
  const reaching = new Set<Callable>([edit.callable]);
  const targets = new Set<string>(edit.callable.name ? [edit.callable.name] : []);
  for (let grew = targets.size > 0; grew; ) {
    grew = false;
    for (const callable of callables) {
      if (reaching.has(callable) || ![...mentionsOf(callable)].some((name) => targets.has(name))) continue;
      reaching.add(callable);
      if (callable.name) targets.add(callable.name);
      grew = true;
    }
  }
  const own = callablesOf(topLevel);
  const containing = new Set(topLevel.filter((n) => n.type === 'ContractDefinition' && (n.subNodes as ASTNode[]).some((m) => reaching.has(m as Callable))));
  const skipped = new Set<ASTNode>(own.filter((c) => !reaching.has(c)));
  for (const node of topLevel) if (node.type === 'ContractDefinition' && !containing.has(node)) skipped.add(node);
  return { regions: own.filter((c) => reaching.has(c)).map(regionOf), skipped };
}

/**
 * Where each scope re-runs after `edit` (one member of one contract outside any body, or its header): every scope
 * over the contracts of this file in the edited contract's family (see familyOf: a sibling behind the same proxy
 * shares its storage, a contract built on it inherits the member), and every top-level item whose text names one of
 * `edit.names` (a call of its getter, a use of its constant). A header edit may change what every contract of the
 * family inherits, and the family it had before the edit: both families re-run, and the items naming any of them.
 * A library's member may be used anywhere through `using for`: then, or for a contract the project does not know,
 * every rule runs in full.
 */
function memberRuns(file: SourceFile, project: ProjectModel, edit: MemberEdit): Map<Scope, ScopedRun> | undefined {
  const info = project.contractOf(edit.contract);
  if (!info || edit.contract.kind === 'library') return undefined;
  const seeds = [info];
  if (edit.kind === 'header') {
    // Related before the edit: its old bases, and the contracts naming its old name among their bases.
    seeds.push(...edit.previousBases.flatMap((name) => project.resolveContractName(name, file.path) ?? []));
    for (const f of project.files()) seeds.push(...project.contractsIn(f.path).filter((c) => c.unresolvedBases.some((name) => edit.names.includes(name))));
  }
  const family = familyOf(project, seeds);
  // After a header edit, what every contract of the family inherits may have changed: code naming any of them re-runs.
  const names = new Set(edit.kind === 'header' ? [...edit.names, ...[...family].map((c) => c.name)] : edit.names);
  const topLevel = (file.ast?.children ?? []) as ASTNode[];
  // Identifiers may hold `$`, which \b does not treat as a word character.
  const naming = new RegExp(`(?<![\\w$])(?:${[...names].map((n) => n.replace(/[$]/g, '\\$&')).join('|')})(?![\\w$])`);
  const affected = topLevel.filter((n) => {
    if (n.type === 'ContractDefinition') {
      const other = project.contractOf(n);
      if (!other || family.has(other)) return true;
    }
    const [start, end] = nodeRange(n);
    return naming.test(file.text.slice(start, end));
  });
  const run: ScopedRun = { regions: affected.map(regionOf), skipped: new Set(topLevel.filter((n) => !affected.includes(n))) };
  return new Map<Scope, ScopedRun>(SCOPES.map((scope) => [scope, run]));
}

const SCOPES: readonly Scope[] = ['function', 'reachable', 'contract', 'hierarchy', 'family'];

/**
 * The contracts connected to `seeds` by inheritance, either way and transitively: their bases, the contracts built
 * on them, those contracts' other bases, and so on. Code of any of them may run on the storage of another (a
 * common inheritor, a proxy in front of siblings), so what one sets another may read.
 */
function familyOf(project: ProjectModel, seeds: readonly ContractInfo[]): Set<ContractInfo> {
  const inheritors = new Map<ContractInfo, ContractInfo[]>();
  for (const f of project.files()) {
    for (const contract of project.contractsIn(f.path)) {
      for (const base of contract.directBases) {
        const built = inheritors.get(base);
        if (built) built.push(contract);
        else inheritors.set(base, [contract]);
      }
    }
  }
  const family = new Set(seeds);
  const queue = [...seeds];
  for (let next = queue.pop(); next; next = queue.pop()) {
    for (const related of [...next.directBases, ...(inheritors.get(next) ?? [])]) {
      if (family.has(related)) continue;
      family.add(related);
      queue.push(related);
    }
  }
  return family;
}

function intersects(range: { start: number; end: number }, regions: readonly Region[]): boolean {
  return regions.some((g) => (range.start === range.end ? g.start <= range.start && range.start < g.end : range.start < g.end && range.end > g.start));
}

/** What an edit replaced: [start, previousEnd) of the previous text; what follows moved by delta. */
interface Replaced {
  start: number;
  previousEnd: number;
  delta: number;
}

/**
 * The previous findings outside the re-run regions, moved into the new text. Undefined when one of them points
 * into the edited item (a related location or a fix edit): it depends on what changed, so the rule runs in full.
 */
function carryOver(before: readonly Finding[], file: SourceFile, edit: Replaced, regions: readonly Region[]): Finding[] | undefined {
  const move = (start: number, end: number): [number, number] | undefined => {
    if (end <= edit.start) return [start, end];
    if (start >= edit.previousEnd) return [start + edit.delta, end + edit.delta];
    return undefined;
  };
  const moveRange = (range: SourceRange): SourceRange | undefined => {
    const moved = move(range.start, range.end);
    return moved && file.lines.range(moved[0], moved[1]);
  };
  const moveFix = (fix: Fix): Fix | undefined => {
    const edits: TextEdit[] = [];
    for (const e of fix.edits) {
      const moved = move(e.start, e.end);
      if (!moved) return undefined;
      edits.push({ ...e, start: moved[0], end: moved[1] });
    }
    return { ...fix, edits };
  };

  const out: Finding[] = [];
  for (const finding of before) {
    const range = moveRange(finding.range);
    // Inside the edited callable, or in a region: the re-run reports it afresh.
    if (!range || intersects(range, regions)) continue;
    const related: RelatedLocation[] = [];
    for (const r of finding.related) {
      const moved = r.file === file.path ? moveRange(r.range) : r.range;
      if (!moved) return undefined;
      related.push({ ...r, range: moved });
    }
    const fix = finding.fix && moveFix(finding.fix);
    if (finding.fix && !fix) return undefined;
    const suggestions: Fix[] = [];
    for (const s of finding.suggestions) {
      const moved = moveFix(s);
      if (!moved) return undefined;
      suggestions.push(moved);
    }
    out.push({ ...finding, range, related, suggestions, ...(fix ? { fix } : {}) });
  }
  return out;
}
