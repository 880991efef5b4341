// The AI layer's public API, for the language server's worker (it answers the AI requests) and the CLI
// (`--ai-triage`). It knows neither LSP nor VS Code. The server's main thread imports only the two modules
// exported on their own (triageAnnotations, responseCache), so it never loads the model client.

export { AiError } from './aiErrors';
export { normaliseAiSettings, type AiSettings } from './aiSettings';
export { AiService, analysedFileOf, type AiAnswerMeta, type AiCall, type AnalysedFile } from './aiService';
export { triageFindings, type CliTriageRequest, type CliTriageSummary } from './cliTriage';
export { ResponseCache } from './responseCache';
export { RejectedModes } from './structuredRequest';
export type { TriageAnswer } from './schemas';
export { TriageAnnotations } from './triageAnnotations';
