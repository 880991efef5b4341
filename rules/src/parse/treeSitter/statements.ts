// Converters for statements and blocks (not inline assembly: assembly.ts).

import type { ConverterTable } from './convertContext';

export const statementConverters: ConverterTable = {};
