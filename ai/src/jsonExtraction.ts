// Tolerant JSON extraction from free text, the third step of the structured-output fallback chain: models
// without JSON modes wrap objects in code fences or prose, and sometimes leave trailing commas.

/** The first JSON object found in the text, or undefined when none parses. */
export function extractJsonObject(text: string): unknown {
  const candidates: string[] = [];
  const fence = /```(?:json)?\s*\n([\s\S]*?)```/gi;
  for (let m = fence.exec(text); m; m = fence.exec(text)) candidates.push(m[1]);
  for (let start = text.indexOf('{'); start !== -1; start = text.indexOf('{', start + 1)) {
    const end = matchingBrace(text, start);
    if (end !== -1) candidates.push(text.slice(start, end + 1));
  }
  for (const candidate of candidates) {
    const parsed = tryParse(candidate) ?? tryParse(candidate.replace(/,\s*([}\]])/g, '$1'));
    if (parsed !== undefined && typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed;
  }
  return undefined;
}

/** Index of the brace closing the one at `start`, skipping braces inside strings; -1 when unbalanced. */
function matchingBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i;
  }
  return -1;
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
