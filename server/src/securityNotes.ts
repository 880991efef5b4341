// Security notes for Solidity built-ins, shown on hover even where no rule fired: the risk travels with
// the construct, and a reader meeting it in code should see it.

export interface SecurityNote {
  title: string;
  risk: string;
  swc?: string;
}

export const SECURITY_NOTES: Record<string, SecurityNote> = {
  'tx.origin': {
    title: '`tx.origin`: the account that started the transaction',
    risk: 'Not the immediate caller. Authorising with it lets any contract the user calls act on the user\'s behalf (phishing). Use `msg.sender` for access control; `tx.origin == msg.sender` only tells you the caller is an EOA.',
    swc: 'SWC-115',
  },
  'block.timestamp': {
    title: '`block.timestamp`: set by the block proposer',
    risk: 'Validators can move it by a few seconds within protocol limits. Fine for deadlines measured in minutes or more; never use it as randomness or for sub-minute precision.',
    swc: 'SWC-116',
  },
  delegatecall: {
    title: '`delegatecall`: runs foreign code on this contract\'s storage',
    risk: 'The callee can overwrite any storage slot (owner, balances) and `selfdestruct` in the caller\'s context. Only delegatecall trusted, fixed implementations with a compatible storage layout; never a user-supplied address.',
    swc: 'SWC-112',
  },
  selfdestruct: {
    title: '`selfdestruct`: deprecated and mostly ineffective since Cancun',
    risk: 'Since EIP-6780 it only sends the balance unless called in the creating transaction, so upgrade or kill switches that rely on it no longer work. Unprotected, anyone can drain the balance with it.',
    swc: 'SWC-106',
  },
  ecrecover: {
    title: '`ecrecover`: raw signature recovery',
    risk: 'Returns `address(0)` for an invalid signature and accepts malleable (high-s) signatures. Check the result against zero, include a nonce, chain id and contract address (EIP-712), or use OpenZeppelin `ECDSA.recover`.',
    swc: 'SWC-117',
  },
  blockhash: {
    title: '`blockhash`: predictable and short-lived',
    risk: 'Known to every miner/validator and to contracts in the same block, and zero for blocks older than 256. Not a source of randomness; use a VRF or commit-reveal.',
    swc: 'SWC-120',
  },
};

const NOTE_PATTERN = /\b(tx\.origin|block\.timestamp|delegatecall|selfdestruct|ecrecover|blockhash)\b/g;

/** The built-in under `character` on a line of code, skipping ones inside a `//` comment. */
export function securityNoteAt(lineText: string, character: number): SecurityNote | undefined {
  const comment = lineText.indexOf('//');
  for (const match of lineText.matchAll(NOTE_PATTERN)) {
    const start = match.index ?? 0;
    if (comment >= 0 && start > comment) break;
    if (character >= start && character <= start + match[0].length) return SECURITY_NOTES[match[0]];
  }
  return undefined;
}
