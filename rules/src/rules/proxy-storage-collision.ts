// proxy-storage-collision: a proxy (its fallback delegatecalls) declares ordinary state variables, which sit in
// slots 0, 1, ... where the implementation keeps its own variables, so each side overwrites the other.

import type { ContractDefinition } from '@solidity-parser/parser/dist/src/ast-types';
import { delegateTarget, delegatingFallback, layoutMirror, layoutsAgree, storageLayout, type SlotVariable } from '../analysis/upgradeability';
import { defineRule, type RelatedDescriptor } from '../engine/ruleApi';

/** `a`, `b`, `c` and 4 more: a proxy is reported once, naming its variables. */
function listNames(variables: readonly SlotVariable[]): string {
  const names = variables.slice(0, 4).map(({ variable }) => `\`${variable.name ?? ''}\``);
  return variables.length > 4 ? `${names.join(', ')} and ${variables.length - 4} more` : names.join(', ');
}

export default defineRule({
  meta: {
    id: 'proxy-storage-collision',
    title: 'Proxy declares state variables in the implementation\'s slots',
    severity: 'high',
    confidence: 'medium',
    category: 'upgradeability',
    scope: 'contract',
    // layoutMirror reads the storage layout of every contract of the project.
    readsUnrelatedDeclarations: true,
    swc: ['SWC-124'],
    description:
      'A proxy runs the implementation\'s code on the proxy\'s storage. Ordinary state variables of the proxy (an `implementation` address, an `admin`) take slots 0, 1, ... from the start of storage, exactly where the implementation\'s first variables live. A write through either side corrupts the other: the implementation\'s `owner` overwrites the proxy\'s `implementation`, or the other way round.\n\nThe rule reports each proxy once and stays silent when the layouts agree by construction: the delegate created or typed in the proxy\'s constructor declares the same variables first (or none at all), or a contract of the project (not a proxy itself) begins with the proxy\'s variables in the same order (a shared storage base, or a layout mirrored by hand such as a singleton address in slot 0), or the variables come from a base named `...Storage`. When the delegate is fixed at deployment (an immutable target) and no such contract is found, the finding is Medium with low confidence: proxy and delegate are one system built together, and the layout needs checking by hand.',
    exploitScenario:
      'The proxy stores `address public implementation` in slot 0; the implementation\'s first variable is `address owner`. Calling the implementation\'s `initialize(attacker)` through the proxy writes the attacker\'s address into slot 0: the proxy now delegates every call to the attacker\'s contract (the Audius governance takeover followed this shape).',
    recommendation:
      'Keep proxy state in EIP-1967 slots (`bytes32 constant IMPLEMENTATION_SLOT = bytes32(uint256(keccak256("eip1967.proxy.implementation")) - 1)`, read and written with `StorageSlot`), or use OpenZeppelin `ERC1967Proxy` / `TransparentUpgradeableProxy`; proxy settings that never change can be `immutable`. A proxy that shares its layout with its logic contract on purpose should inherit the same storage base.',
    references: ['https://eips.ethereum.org/EIPS/eip-1967', 'https://swcregistry.io/docs/SWC-124', 'https://blog.openzeppelin.com/proxy-patterns'],
    messages: {
      default: 'Proxy `{{contract}}` keeps {{variables}} in ordinary storage, from slot 0 up; the implementation\'s variables use the same slots. Use EIP-1967 slots.',
      knownImplementation: 'Proxy `{{contract}}` keeps {{variables}} in ordinary storage, but its delegate `{{implementation}}` lays out different variables in the same slots.',
      fixedDelegate: 'Proxy `{{contract}}` delegates to a contract fixed at deployment and keeps {{variables}} in ordinary storage; no contract here declares the same layout. Check that the delegate declares these variables first, in this order.',
    },
  },
  create(context) {
    return {
      ContractDefinition(node: ContractDefinition) {
        const contract = context.project.contractOf(node);
        if (!contract || node.kind !== 'contract') return;
        const forwarding = delegatingFallback(contract, context.project);
        if (!forwarding) return;
        const layout = storageLayout(contract);
        // Skip shared layouts by name: `Proxy is XStorage` and `Impl is XStorage` agree on every slot by construction.
        const exposed = layout.filter(({ owner }) => !/Storage$/i.test(owner.name));
        if (exposed.length === 0) return;
        const target = delegateTarget(contract, context.project, forwarding);
        if (target.implementation && layoutsAgree(layout, storageLayout(target.implementation))) return;
        if (!target.implementation && layoutMirror(contract, context.project, layout)) return;

        // One finding per proxy: on its first own variable (else the contract), the other variables related.
        const anchor = exposed.find(({ owner }) => owner === contract);
        const related: RelatedDescriptor[] = exposed
          .filter((v) => v !== anchor)
          .map(({ variable, owner }) => ({ node: variable, message: `\`${variable.name ?? ''}\` (${owner.name}) takes an ordinary slot`, file: owner.file }));
        const data = { contract: node.name, variables: listNames(exposed), implementation: target.implementation?.name ?? '' };
        const base = { node: anchor?.variable ?? node, data, related };
        if (target.implementation) context.report({ ...base, messageId: 'knownImplementation' });
        else if (target.fixed) context.report({ ...base, messageId: 'fixedDelegate', severity: 'medium', confidence: 'low' });
        else context.report({ ...base, messageId: 'default' });
      },
    };
  },
});
