/** Types of k6-shim.mjs (plain JS, so worker threads can load it without a TS loader). */
export interface ShimHooks {
  request(method: string, url: string, body: string | null, params: { headers?: Record<string, string>; tags?: Record<string, string> }): { status: number; body: string };
  scenario: { name: string; iterationInTest: number };
  env?: Record<string, string>;
}

export function evaluateScript(js: string, hooks: ShimHooks): {
  exports: Record<string, any>;
  recorded: {
    requests: { method: string; url: string; body: string | null; tags: Record<string, string>; status: number; iteration: number }[];
    checks: { name: string; passed: boolean }[];
  };
};
