// Name and type resolution inside one function or modifier: which declaration an identifier names (local,
// parameter, return variable or inherited state variable) and what type an expression has, as far as the
// syntax tree tells without a compiler.

import type {
  ASTNode,
  ContractDefinition,
  Expression,
  FunctionDefinition,
  ModifierDefinition,
  StateVariableDeclarationVariable,
  StructDefinition,
  TypeName,
  VariableDeclaration,
} from '@solidity-parser/parser/dist/src/ast-types';
import { findAll } from '../engine/walk';
import type { RuleContext } from '../engine/ruleApi';
import type { ContractInfo, Member, ProjectModel } from '../project/projectModel';
import type { SourceFile } from '../project/sourceFile';
import { memoize } from './analysisCache';
import { unwrapCallOptions } from './astQueries';
import { recurse, runSteps, type Step } from './stackSafe';

/** A function or modifier: anything with a body that scopes names. */
export type Callable = FunctionDefinition | ModifierDefinition;

/** A type as written in the source, plus the file whose imports give its names meaning. */
export interface TypeRef {
  node: TypeName;
  fromFile: string;
}

/** What an identifier names: a local, parameter or return variable, or an (inherited) state variable. */
export type Declaration =
  | { kind: 'local' | 'parameter' | 'return'; node: VariableDeclaration; type: TypeRef | undefined }
  | { kind: 'state'; node: StateVariableDeclarationVariable; owner: ContractInfo; type: TypeRef | undefined };

/** Names of elementary types usable as conversions: `uint256(x)`, `bytes32(y)`, `address(z)`. */
const ELEMENTARY_TYPE = /^(address|bool|string|bytes\d*|u?int\d*|u?fixed[\dx]*|byte|payable)$/;

/** Whether a name is an elementary type usable as a conversion (`uint256`, `address`, `bytes32`). */
export function isElementaryTypeName(name: string): boolean {
  return ELEMENTARY_TYPE.test(name);
}

function elementary(name: string, stateMutability: string | null = null): TypeName {
  return { type: 'ElementaryTypeName', name, stateMutability };
}

/** The state variables visible in `contract` by name, the most derived first (as ContractInfo.stateVariable picks). */
function stateVariablesByName(project: ProjectModel, contract: ContractInfo): Map<string, Member<StateVariableDeclarationVariable>> {
  return memoize(project, 'scope.stateVariablesByName', contract, () => {
    const byName = new Map<string, Member<StateVariableDeclarationVariable>>();
    for (const member of contract.stateVariables()) {
      const name = member.node.name;
      if (name !== null && !byName.has(name)) byName.set(name, member);
    }
    return byName;
  });
}

interface Local {
  kind: 'local' | 'parameter' | 'return';
  node: VariableDeclaration;
}

/**
 * A callable's parameters, returns and locals by name, in declaration order, collected once per project: analyses
 * build their own scopes of the same callables, and each construction walked the whole body again.
 */
function localsOf(project: ProjectModel, callable: Callable): ReadonlyMap<string, readonly Local[]> {
  return memoize(project, 'scope.locals', callable, () => {
    const byName = new Map<string, Local[]>();
    const add = (kind: Local['kind'], node: VariableDeclaration): void => {
      if (!node.name) return;
      const list = byName.get(node.name) ?? [];
      list.push({ kind, node });
      byName.set(node.name, list);
    };
    for (const p of callable.parameters ?? []) add('parameter', p);
    if (callable.type === 'FunctionDefinition') for (const p of callable.returnParameters ?? []) add('return', p);
    if (callable.body) {
      for (const decl of findAll(callable.body, (n): n is VariableDeclaration => n.type === 'VariableDeclaration')) add('local', decl);
    }
    return byName;
  });
}

/** Resolves identifiers and expression types inside one callable of a contract. */
export class FunctionScope {
  private readonly localsByName: ReadonlyMap<string, readonly Local[]>;
  /**
   * Types already worked out. The type of each link of a chain `x.next().next()…` needs the type of the link
   * before it, so asking for every link (every call site is classified) was quadratic in the chain's length.
   */
  private readonly types = new Map<ASTNode, TypeRef | undefined>();

  constructor(
    readonly project: ProjectModel,
    /** The file the callable is written in. */
    readonly file: SourceFile,
    /** The contract whose hierarchy resolves state variables and functions (the most derived one). */
    readonly contract: ContractInfo | undefined,
    readonly callable: Callable | undefined,
  ) {
    this.localsByName = callable ? localsOf(project, callable) : new Map();
  }

  /** The declaration `name` refers to at `at` (the nearest earlier local wins), else the state variable. */
  resolve(name: string, at?: ASTNode): Declaration | undefined {
    const locals = this.localsByName.get(name);
    if (locals && locals.length > 0) {
      let chosen = locals[0];
      const position = at?.range?.[0];
      if (position !== undefined) {
        for (const candidate of locals) if ((candidate.node.range?.[0] ?? 0) <= position) chosen = candidate;
      }
      return { kind: chosen.kind, node: chosen.node, type: chosen.node.typeName ? { node: chosen.node.typeName, fromFile: this.file.path } : undefined };
    }
    const state = this.contract ? stateVariablesByName(this.project, this.contract).get(name) : undefined;
    if (state) {
      return { kind: 'state', node: state.node, owner: state.owner, type: state.node.typeName ? { node: state.node.typeName, fromFile: state.owner.file.path } : undefined };
    }
    return undefined;
  }

  /** The state variable an identifier names, unless a local shadows it. */
  stateVariable(name: string, at?: ASTNode): Extract<Declaration, { kind: 'state' }> | undefined {
    const decl = this.resolve(name, at);
    return decl?.kind === 'state' ? decl : undefined;
  }

  /** The contract, interface or library a name refers to from this file. */
  contractNamed(name: string, fromFile = this.file.path): ContractInfo | undefined {
    return this.project.resolveContractName(name, fromFile);
  }

  /** The static type of an expression when the syntax tree determines it. */
  typeOf(expr: ASTNode | null | undefined): TypeRef | undefined {
    return runSteps(this.typeOfStep(expr));
  }

  /** `typeOf` as a step for `runSteps`: member, index and call chains (`x.next().next()…`) have no depth limit. */
  private *typeOfStep(expr: ASTNode | null | undefined): Step<TypeRef | undefined> {
    if (!expr) return undefined;
    if (this.types.has(expr)) return this.types.get(expr);
    const type = yield* recurse(this.computeType(expr));
    this.types.set(expr, type);
    return type;
  }

  private *computeType(expr: ASTNode): Step<TypeRef | undefined> {
    const here = (node: TypeName): TypeRef => ({ node, fromFile: this.file.path });
    switch (expr.type) {
      case 'Identifier': {
        if (expr.name === 'this' && this.contract) return here({ type: 'UserDefinedTypeName', namePath: this.contract.name });
        return this.resolve(expr.name, expr)?.type;
      }
      case 'MemberAccess': {
        if (expr.expression.type === 'Identifier') {
          const base = expr.expression.name;
          if ((base === 'msg' && expr.memberName === 'sender') || (base === 'tx' && expr.memberName === 'origin')) return here(elementary('address'));
          if (base === 'block' && expr.memberName === 'coinbase') return here(elementary('address', 'payable'));
        }
        if (expr.memberName === 'length') return here(elementary('uint256'));
        const baseType = yield* recurse(this.typeOfStep(expr.expression));
        if (!baseType) return undefined;
        if (baseType.node.type === 'UserDefinedTypeName') {
          const struct = this.structNamed(baseType.node.namePath, baseType.fromFile);
          const member = struct?.definition.members.find((m) => m.name === expr.memberName);
          if (member?.typeName) return { node: member.typeName, fromFile: struct?.fromFile ?? baseType.fromFile };
        }
        return undefined;
      }
      case 'IndexAccess': {
        const baseType = yield* recurse(this.typeOfStep(expr.base));
        if (!baseType) return undefined;
        if (baseType.node.type === 'Mapping') return { node: baseType.node.valueType, fromFile: baseType.fromFile };
        if (baseType.node.type === 'ArrayTypeName') return { node: baseType.node.baseTypeName, fromFile: baseType.fromFile };
        return undefined;
      }
      case 'TupleExpression':
        return expr.components.length === 1 && expr.components[0] ? yield* recurse(this.typeOfStep(expr.components[0] as ASTNode)) : undefined;
      case 'Conditional':
        return (yield* recurse(this.typeOfStep(expr.trueExpression))) ?? (yield* recurse(this.typeOfStep(expr.falseExpression)));
      case 'FunctionCall':
        return yield* recurse(this.typeOfCallResult(expr.expression, expr.arguments.length));
      default:
        return undefined;
    }
  }

  private *typeOfCallResult(callee: Expression, argumentCount: number): Step<TypeRef | undefined> {
    const here = (node: TypeName): TypeRef => ({ node, fromFile: this.file.path });
    const target = unwrapCallOptions(callee);
    if (target.type === 'ElementaryTypeName') return here(elementary(target.name, target.stateMutability));
    if (target.type === 'Identifier') {
      if (target.name === 'payable') return here(elementary('address', 'payable'));
      if (isElementaryTypeName(target.name)) return here(elementary(target.name));
      const contract = this.contractNamed(target.name);
      if (contract) return here({ type: 'UserDefinedTypeName', namePath: target.name });
      const fn = this.contract?.resolveFunction(target.name, argumentCount);
      if (fn) return firstReturnType(fn.node, fn.owner.file.path);
      return undefined;
    }
    if (target.type === 'MemberAccess') {
      // `IERC20(x).balanceOf(y)`, `token.decimals()`: the declared return type of the called function.
      const receiver = yield* recurse(this.typeOfStep(target.expression));
      const contract = receiver ? contractOfType(receiver, this.project) : undefined;
      const fn = contract?.functions().find((m) => m.node.name === target.memberName && m.node.parameters.length === argumentCount);
      if (fn) return firstReturnType(fn.node, fn.owner.file.path);
    }
    return undefined;
  }

  /** A struct definition visible from `fromFile`: in the contract hierarchy, a named contract, or at file level. */
  structNamed(namePath: string, fromFile = this.file.path): { definition: StructDefinition; fromFile: string } | undefined {
    const dot = namePath.lastIndexOf('.');
    const simple = dot >= 0 ? namePath.slice(dot + 1) : namePath;
    const owners: ContractInfo[] = [];
    if (dot >= 0) {
      const named = this.project.resolveContractName(namePath.slice(0, dot), fromFile);
      if (named) owners.push(named);
    }
    owners.push(...(this.contract?.linearization ?? []));
    for (const owner of owners) {
      const found = owner.ownMembers<StructDefinition>('StructDefinition').find((s) => s.name === simple);
      if (found) return { definition: found, fromFile: owner.file.path };
    }
    for (const filePath of [fromFile, ...this.project.transitiveImports(fromFile)]) {
      const file = this.project.file(filePath);
      for (const child of file?.ast?.children ?? []) {
        if (child.type === 'StructDefinition' && child.name === simple) return { definition: child, fromFile: filePath };
        if (child.type === 'ContractDefinition') {
          const nested = (child as ContractDefinition).subNodes.find((s): s is StructDefinition => s.type === 'StructDefinition' && (s as StructDefinition).name === simple);
          if (nested) return { definition: nested, fromFile: filePath };
        }
      }
    }
    return undefined;
  }
}

function firstReturnType(fn: FunctionDefinition, fromFile: string): TypeRef | undefined {
  const first = fn.returnParameters?.[0]?.typeName;
  return first ? { node: first, fromFile } : undefined;
}

/** `address` or `address payable`. */
export function isAddressType(type: TypeRef | undefined): boolean {
  return !!type && type.node.type === 'ElementaryTypeName' && (type.node.name === 'address' || type.node.name === 'address payable');
}

/** The contract, interface or library a user-defined type names, if it is one. */
export function contractOfType(type: TypeRef | undefined, project: ProjectModel): ContractInfo | undefined {
  if (!type || type.node.type !== 'UserDefinedTypeName') return undefined;
  return project.resolveContractName(type.node.namePath, type.fromFile);
}

/** True for a user-defined type that names a contract or interface (a value you can call). */
export function isContractType(type: TypeRef | undefined, project: ProjectModel): boolean {
  const contract = contractOfType(type, project);
  return !!contract && contract.kind !== 'library';
}

/** `mapping(K => V)`. */
export function isMapping(type: TypeRef | undefined): boolean {
  return type?.node.type === 'Mapping';
}

/** `T[]` or `T[N]`. */
export function isArrayType(type: TypeRef | undefined): boolean {
  return type?.node.type === 'ArrayTypeName';
}

/** A state variable (or storage pointer) of array type: `push`/`pop` on it write storage. */
export function isStorageArray(decl: Declaration | undefined): boolean {
  if (!decl || !isArrayType(decl.type)) return false;
  return decl.kind === 'state' || decl.node.storageLocation === 'storage';
}

/** The scope of the callable enclosing the node a rule is visiting, cached per project. */
export function scopeOf(context: RuleContext, callable = context.callable()): FunctionScope {
  const contract = context.contract();
  if (!callable) return new FunctionScope(context.project, context.file, contract, undefined);
  return memoize(context.project, 'scope', callable, () => new FunctionScope(context.project, context.file, contract, callable));
}
