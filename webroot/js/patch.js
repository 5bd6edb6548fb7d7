// What a delta frame changes in a drill's view (docs/api.md, "Live frames"; the server's ViewPatch writes it):
// - a field left out is unchanged; a field given is the new value, whole, except that
// - the view, `latency`, `opinion` and every item of a keyed list are merged field by field by these same rules, and
// - the keyed lists (`teams`, a team's `tasks`, `criteria` and `injects` by id, `opinion.series` by minute) list only
//   the items that changed: an item already held is merged, a new one is appended.
// Nothing ever goes away during a drill, so a whole view is a patch too.

const KEYED = { teams: 'id', tasks: 'id', criteria: 'id', injects: 'id', series: 'minute' };
const MERGED = new Set(['latency', 'opinion']);
const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Applies `patch` to `view` in place and returns it. */
export function applyPatch(view, patch) {
  for (const [key, change] of Object.entries(patch)) {
    const held = view[key];
    if (KEYED[key] && Array.isArray(held) && Array.isArray(change)) {
      mergeList(held, change, KEYED[key]);
    } else if (MERGED.has(key) && isObject(held) && isObject(change)) {
      applyPatch(held, change);
    } else {
      view[key] = structuredClone(change);
    }
  }
  return view;
}

function mergeList(list, items, idKey) {
  const byId = new Map(list.map((item) => [item[idKey], item]));
  for (const change of items) {
    const held = byId.get(change[idKey]);
    if (held) {
      applyPatch(held, change);
    } else {
      const added = structuredClone(change);
      list.push(added);
      byId.set(change[idKey], added);
    }
  }
}
