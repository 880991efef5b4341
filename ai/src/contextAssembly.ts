// Assembles what the model sees about one function from the project model: its source, its modifiers' bodies,
// the state variables it reads and writes, the signatures of what it calls (inherited included), the
// inheritance list, and the static findings in it with their rule documentation. Each part has a priority so
// the token budget trims the least relevant first, deterministically.

import * as path from 'node:path';
import type { ASTNode, BaseASTNode, FunctionDefinition, ModifierDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { walk, type ContractInfo, type Finding, type ProjectModel, type RuleRegistry, type SourceFile } from 'sol-audit-rules';

export interface ContextSection {
  /** Stable id used in "what was trimmed" notes, e.g. "modifier onlyOwner". */
  id: string;
  text: string;
  /** Code is delimited as untrusted data in the prompt; text is our own prose. */
  kind: 'code' | 'text';
  /** Higher is kept longer; required sections are never trimmed. */
  priority: number;
  required: boolean;
}

export interface AiTarget {
  /** Path relative to the project root, as shown to the model and the user. */
  file: string;
  contractName?: string;
  /** The function's name, "constructor", "fallback", "receive", a modifier name, or undefined for other code. */
  functionName?: string;
  startOffset: number;
  endOffset: number;
  startLine: number;
  endLine: number;
}

export interface AssembledContext {
  target: AiTarget;
  sections: ContextSection[];
  /** The static findings inside the target, the focus finding first. */
  findings: Finding[];
}

export interface AssembleInput {
  project: ProjectModel;
  file: SourceFile;
  /** A position inside the function of interest (the cursor, or a finding's start). */
  offset: number;
  /** The file's static findings. */
  findings: Finding[];
  registry: RuleRegistry;
  /** The finding the request is about (explain, fix, triage). */
  focus?: Finding;
}

const PRIORITY = { target: 100, focusFinding: 95, modifier: 80, finding: 70, stateVariable: 60, inheritance: 50, ruleDoc: 40, callee: 30 };
/** Lines of surrounding code sent when the position is not inside a function (a state variable, a pragma). */
const WINDOW_LINES = 8;

export function assembleContext(input: AssembleInput): AssembledContext {
  const { file, project } = input;
  const located = locate(project, file, input.offset);
  const target = describeTarget(project, file, located, input.offset);
  const sections: ContextSection[] = [];
  const codeTitle = target.functionName ? `${target.contractName ?? ''}${target.contractName ? '.' : ''}${target.functionName}` : 'code';
  sections.push({
    id: `source of ${codeTitle}`,
    text: numberedSource(file, target.startLine, target.endLine),
    kind: 'code',
    priority: PRIORITY.target,
    required: true,
  });

  const inside = input.findings.filter((f) => f.range.start >= target.startOffset && f.range.start <= target.endOffset);
  const findings = input.focus ? [input.focus, ...inside.filter((f) => f !== input.focus && f.fingerprint !== input.focus?.fingerprint)] : inside;
  findings.forEach((finding, index) => {
    const isFocus = index === 0 && input.focus !== undefined;
    sections.push({
      id: `${input.focus && !isFocus ? 'other finding' : 'finding'} ${finding.ruleId} at line ${finding.range.startLine}`,
      text: describeFinding(finding),
      kind: 'text',
      priority: isFocus ? PRIORITY.focusFinding : PRIORITY.finding,
      required: isFocus,
    });
  });
  const documented = new Set<string>();
  findings.forEach((finding, index) => {
    if (documented.has(finding.ruleId)) return;
    documented.add(finding.ruleId);
    const doc = ruleDoc(input.registry, finding.ruleId);
    if (!doc) return;
    const isFocus = index === 0 && input.focus !== undefined;
    sections.push({ id: `rule docs ${finding.ruleId}`, text: doc, kind: 'text', priority: isFocus ? PRIORITY.focusFinding : PRIORITY.ruleDoc, required: isFocus });
  });

  if (located.contract && located.callable) {
    sections.push(...modifierSections(located.contract, located.callable));
    sections.push(...stateVariableSections(located.contract, located.callable));
    sections.push(...calleeSections(located.contract, located.callable));
  }
  if (located.contract) {
    const lin = located.contract.linearization.map((c) => c.name);
    const bases = located.contract.node.baseContracts.map((b) => b.baseName.namePath);
    const unresolved = located.contract.unresolvedBases.length ? ` Unresolved bases: ${located.contract.unresolvedBases.join(', ')}.` : '';
    sections.push({
      id: 'inheritance',
      text: `${located.contract.kind} ${located.contract.name}${bases.length ? ` is ${bases.join(', ')}` : ''}. Linearization: ${lin.join(' → ')}.${unresolved}`,
      kind: 'text',
      priority: PRIORITY.inheritance,
      required: false,
    });
  }
  return { target, sections, findings };
}

interface Located {
  contract?: ContractInfo;
  callable?: FunctionDefinition | ModifierDefinition;
  /** The contract member holding the offset when it is not a function (a state variable declaration). */
  member?: BaseASTNode;
}

function locate(project: ProjectModel, file: SourceFile, offset: number): Located {
  for (const contract of project.contractsIn(file.path)) {
    if (!contains(contract.node, offset)) continue;
    for (const member of contract.node.subNodes as BaseASTNode[]) {
      if (!contains(member, offset)) continue;
      if (member.type === 'FunctionDefinition' || member.type === 'ModifierDefinition') {
        return { contract, callable: member as FunctionDefinition | ModifierDefinition };
      }
      return { contract, member };
    }
    return { contract };
  }
  return {};
}

function describeTarget(project: ProjectModel, file: SourceFile, located: Located, offset: number): AiTarget {
  const node = located.callable ?? located.member;
  const relative = path.relative(project.root, file.path) || path.basename(file.path);
  if (node?.range) {
    const startLine = file.lines.positionAt(node.range[0]).line;
    const endLine = file.lines.positionAt(node.range[1]).line;
    return {
      file: relative,
      contractName: located.contract?.name,
      functionName: located.callable ? callableName(located.callable) : undefined,
      startOffset: node.range[0],
      endOffset: node.range[1] + 1,
      startLine,
      endLine,
    };
  }
  // Outside any function: a window of lines around the position, clamped to the file.
  const line = file.lines.positionAt(offset).line;
  const startLine = Math.max(1, line - WINDOW_LINES);
  const endLine = Math.min(file.lines.lineCount, line + WINDOW_LINES);
  return {
    file: relative,
    contractName: located.contract?.name,
    startOffset: file.lines.offsetAt(startLine, 0),
    endOffset: file.lines.offsetAt(endLine, Number.MAX_SAFE_INTEGER),
    startLine,
    endLine,
  };
}

function callableName(node: FunctionDefinition | ModifierDefinition): string {
  if (node.type === 'ModifierDefinition') return `modifier ${node.name}`;
  if (node.isConstructor) return 'constructor';
  if (node.isReceiveEther) return 'receive';
  if (node.isFallback) return 'fallback';
  return node.name ?? 'fallback';
}

function modifierSections(contract: ContractInfo, callable: FunctionDefinition | ModifierDefinition): ContextSection[] {
  if (callable.type !== 'FunctionDefinition') return [];
  const out: ContextSection[] = [];
  for (const invocation of callable.modifiers) {
    // Skip base constructor calls written in modifier position (`constructor() Ownable(msg.sender)`).
    const modifier = contract.resolveModifier(invocation.name);
    if (!modifier) continue;
    out.push({
      id: `modifier ${invocation.name}`,
      text: `// modifier ${invocation.name}, declared in ${modifier.owner.name} (${path.basename(modifier.owner.file.path)})\n${nodeText(modifier.owner.file, modifier.node)}`,
      kind: 'code',
      priority: PRIORITY.modifier,
      required: false,
    });
  }
  return out;
}

function stateVariableSections(contract: ContractInfo, callable: FunctionDefinition | ModifierDefinition): ContextSection[] {
  const locals = new Set<string>();
  const used = new Map<string, { read: boolean; written: boolean }>();
  const body = callable.body as ASTNode | null;
  for (const param of callable.parameters ?? []) if (param.name) locals.add(param.name);
  if (callable.type === 'FunctionDefinition') for (const ret of callable.returnParameters ?? []) if (ret.name) locals.add(ret.name);
  if (!body) return [];
  walk(body, {
    enter(node, ancestors) {
      if (node.type === 'VariableDeclaration' && node.name) locals.add(node.name);
      if (node.type !== 'Identifier') return;
      const usage = used.get(node.name) ?? { read: false, written: false };
      if (isWriteTarget(node, ancestors)) usage.written = true;
      else usage.read = true;
      used.set(node.name, usage);
    },
    exit() {},
  });
  const out: ContextSection[] = [];
  for (const [name, usage] of used) {
    // Skip names a local or parameter shadows: they are not the state variable.
    if (locals.has(name)) continue;
    const member = contract.stateVariable(name);
    if (!member) continue;
    const declaration = member.owner.node.subNodes.find((n) => n.type === 'StateVariableDeclaration' && contains(n, member.node.range?.[0] ?? -1));
    const access = usage.written ? (usage.read ? 'read and written' : 'written') : 'read';
    out.push({
      id: `state variable ${name}`,
      text: `// ${access} here; declared in ${member.owner.name}\n${declaration ? nodeText(member.owner.file, declaration) : name}`,
      kind: 'code',
      priority: PRIORITY.stateVariable,
      required: false,
    });
  }
  return out;
}

/** An identifier written by `x = …`, `x[i] = …`, `x.f += …`, `x++`, or `delete x`. */
function isWriteTarget(identifier: ASTNode, ancestors: readonly ASTNode[]): boolean {
  let child: ASTNode = identifier;
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const parent = ancestors[i];
    if (parent.type === 'IndexAccess' && parent.base === child) {
      child = parent;
      continue;
    }
    if (parent.type === 'MemberAccess' && parent.expression === child) {
      child = parent;
      continue;
    }
    if (parent.type === 'BinaryOperation') return /^(=|\+=|-=|\*=|\/=|%=|\|=|&=|\^=|<<=|>>=)$/.test(parent.operator) && parent.left === child;
    if (parent.type === 'UnaryOperation') return ['++', '--', 'delete'].includes(parent.operator);
    return false;
  }
  return false;
}

function calleeSections(contract: ContractInfo, callable: FunctionDefinition | ModifierDefinition): ContextSection[] {
  if (!callable.body) return [];
  const seen = new Set<string>();
  const out: ContextSection[] = [];
  walk(callable.body as ASTNode, {
    enter(node) {
      if (node.type !== 'FunctionCall') return;
      let callee = node.expression as ASTNode;
      while (callee.type === 'NameValueExpression') callee = callee.expression;
      let name: string | undefined;
      if (callee.type === 'Identifier') name = callee.name;
      else if (callee.type === 'MemberAccess' && callee.expression.type === 'Identifier' && ['this', 'super'].includes(callee.expression.name)) name = callee.memberName;
      if (!name || seen.has(`${name}/${node.arguments.length}`)) return;
      seen.add(`${name}/${node.arguments.length}`);
      const resolved = contract.resolveFunction(name, node.arguments.length);
      // Skip the function calling itself: its source is already sent.
      if (!resolved || resolved.node === callable) return;
      out.push({
        id: `signature ${name}`,
        text: `// declared in ${resolved.owner.name}\n${signatureText(resolved.owner.file, resolved.node)}`,
        kind: 'code',
        priority: PRIORITY.callee,
        required: false,
      });
    },
    exit() {},
  });
  return out;
}

function signatureText(file: SourceFile, fn: FunctionDefinition): string {
  const start = fn.range?.[0] ?? 0;
  const end = fn.body?.range ? fn.body.range[0] : (fn.range?.[1] ?? start) + 1;
  return `${file.text.slice(start, end).replace(/\s+/g, ' ').trim()};`;
}

function describeFinding(finding: Finding): string {
  return `[${finding.ruleId}] ${finding.title} — severity ${finding.severity}, confidence ${finding.confidence}, line ${finding.range.startLine}: ${finding.message}`;
}

function ruleDoc(registry: RuleRegistry, ruleId: string): string | undefined {
  const rule = registry.get(ruleId);
  if (!rule) return undefined;
  const { meta } = rule;
  return `Rule ${meta.id} (${meta.title}${meta.swc.length ? `, ${meta.swc.join(', ')}` : ''}): ${meta.description}\nExploit scenario: ${meta.exploitScenario}\nRecommendation: ${meta.recommendation}`;
}

/** Source lines prefixed with their numbers, so the model can cite lines and propose line-range edits. */
export function numberedSource(file: SourceFile, startLine: number, endLine: number): string {
  const width = String(endLine).length;
  const out: string[] = [];
  for (let line = startLine; line <= endLine; line++) out.push(`${String(line).padStart(width)}| ${file.lines.lineText(line)}`);
  return out.join('\n');
}

function nodeText(file: SourceFile, node: BaseASTNode): string {
  return node.range ? file.text.slice(node.range[0], node.range[1] + 1) : '';
}

function contains(node: BaseASTNode, offset: number): boolean {
  return !!node.range && node.range[0] <= offset && offset <= node.range[1];
}
