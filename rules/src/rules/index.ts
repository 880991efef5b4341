// The rule catalog: one line per rule, sorted by id. A test fails for any rule file missing here.

import type { Rule } from '../engine/ruleApi';
import arbitrarySendErc20 from './arbitrary-send-erc20';
import arbitrarySendEth from './arbitrary-send-eth';
import arrayLengthAssignment from './array-length-assignment';
import assembly from './assembly';
import assertStateChange from './assert-state-change';
import booleanEquality from './boolean-equality';
import cacheArrayLength from './cache-array-length';
import callsLoop from './calls-loop';
import centralizationRisk from './centralization-risk';
import chainlinkStalePrice from './chainlink-stale-price';
import constableStates from './constable-states';
import controlledDelegatecall from './controlled-delegatecall';
import deadCode from './dead-code';
import deadlineBlockTimestamp from './deadline-block-timestamp';
import delegatecallLoop from './delegatecall-loop';
import deprecatedStandards from './deprecated-standards';
import divideBeforeMultiply from './divide-before-multiply';
import ecrecoverZeroCheck from './ecrecover-zero-check';
import eip712MissingChainid from './eip712-missing-chainid';
import encodePackedCollision from './encode-packed-collision';
import erc20ApproveRace from './erc20-approve-race';
import erc4626Inflation from './erc4626-inflation';
import externalFunction from './external-function';
import feeOnTransfer from './fee-on-transfer';
import floatingPragma from './floating-pragma';
import forcedEtherBalance from './forced-ether-balance';
import immutableStates from './immutable-states';
import incorrectConstructorName from './incorrect-constructor-name';
import incorrectEquality from './incorrect-equality';
import incorrectErc20Interface from './incorrect-erc20-interface';
import incorrectErc721Interface from './incorrect-erc721-interface';
import incorrectModifier from './incorrect-modifier';
import incorrectShift from './incorrect-shift';
import integerOverflow from './integer-overflow';
import lockedEther from './locked-ether';
import missingDisableInitializers from './missing-disable-initializers';
import missingEventsAccessControl from './missing-events-access-control';
import missingEventsArithmetic from './missing-events-arithmetic';
import missingSlippage from './missing-slippage';
import missingStorageGap from './missing-storage-gap';
import missingZeroCheck from './missing-zero-check';
import msgValueLoop from './msg-value-loop';
import msgValueMulticall from './msg-value-multicall';
import oracleSpotPrice from './oracle-spot-price';
import outdatedCompiler from './outdated-compiler';
import permitFrontrunDos from './permit-frontrun-dos';
import proxyStorageCollision from './proxy-storage-collision';
import pushPaymentDos from './push-payment-dos';
import rebasingBalanceCache from './rebasing-balance-cache';
import reentrancyCallback from './reentrancy-callback';
import reentrancyCrossFunction from './reentrancy-cross-function';
import reentrancyEth from './reentrancy-eth';
import reentrancyEvents from './reentrancy-events';
import reentrancyNoEth from './reentrancy-no-eth';
import reentrancyReadOnly from './reentrancy-read-only';
import returnBomb from './return-bomb';
import rtlo from './rtlo';
import selfdestructInImplementation from './selfdestruct-in-implementation';
import shadowingBuiltin from './shadowing-builtin';
import shadowingLocal from './shadowing-local';
import shadowingState from './shadowing-state';
import signatureMalleability from './signature-malleability';
import signatureReplay from './signature-replay';
import signatureUnboundParameters from './signature-unbound-parameters';
import storagePacking from './storage-packing';
import suicidal from './suicidal';
import tautology from './tautology';
import timestamp from './timestamp';
import transferGasStipend from './transfer-gas-stipend';
import transientStorageReuse from './transient-storage-reuse';
import txOrigin from './tx-origin';
import unboundedLoop from './unbounded-loop';
import uncheckedArithmetic from './unchecked-arithmetic';
import uncheckedLowlevel from './unchecked-lowlevel';
import uncheckedSend from './unchecked-send';
import uncheckedTransfer from './unchecked-transfer';
import uninitializedState from './uninitialized-state';
import uninitializedStorage from './uninitialized-storage';
import unprotectedCriticalFunction from './unprotected-critical-function';
import unprotectedInitializer from './unprotected-initializer';
import unprotectedReceiveFallback from './unprotected-receive-fallback';
import unprotectedUpgrade from './unprotected-upgrade';
import unsafeDowncast from './unsafe-downcast';
import unsafeErc20Approve from './unsafe-erc20-approve';
import unsafeErc20Transfer from './unsafe-erc20-transfer';
import unusedReturn from './unused-return';
import unusedState from './unused-state';
import upgradeableConstructor from './upgradeable-constructor';
import voidCst from './void-cst';
import weakPrng from './weak-prng';
import writeAfterWrite from './write-after-write';

export const ALL_RULES: Rule[] = [
  arbitrarySendErc20,
  arbitrarySendEth,
  arrayLengthAssignment,
  assembly,
  assertStateChange,
  booleanEquality,
  cacheArrayLength,
  callsLoop,
  centralizationRisk,
  chainlinkStalePrice,
  constableStates,
  controlledDelegatecall,
  deadCode,
  deadlineBlockTimestamp,
  delegatecallLoop,
  deprecatedStandards,
  divideBeforeMultiply,
  ecrecoverZeroCheck,
  eip712MissingChainid,
  encodePackedCollision,
  erc20ApproveRace,
  erc4626Inflation,
  externalFunction,
  feeOnTransfer,
  floatingPragma,
  forcedEtherBalance,
  immutableStates,
  incorrectConstructorName,
  incorrectEquality,
  incorrectErc20Interface,
  incorrectErc721Interface,
  incorrectModifier,
  incorrectShift,
  integerOverflow,
  lockedEther,
  missingDisableInitializers,
  missingEventsAccessControl,
  missingEventsArithmetic,
  missingSlippage,
  missingStorageGap,
  missingZeroCheck,
  msgValueLoop,
  msgValueMulticall,
  oracleSpotPrice,
  outdatedCompiler,
  permitFrontrunDos,
  proxyStorageCollision,
  pushPaymentDos,
  rebasingBalanceCache,
  reentrancyCallback,
  reentrancyCrossFunction,
  reentrancyEth,
  reentrancyEvents,
  reentrancyNoEth,
  reentrancyReadOnly,
  returnBomb,
  rtlo,
  selfdestructInImplementation,
  shadowingBuiltin,
  shadowingLocal,
  shadowingState,
  signatureMalleability,
  signatureReplay,
  signatureUnboundParameters,
  storagePacking,
  suicidal,
  tautology,
  timestamp,
  transferGasStipend,
  transientStorageReuse,
  txOrigin,
  unboundedLoop,
  uncheckedArithmetic,
  uncheckedLowlevel,
  uncheckedSend,
  uncheckedTransfer,
  uninitializedState,
  uninitializedStorage,
  unprotectedCriticalFunction,
  unprotectedInitializer,
  unprotectedReceiveFallback,
  unprotectedUpgrade,
  unsafeDowncast,
  unsafeErc20Approve,
  unsafeErc20Transfer,
  unusedReturn,
  unusedState,
  upgradeableConstructor,
  voidCst,
  weakPrng,
  writeAfterWrite,
];
