// Stand-ins for the k6 modules an exported script imports, so tests can run its journeys in
// Node against a stub started in the test (k6/test/real-k6.test.ts runs the real binary).
// Plain JS: worker threads load it as it is.

/**
 * Evaluates a script transpiled to CommonJS. `request(method, url, body, params)` answers
 * `{ status, body }` synchronously, as k6's http.request does; every request (with the
 * iteration it was made in) and check is recorded. `scenario` is what k6/execution reports
 * (mutate it between calls).
 * @param {string} js
 * @param {{ request: (method: string, url: string, body: string | null, params: any) => { status: number, body: string }, scenario: { name: string, iterationInTest: number }, env?: Record<string, string> }} hooks
 */
export function evaluateScript(js, hooks) {
  const recorded = { requests: [], checks: [], counters: [] };
  const k6 = {
    __esModule: true,
    check(value, sets) {
      let all = true;
      for (const [name, test] of Object.entries(sets)) {
        const passed = Boolean(test(value));
        recorded.checks.push({ name, passed });
        all = all && passed;
      }
      return all;
    },
    sleep() {},
  };
  const http = {
    request(method, url, body, params = {}) {
      const answer = hooks.request(method, url, body, params);
      recorded.requests.push({ method, url, body, tags: { ...params.tags }, status: answer.status, iteration: hooks.scenario.iterationInTest });
      return { status: answer.status, json: () => JSON.parse(answer.body) };
    },
    setResponseCallback() {},
    expectedStatuses: (...statuses) => statuses,
  };
  const execution = {
    scenario: hooks.scenario,
    test: { abort(reason) { throw new Error(`test aborted: ${reason}`); } },
  };
  const modules = {
    k6,
    'k6/http': { __esModule: true, default: http },
    'k6/execution': { __esModule: true, default: execution },
    'k6/options': { __esModule: true },
    'k6/metrics': { __esModule: true, Counter: class { constructor(name) { this.name = name; } add(value, tags) { recorded.counters.push({ name: this.name, value, tags }); } } },
  };
  const require = (id) => {
    if (!(id in modules)) throw new Error(`the script imports ${id}, which is not a k6 module`);
    return modules[id];
  };
  const exports = {};
  new Function('require', 'exports', '__ENV', js)(require, exports, hooks.env ?? {});
  return { exports, recorded };
}
