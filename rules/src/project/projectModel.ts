// The project model: every reachable file, contracts with their C3 linearization across files, and per-contract
// symbol tables that include inherited members (so an inherited `nonReentrant` is known as such).

import * as path from 'node:path';
import type {
  ContractDefinition,
  EventDefinition,
  FunctionDefinition,
  ModifierDefinition,
  StateVariableDeclarationVariable,
  UsingForDeclaration,
} from '@solidity-parser/parser/dist/src/ast-types';
import type { FileHost } from './fileHost';
import { c3Linearize } from './linearize';
import { discoverRemappings, ImportResolver } from './remappings';
import { ParseCache, type SourceFile } from './sourceFile';

export interface Member<T> {
  node: T;
  owner: ContractInfo;
}

export class ContractInfo {
  /** This contract first, then bases from most to least derived. */
  linearization: ContractInfo[] = [this];
  directBases: ContractInfo[] = [];
  unresolvedBases: string[] = [];
  /**
   * Member lists computed once: rules ask for them per call site, and rebuilding them each time made a contract
   * with thousands of members quadratic. Inherited lists are kept for the linearization they were built from.
   */
  private readonly ownByType = new Map<string, readonly unknown[]>();
  private inherited: { linearization: ContractInfo[]; byType: Map<string, readonly Member<unknown>[]> } | undefined;
  private functionsByName: { linearization: ContractInfo[]; byName: Map<string, Member<FunctionDefinition>[]> } | undefined;

  constructor(
    readonly node: ContractDefinition,
    readonly file: SourceFile,
  ) {}

  private inheritedMembers<T>(key: string, own: (c: ContractInfo) => readonly T[]): Member<T>[] {
    if (this.inherited?.linearization !== this.linearization) this.inherited = { linearization: this.linearization, byType: new Map() };
    let members = this.inherited.byType.get(key);
    if (!members) {
      // Frozen: the lists are shared by every rule, so a caller sorting one in place would change it for all.
      members = Object.freeze(this.linearization.flatMap((c) => own(c).map((node) => ({ node, owner: c }))));
      this.inherited.byType.set(key, members);
    }
    return members as Member<T>[];
  }

  get name(): string {
    return this.node.name;
  }

  get kind(): string {
    return this.node.kind;
  }

  /** Own members of one node type, in source order. */
  ownMembers<T>(type: string): T[] {
    let members = this.ownByType.get(type);
    if (!members) {
      members = Object.freeze(this.node.subNodes.filter((n) => n.type === type));
      this.ownByType.set(type, members);
    }
    return members as T[];
  }

  ownFunctions(): FunctionDefinition[] {
    return this.ownMembers<FunctionDefinition>('FunctionDefinition');
  }

  ownStateVariables(): StateVariableDeclarationVariable[] {
    let variables = this.ownByType.get('StateVariableDeclarationVariable');
    if (!variables) {
      variables = Object.freeze(this.ownMembers<{ variables: StateVariableDeclarationVariable[] }>('StateVariableDeclaration').flatMap((decl) => decl.variables));
      this.ownByType.set('StateVariableDeclarationVariable', variables);
    }
    return variables as StateVariableDeclarationVariable[];
  }

  /** State variables visible in this contract, own first, then inherited. */
  stateVariables(): Member<StateVariableDeclarationVariable>[] {
    return this.inheritedMembers('StateVariableDeclarationVariable', (c) => c.ownStateVariables());
  }

  stateVariable(name: string): Member<StateVariableDeclarationVariable> | undefined {
    return this.stateVariables().find((m) => m.node.name === name);
  }

  /** Every function definition in the hierarchy, most derived first (overridden ones included). */
  functions(): Member<FunctionDefinition>[] {
    return this.inheritedMembers('FunctionDefinition', (c) => c.ownFunctions());
  }

  /** The implementations a call by name dispatches to: the most derived definition per name and arity. */
  resolveFunction(name: string, argumentCount?: number): Member<FunctionDefinition> | undefined {
    return this.functionsNamed(name).find((m) => m.node.body !== null && (argumentCount === undefined || m.node.parameters.length === argumentCount));
  }

  /** functions() of one name, most derived first: call sites ask by name, and scanning every function per call showed in profiles. */
  private functionsNamed(name: string): readonly Member<FunctionDefinition>[] {
    if (this.functionsByName?.linearization !== this.linearization) {
      const byName = new Map<string, Member<FunctionDefinition>[]>();
      for (const member of this.functions()) {
        if (typeof member.node.name !== 'string') continue;
        const named = byName.get(member.node.name);
        if (named) named.push(member);
        else byName.set(member.node.name, [member]);
      }
      this.functionsByName = { linearization: this.linearization, byName };
    }
    return this.functionsByName.byName.get(name) ?? [];
  }

  modifiers(): Member<ModifierDefinition>[] {
    return this.inheritedMembers('ModifierDefinition', (c) => c.ownMembers<ModifierDefinition>('ModifierDefinition'));
  }

  resolveModifier(name: string): Member<ModifierDefinition> | undefined {
    return this.modifiers().find((m) => m.node.name === name && m.node.body !== null) ?? this.modifiers().find((m) => m.node.name === name);
  }

  events(): Member<EventDefinition>[] {
    return this.inheritedMembers('EventDefinition', (c) => c.ownMembers<EventDefinition>('EventDefinition'));
  }

  usingFor(): Member<UsingForDeclaration>[] {
    return this.inheritedMembers('UsingForDeclaration', (c) => c.ownMembers<UsingForDeclaration>('UsingForDeclaration'));
  }

  inheritsFrom(name: string): boolean {
    return this.linearization.some((c) => c !== this && c.name === name);
  }
}

export interface ProjectOptions {
  /** The project root: where remappings, foundry.toml and lib/ are looked up. */
  root: string;
  host: FileHost;
  parseCache?: ParseCache;
}

export class ProjectModel {
  private readonly filesByPath = new Map<string, SourceFile>();
  private readonly importsByPath = new Map<string, string[]>();
  private readonly contractsByFile = new Map<string, ContractInfo[]>();
  private readonly contractByNode = new Map<ContractDefinition, ContractInfo>();
  private readonly resolver: ImportResolver;
  private readonly parseCache: ParseCache;

  private constructor(private readonly options: ProjectOptions) {
    this.resolver = new ImportResolver(options.root, discoverRemappings(options.root, options.host), options.host);
    this.parseCache = options.parseCache ?? new ParseCache();
  }

  /**
   * Loads the given files and everything they import. `overrides` supplies texts that win over the host
   * (unsaved editor buffers). Unreadable entry files are skipped; callers report them.
   */
  static load(entryPaths: string[], options: ProjectOptions, overrides: Map<string, string> = new Map()): ProjectModel {
    const model = new ProjectModel(options);
    const queue = entryPaths.map((p) => path.resolve(p));
    while (queue.length > 0) {
      const next = queue.shift() as string;
      if (model.filesByPath.has(next)) continue;
      const text = overrides.get(next) ?? options.host.readFile(next);
      if (text === undefined) continue;
      const file = model.parseCache.get(next, text);
      model.filesByPath.set(next, file);
      const imports: string[] = [];
      for (const directive of file.importDirectives) {
        const resolved = model.resolver.resolve(directive.path, next);
        if (resolved) {
          imports.push(resolved);
          queue.push(resolved);
        }
      }
      model.importsByPath.set(next, imports);
    }
    model.buildContracts();
    return model;
  }

  get root(): string {
    return this.options.root;
  }

  file(absolutePath: string): SourceFile | undefined {
    return this.filesByPath.get(absolutePath);
  }

  files(): SourceFile[] {
    return [...this.filesByPath.values()];
  }

  /** Resolved absolute paths of the files a file imports directly. */
  importsOf(absolutePath: string): string[] {
    return this.importsByPath.get(absolutePath) ?? [];
  }

  /** Resolves one import path from a file, for callers that need the mapping of a single directive. */
  resolveImport(importPath: string, fromFile: string): string | undefined {
    return this.resolver.resolve(importPath, fromFile);
  }

  /** The file and everything it imports, transitively, nearest first. */
  transitiveImports(absolutePath: string): string[] {
    const seen = new Set<string>([absolutePath]);
    const order: string[] = [];
    const queue = [absolutePath];
    while (queue.length > 0) {
      const current = queue.shift() as string;
      for (const dep of this.importsOf(current)) {
        if (seen.has(dep)) continue;
        seen.add(dep);
        order.push(dep);
        queue.push(dep);
      }
    }
    return order;
  }

  contractsIn(absolutePath: string): ContractInfo[] {
    return this.contractsByFile.get(absolutePath) ?? [];
  }

  contractOf(node: ContractDefinition): ContractInfo | undefined {
    return this.contractByNode.get(node);
  }

  /** Finds the contract a name refers to from a file: its own, then imported ones, then any unique match. */
  resolveContractName(name: string, fromFile: string, followAlias = true): ContractInfo | undefined {
    const simple = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : name;
    // An import alias of this file comes first: with `import {IERC20Metadata as IERC20}`, `IERC20` names the
    // metadata interface even though the original `IERC20` is among the transitive imports. One step only, so
    // `{A as B, B as A}` cannot loop.
    const alias = followAlias ? this.importAlias(simple, fromFile) : undefined;
    if (alias && alias !== simple) return this.resolveContractName(alias, fromFile, false);
    for (const candidatePath of [fromFile, ...this.transitiveImports(fromFile)]) {
      const found = this.contractsIn(candidatePath).find((c) => c.name === simple);
      if (found) return found;
    }
    const everywhere = [...this.contractByNode.values()].filter((c) => c.name === simple);
    return everywhere.length === 1 ? everywhere[0] : undefined;
  }

  private importAlias(name: string, fromFile: string): string | undefined {
    const file = this.file(fromFile);
    for (const directive of file?.importDirectives ?? []) {
      for (const [original, alias] of directive.symbolAliases ?? []) {
        if (alias === name) return original;
      }
    }
    return undefined;
  }

  private buildContracts(): void {
    for (const file of this.filesByPath.values()) {
      const infos: ContractInfo[] = [];
      for (const child of file.ast?.children ?? []) {
        if (child.type === 'ContractDefinition') {
          const info = new ContractInfo(child, file);
          infos.push(info);
          this.contractByNode.set(child, info);
        }
      }
      this.contractsByFile.set(file.path, infos);
    }
    for (const info of this.contractByNode.values()) {
      for (const spec of info.node.baseContracts) {
        const base = this.resolveContractName(spec.baseName.namePath, info.file.path);
        if (base && base !== info) info.directBases.push(base);
        else info.unresolvedBases.push(spec.baseName.namePath);
      }
    }
    // One memo for the project: each base is linearized once, not once per contract built on it.
    const linearizations = new Map<ContractInfo, readonly ContractInfo[]>();
    for (const info of this.contractByNode.values()) {
      info.linearization = c3Linearize(info, (c) => c.directBases, linearizations);
    }
  }
}
