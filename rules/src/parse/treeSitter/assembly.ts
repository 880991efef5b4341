// Converters for inline assembly (Yul).

import type { ConverterTable } from './convertContext';

export const assemblyConverters: ConverterTable = {};
