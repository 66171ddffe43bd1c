// Hard caps for the core REST API: no unbounded lists for anonymous callers.
export default {
  rest: { defaultLimit: 25, maxLimit: 100, withCount: true },
};
