// Converters for the source unit, directives, contracts and their members, and type names.

import type { ConverterTable } from './convertContext';

export const declarationConverters: ConverterTable = {};
