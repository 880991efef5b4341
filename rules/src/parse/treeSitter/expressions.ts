// Converters for expressions and literals.

import type { ConverterTable } from './convertContext';

export const expressionConverters: ConverterTable = {};
