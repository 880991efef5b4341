// The sol-audit command line.
import { defaultRegistry } from '../index';
console.log(`${defaultRegistry().all().length} rules`);
