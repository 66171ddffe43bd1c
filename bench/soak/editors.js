// Editors of one department, as its demo staff through the admin API (behind the proxy): the author
// creates an item and submits it, each review step approves, the secrecy reviewer signs off, the
// publisher publishes; every `unpublishEvery`-th item is then read on every instance (so a cache
// would hold it), unpublished, and 1 s later probed everywhere: it must be gone.
const ITEM = 'api::disclosure-item.disclosure-item';
const CM = `/content-manager/collection-types/${ITEM}`;
const ok = (res) => res.status >= 200 && res.status < 300;

/** Reads that would show the item: lookup by 索引号, REST findOne, the department's first catalogue page. */
async function visibility(http, base, item) {
  const reads = [
    ['lookup', `/api/catalogue/lookup?indexNumber=${encodeURIComponent(item.indexNumber)}`, (res) => res.status === 200],
    ['rest', `/api/disclosure-items/${item.documentId}`, (res) => res.status === 200],
    ['list', `/api/catalogue?department=${encodeURIComponent(item.department)}&pageSize=20`, (res) => res.status === 200 && res.json().data.some((d) => d.documentId === item.documentId)],
  ];
  const out = [];
  for (const [kind, path, shows] of reads) {
    const res = await http.direct(base, 'GET', path);
    out.push({ kind, status: res.error ?? res.status, unreachable: Boolean(res.error) || res.status >= 500, present: !res.error && shows(res) });
  }
  return out;
}

/**
 * `dept`: { code, documentId, tokens: { role code → admin JWT } }. `targets`: [{ name, url }] (the
 * proxy first, then each instance). Items and probes are appended to `out.items` / `out.probes` / `out.warm`.
 */
async function editor(http, dept, targets, running, out, { unpublishEvery }) {
  for (let n = 1; running(); n++) {
    const item = { department: dept.code, steps: {} };
    out.items.push(item);
    const step = async (name, role, path, body) => {
      const endpoint = path.startsWith(CM) ? `POST content-manager ${name.replace('cm ', '')}` : `POST ${path}`;
      const res = await http.request('POST', path, { endpoint, body, token: dept.tokens[role] });
      item.steps[name] = res.error ?? res.status;
      return ok(res) ? res.json() : null;
    };
    const title = `压力测试事项 ${dept.code} 第${n}号 ${Date.now()}`;
    const created = await step('cm create', 'gov-author', CM, {
      title, department: dept.documentId, formedAt: '2026-11-01', genre: 'notice', summary: '压力测试内容概述', body: '压力测试正文。'.repeat(40), disclosure: 'proactive',
    });
    if (!created) continue;
    Object.assign(item, { documentId: created.data.documentId, indexNumber: created.data.indexNumber, title });
    const target = { uid: ITEM, documentId: item.documentId };
    let status = (await step('submit', 'gov-author', '/disclosure-workflow/submit', target))?.data;
    while (status?.state === 'in_review') {
      const role = status.steps[status.current].roles[0];
      status = (await step('decide', role, '/disclosure-workflow/decide', { ...target, decision: 'approve' }))?.data;
    }
    if (status?.state !== 'awaiting_signoff') continue;
    if (!(await step('sign-off', 'gov-secrecy-reviewer', '/disclosure-workflow/sign-off', { ...target, conclusion: 'public' }))) continue;
    item.approved = true;
    if (!(await step('cm publish', 'gov-publisher', `${CM}/${item.documentId}/actions/publish`, {}))) continue;
    item.published = true;
    if (n % unpublishEvery !== 0 || !running()) continue;

    // The author's create answer may leave 索引号 out (field permissions): take it from the public read.
    item.indexNumber ??= (await http.direct(targets[0].url, 'GET', `/api/disclosure-items/${item.documentId}`)).json()?.data?.indexNumber;
    for (const t of targets) out.warm.push(...(await visibility(http, t.url, item)).map((v) => ({ ...v, target: t.name, documentId: item.documentId })));
    if (!(await step('cm unpublish', 'gov-publisher', `${CM}/${item.documentId}/actions/unpublish`, {}))) continue;
    item.unpublished = true;
    await new Promise((r) => setTimeout(r, 1000));
    out.probes.push(...(await probe(http, targets, item)));
  }
}

/** Every read of `visibility` on every target, labelled. */
async function probe(http, targets, item, when = '+1 s') {
  const out = [];
  for (const t of targets) out.push(...(await visibility(http, t.url, item)).map((v) => ({ ...v, target: t.name, documentId: item.documentId, when })));
  return out;
}

module.exports = { editor, probe, ITEM };
