// proxy-storage-collision: a proxy (its fallback delegatecalls) declares ordinary state variables, which sit in
// slots 0, 1, ... where the implementation keeps its own variables, so each side overwrites the other.

import type { ContractDefinition, StateVariableDeclarationVariable } from '@solidity-parser/parser/dist/src/ast-types';
import { executionEvents, type ExecutionEvent } from '../analysis/effects';
import { defineRule } from '../engine/ruleApi';
import type { ContractInfo } from '../project/projectModel';

function isDelegatecall(event: ExecutionEvent): boolean {
  if (event.kind !== 'external-call') return false;
  if (event.call) return event.call.kind === 'delegatecall';
  return event.node.type === 'AssemblyCall' && event.node.functionName === 'delegatecall';
}

/** Whether the contract's fallback (own or inherited) forwards calls with delegatecall: it is a proxy. */
function isDelegatingProxy(contract: ContractInfo, project: Parameters<typeof executionEvents>[2]): boolean {
  const fallback = contract.functions().find((m) => m.node.isFallback && m.node.body);
  return !!fallback && executionEvents(fallback.node, contract, project).some(isDelegatecall);
}

/** Variables that take a storage slot: not constants, not immutables. */
function occupiesSlot(variable: StateVariableDeclarationVariable): boolean {
  return !variable.isDeclaredConst && !variable.isImmutable;
}

export default defineRule({
  meta: {
    id: 'proxy-storage-collision',
    title: 'Proxy declares state variables in the implementation\'s slots',
    severity: 'high',
    confidence: 'medium',
    category: 'upgradeability',
    scope: 'contract',
    swc: ['SWC-124'],
    description:
      'A proxy runs the implementation\'s code on the proxy\'s storage. Ordinary state variables of the proxy (an `implementation` address, an `admin`) take slots 0, 1, ... from the start of storage, exactly where the implementation\'s first variables live. A write through either side corrupts the other: the implementation\'s `owner` overwrites the proxy\'s `implementation`, or the other way round.\n\nThe rule stays silent for variables declared in a base whose name says it is a shared storage layout (`...Storage`), the pattern in which proxy and implementation inherit the same layout on purpose.',
    exploitScenario:
      'The proxy stores `address public implementation` in slot 0; the implementation\'s first variable is `address owner`. Calling the implementation\'s `initialize(attacker)` through the proxy writes the attacker\'s address into slot 0: the proxy now delegates every call to the attacker\'s contract (the Audius governance takeover followed this shape).',
    recommendation:
      'Keep proxy state in EIP-1967 slots (`bytes32 constant IMPLEMENTATION_SLOT = bytes32(uint256(keccak256("eip1967.proxy.implementation")) - 1)`, read and written with `StorageSlot`), or use OpenZeppelin `ERC1967Proxy` / `TransparentUpgradeableProxy`; proxy settings that never change can be `immutable`.',
    references: ['https://eips.ethereum.org/EIPS/eip-1967', 'https://swcregistry.io/docs/SWC-124', 'https://blog.openzeppelin.com/proxy-patterns'],
    messages: { default: 'Proxy `{{contract}}` keeps `{{variable}}` in ordinary storage, from slot 0 up; the implementation\'s variables use the same slots. Use an EIP-1967 slot.' },
  },
  create(context) {
    return {
      ContractDefinition(node: ContractDefinition) {
        const contract = context.project.contractOf(node);
        if (!contract || node.kind !== 'contract' || !isDelegatingProxy(contract, context.project)) return;
        const slotted = contract.linearization.flatMap((c) => c.ownStateVariables().filter(occupiesSlot).map((variable) => ({ variable, owner: c })));
        slotted.forEach(({ variable, owner }) => {
          // Skip shared layouts: `Proxy is XStorage` and `Impl is XStorage` agree on every slot by construction.
          if (/Storage$/i.test(owner.name)) return;
          // Inherited variables are reported on the proxy itself; its own on their declaration.
          const anchor = owner === contract ? variable : node;
          context.report({ node: anchor, messageId: 'default', data: { contract: node.name, variable: variable.name ?? '' } });
        });
      },
    };
  },
});
