// Exit codes of the sol-audit command and the error that carries a user-facing message to exit code 2.

export const EXIT_OK = 0;
/** A finding at or above --fail-on was reported. */
export const EXIT_FINDINGS = 1;
/** Usage error, bad config, unknown rule id, unreadable baseline, nothing scannable, or an internal error. */
export const EXIT_ERROR = 2;

/** A problem the user can fix (a flag, a config key, a file name); printed without a stack trace. */
export class UsageError extends Error {}
