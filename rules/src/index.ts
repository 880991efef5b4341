// The public API of the engine: everything the CLI, the language server, the AI package and tests may import.

export * from './model/finding';
export { LineIndex } from './model/lineIndex';
export type { SourceFile, BodyEdit } from './project/sourceFile';
export { ParseCache, createSourceFile, hashText, sourceFileFromParse } from './project/sourceFile';
export { IncrementalParseCache, type ParseKind } from './project/incrementalParseCache';
export { loadTreeSitter } from './parse/treeSitter';
export type { FileHost } from './project/fileHost';
export { InMemoryFileHost } from './project/fileHost';
export type { ParseOutcome, SyntaxError } from './parse/parseSolidity';
export { discoverRemappings, ImportResolver } from './project/remappings';
export { ProjectModel, ContractInfo } from './project/projectModel';
export { findProjectRoot, collectSolidityFiles, listSolidityFiles } from './project/projectFiles';
export type { SolidityFiles } from './project/projectFiles';
export { readProjectLayout } from './project/projectLayout';
export type { LeftOutFolder, LeftOutReason, ProjectLayout } from './project/projectLayout';
export type { Rule, RuleMeta, RuleContext, RuleVisitor, Category } from './engine/ruleApi';
export { defineRule, CATEGORIES } from './engine/ruleApi';
export { RuleRegistry, RuleMetadataError, validateRuleMeta } from './engine/registry';
export { ENGINE_RULES } from './engine/engineRules';
export type { RuleSelection, SelectionOverrides } from './engine/ruleSelection';
export { selectRules, knownRuleIds, UnknownRuleError } from './engine/ruleSelection';
export { analyzeFile, compareFindings } from './engine/analyze';
export { FindingReuse } from './engine/findingReuse';
export { scanFiles, readableFiles } from './engine/scan';
export type { ScanResult, ScanError } from './engine/scan';
export { AnalysisSession } from './engine/analysisSession';
export type { AnalysisSettings, AnalysisSessionOptions, AnalyseOptions, DocumentAnalysis, LoadedConfig, ProjectReport, ProjectView } from './engine/analysisSession';
export { ReportPolicy } from './engine/reportPolicy';
export type { ReportSettings, ReportedFiles } from './engine/reportPolicy';
export { relativeTo } from './engine/runRules';
export { parseSuppressions } from './engine/suppressions';
export type { AuditConfig, Profile, RuleSetting } from './config/config';
export { parseConfig, ConfigError, CONFIG_FILE_NAME, DEFAULT_CONFIG, PROFILES } from './config/config';
export { ALL_RULES } from './rules/index';

import { RuleRegistry } from './engine/registry';
import { ALL_RULES } from './rules/index';

/** The registry of every built-in rule, validated once. */
export function defaultRegistry(): RuleRegistry {
  return new RuleRegistry(ALL_RULES);
}
export { NodeFileHost } from './project/nodeFileHost';
export { ruleDocsUrl, DOCS_BASE_URL } from './model/ruleDocsUrl';
export { walk, childrenOf, aliasKeyOf } from './engine/walk';
export type { AnalyzeOptions } from './engine/analyze';
export { renderMarkdown } from './format/markdown';
export type { AuditReport } from './format/report';
export { renderReport } from './format/renderReport';
export { renderSarif, FINGERPRINT_KEY } from './format/sarif';
export { renderRuleDocs } from './format/ruleDocs';
export type { MeasuredPrecision, PrecisionLevel, TriageLabel } from './precision/measuredPrecision';
export { describePrecision, meetsRecommendedPrecision } from './precision/measuredPrecision';
export { CORPUS_PRECISION } from './precision/corpusPrecision';
