// Worker-thread entry for parallel scans (see scanRunner.ts).
export {};
