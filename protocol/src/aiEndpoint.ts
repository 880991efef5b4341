// What the client and the AI core both decide about an AI endpoint, with no dependency, so the CLI's AI bundle
// can import it without the LSP protocol.

/** Loopback servers (Ollama, LM Studio, llama.cpp) accept requests without a key. */
export function isLoopbackEndpoint(baseUrl: string): boolean {
  try {
    const host = new URL(baseUrl).hostname;
    return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\./.test(host);
  } catch {
    return false;
  }
}
