// The publish gate (server/src/middlewares/publish-gate.ts) as a unit: a fake `strapi` with fake
// workflow/content/audit services and a fake `next`, on the plugin's compiled code (npm run build).
const { publishGate } = require('../dist/server/middlewares/publish-gate');
const { WorkflowRefusal } = require('../dist/server/domain/refusal');

const GOVERNED = 'api::article.article';
const OTHER = 'api::page.page';

/** A fake strapi: what the gate reads from it, with jest.fn spies; `request` is the current request context. */
function fakeStrapi({ request, assertPublishable = async () => ({ contentHash: 'h' }), unpublishRoles = ['editor'] } = {}) {
  const services = {
    workflow: { assertPublishable: jest.fn(assertPublishable), assertCompanionsPublishable: jest.fn(async () => []), voidIfChanged: jest.fn(async () => false) },
    content: {
      governed: jest.fn((uid) => uid === GOVERNED),
      isLocalized: jest.fn(() => false),
      localesOf: jest.fn(async () => [null]),
    },
    audit: { append: jest.fn(async (row) => row) },
  };
  const strapi = {
    services,
    plugin: jest.fn((name) => {
      if (name !== 'disclosure-workflow') throw new Error(`unexpected plugin ${name}`);
      return { service: (s) => services[s] ?? (() => { throw new Error(`unexpected service ${s}`); })() };
    }),
    requestContext: { get: jest.fn(() => request) },
    config: { get: jest.fn((key) => (key === 'plugin::disclosure-workflow.unpublishRoles' ? unpublishRoles : undefined)) },
    db: { transaction: jest.fn(async (fn) => fn({ trx: {}, onCommit() {}, onRollback() {} })) },
  };
  return strapi;
}

const adminRequest = (user) => ({
  state: { auth: { strategy: { name: 'admin' } }, user },
  request: { ip: '10.0.0.7' },
  method: 'POST',
  path: '/content-manager/collection-types/api::article.article/abc/actions/publish',
});

describe('publish', () => {
  it('companions: published after the lead in its transaction, each through publish(); a blocked one stops the lead first', async () => {
    const strapi = fakeStrapi();
    const companion = { uid: GOVERNED, documentId: 'c1', locale: null };
    strapi.services.workflow.assertCompanionsPublishable.mockResolvedValue([companion]);
    strapi.services.workflow.carrying = jest.fn((list, run) => run());
    const publish = jest.fn(async () => ({}));
    strapi.documents = jest.fn(() => ({ publish }));
    strapi.getModel = jest.fn(() => ({ attributes: {} }));
    const next = jest.fn(async () => ({ documentId: 'abc' }));
    await publishGate(strapi)({ uid: GOVERNED, action: 'publish', params: { documentId: 'abc' } }, next);
    expect(strapi.db.transaction).toHaveBeenCalledTimes(1);
    expect(publish).toHaveBeenCalledWith({ documentId: 'c1' });
    expect(strapi.services.workflow.carrying).toHaveBeenCalledWith([companion], expect.any(Function));
    expect(next.mock.invocationCallOrder[0]).toBeLessThan(publish.mock.invocationCallOrder[0]);

    const blocked = fakeStrapi();
    blocked.services.workflow.assertCompanionsPublishable.mockRejectedValue(new WorkflowRefusal('COMPANION_NOT_PUBLISHABLE', 'c1', { companion, reason: 'CHANGED_AFTER_APPROVAL' }));
    const never = jest.fn();
    const error = await publishGate(blocked)({ uid: GOVERNED, action: 'publish', params: { documentId: 'abc' } }, never).catch((e) => e);
    expect(error).toMatchObject({ status: 409, details: { code: 'COMPANION_NOT_PUBLISHABLE', companion, reason: 'CHANGED_AFTER_APPROVAL' } });
    expect(never).not.toHaveBeenCalled();
    expect(blocked.db.transaction).not.toHaveBeenCalled();
  });

  it('refused: next is never called, the refusal leaves as an HTTP 403 with the code in details', async () => {
    const strapi = fakeStrapi({ assertPublishable: async () => { throw new WorkflowRefusal('NOT_SUBMITTED'); } });
    const next = jest.fn(async () => ({ documentId: 'abc' }));
    const error = await publishGate(strapi)({ uid: GOVERNED, action: 'publish', params: { documentId: 'abc' } }, next).then(
      () => null,
      (e) => e,
    );
    expect(next).not.toHaveBeenCalled();
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(WorkflowRefusal);
    expect(error).toMatchObject({ name: 'WorkflowRefusal', status: 403, statusCode: 403, expose: true });
    expect(error.details).toEqual({ code: 'NOT_SUBMITTED', zh: '尚未提交审核或审核已失效', en: 'not submitted for review, or the review was voided' });
    expect(strapi.services.workflow.assertPublishable).toHaveBeenCalledTimes(1);
    expect(strapi.services.workflow.assertPublishable).toHaveBeenCalledWith({ uid: GOVERNED, documentId: 'abc', locale: null }, { actor: null, ip: undefined, via: 'server' });
    expect(strapi.services.audit.append).not.toHaveBeenCalled();
  });

  it('keeps each refusal status: 409 for CHANGED_AFTER_APPROVAL', async () => {
    const strapi = fakeStrapi({ assertPublishable: async () => { throw new WorkflowRefusal('CHANGED_AFTER_APPROVAL'); } });
    const next = jest.fn();
    await expect(publishGate(strapi)({ uid: GOVERNED, action: 'publish', params: { documentId: 'abc' } }, next)).rejects.toMatchObject({
      status: 409,
      details: expect.objectContaining({ code: 'CHANGED_AFTER_APPROVAL' }),
    });
    expect(next).not.toHaveBeenCalled();
  });

  it('passes errors that are not refusals through unchanged', async () => {
    const boom = new Error('database down');
    const strapi = fakeStrapi({ assertPublishable: async () => { throw boom; } });
    const next = jest.fn();
    await expect(publishGate(strapi)({ uid: GOVERNED, action: 'publish', params: { documentId: 'abc' } }, next)).rejects.toBe(boom);
    expect(next).not.toHaveBeenCalled();
  });

  it('approved: next is called once, in a transaction with the audit event', async () => {
    const strapi = fakeStrapi();
    const published = { documentId: 'abc', entries: [{ id: 2 }] };
    const next = jest.fn(async () => published);
    const result = await publishGate(strapi)({ uid: GOVERNED, action: 'publish', params: { documentId: 'abc' } }, next);
    expect(result).toBe(published);
    expect(next).toHaveBeenCalledTimes(1);
    expect(strapi.services.workflow.assertPublishable).toHaveBeenCalledTimes(1);
    expect(strapi.db.transaction).toHaveBeenCalledTimes(1);
    expect(strapi.services.audit.append).toHaveBeenCalledTimes(1);
    expect(strapi.services.audit.append).toHaveBeenCalledWith(expect.objectContaining({ event: 'publish', targetUid: GOVERNED, targetDocumentId: 'abc', actor: null }));
    // Checked before anything is written.
    expect(strapi.services.workflow.assertPublishable.mock.invocationCallOrder[0]).toBeLessThan(next.mock.invocationCallOrder[0]);
  });

  it('checks every locale the call publishes, as the admin user behind the request', async () => {
    const strapi = fakeStrapi({ request: adminRequest({ id: 7, roles: [{ code: 'editor' }] }) });
    strapi.services.content.localesOf.mockResolvedValue(['zh-Hans', 'en']);
    const next = jest.fn(async () => ({}));
    await publishGate(strapi)({ uid: GOVERNED, action: 'publish', params: { documentId: 'abc', locale: '*' } }, next);
    expect(strapi.services.content.localesOf).toHaveBeenCalledWith(GOVERNED, 'abc', '*');
    const meta = { actor: 7, ip: '10.0.0.7', via: 'POST /content-manager/collection-types/api::article.article/abc/actions/publish' };
    expect(strapi.services.workflow.assertPublishable.mock.calls).toEqual([
      [{ uid: GOVERNED, documentId: 'abc', locale: 'zh-Hans' }, meta],
      [{ uid: GOVERNED, documentId: 'abc', locale: 'en' }, meta],
    ]);
    expect(next).toHaveBeenCalledTimes(1);
    expect(strapi.services.audit.append).toHaveBeenCalledTimes(2);
    expect(strapi.services.audit.append).toHaveBeenCalledWith(expect.objectContaining({ event: 'publish', actor: 7, actorRole: 'editor', ip: '10.0.0.7' }));
  });
});

describe('ungoverned content types', () => {
  it.each(['publish', 'create', 'update', 'unpublish', 'discardDraft', 'delete'])('%s: next is called once, nothing is checked', async (action) => {
    const strapi = fakeStrapi({ request: adminRequest({ id: 3, roles: [] }) });
    const result = { documentId: 'x' };
    const next = jest.fn(async () => result);
    await expect(publishGate(strapi)({ uid: OTHER, action, params: { documentId: 'x', status: 'published' } }, next)).resolves.toBe(result);
    expect(next).toHaveBeenCalledTimes(1);
    expect(strapi.services.workflow.assertPublishable).not.toHaveBeenCalled();
    expect(strapi.services.workflow.voidIfChanged).not.toHaveBeenCalled();
    expect(strapi.services.content.localesOf).not.toHaveBeenCalled();
    expect(strapi.services.audit.append).not.toHaveBeenCalled();
    expect(strapi.db.transaction).not.toHaveBeenCalled();
  });
});

describe("create with status 'published'", () => {
  it('writes first (for field validation), then refuses the new document inside the transaction', async () => {
    const strapi = fakeStrapi({ assertPublishable: async () => { throw new WorkflowRefusal('NOT_SUBMITTED'); } });
    const next = jest.fn(async () => ({ documentId: 'new1', locale: null }));
    await expect(publishGate(strapi)({ uid: GOVERNED, action: 'create', params: { data: { title: 't' }, status: 'published' } }, next)).rejects.toMatchObject({
      status: 403,
      details: expect.objectContaining({ code: 'NOT_SUBMITTED' }),
    });
    expect(next).toHaveBeenCalledTimes(1);
    expect(strapi.db.transaction).toHaveBeenCalledTimes(1);
    expect(strapi.services.workflow.assertPublishable).toHaveBeenCalledWith({ uid: GOVERNED, documentId: 'new1', locale: null }, expect.objectContaining({ via: 'server' }));
    // The refusal is thrown out of the transaction callback, so the write is rolled back.
    await expect(strapi.db.transaction.mock.results[0].value).rejects.toMatchObject({ status: 403 });
  });

  it('a plain draft create is not checked', async () => {
    const strapi = fakeStrapi();
    const next = jest.fn(async () => ({ documentId: 'd1' }));
    await publishGate(strapi)({ uid: GOVERNED, action: 'create', params: { data: { title: 't' } } }, next);
    expect(next).toHaveBeenCalledTimes(1);
    expect(strapi.services.workflow.assertPublishable).not.toHaveBeenCalled();
    expect(strapi.db.transaction).not.toHaveBeenCalled();
  });

  it('a 400 refusal becomes a ValidationError with the code in details', async () => {
    const strapi = fakeStrapi({ assertPublishable: async () => { throw new WorkflowRefusal('NO_CHAIN'); } });
    const next = jest.fn(async () => ({ documentId: 'new2' }));
    await expect(publishGate(strapi)({ uid: GOVERNED, action: 'create', params: { data: {}, status: 'published' } }, next)).rejects.toMatchObject({
      name: 'ValidationError',
      details: expect.objectContaining({ code: 'NO_CHAIN' }),
    });
  });
});

describe('update and unpublish', () => {
  it('update of a draft voids a changed round, without a publish check', async () => {
    const strapi = fakeStrapi();
    const next = jest.fn(async () => ({ documentId: 'abc', locale: 'en' }));
    await publishGate(strapi)({ uid: GOVERNED, action: 'update', params: { documentId: 'abc', data: { body: 'x' } } }, next);
    expect(next).toHaveBeenCalledTimes(1);
    expect(strapi.services.workflow.voidIfChanged).toHaveBeenCalledWith({ uid: GOVERNED, documentId: 'abc', locale: null }, { actor: null, ip: undefined });
    expect(strapi.services.workflow.assertPublishable).not.toHaveBeenCalled();
  });

  it("update with status 'published' is checked after the write, in a transaction", async () => {
    const strapi = fakeStrapi({ assertPublishable: async () => { throw new WorkflowRefusal('IN_REVIEW'); } });
    const next = jest.fn(async () => ({ documentId: 'abc' }));
    await expect(publishGate(strapi)({ uid: GOVERNED, action: 'update', params: { documentId: 'abc', data: {}, status: 'published' } }, next)).rejects.toMatchObject({
      status: 403,
      details: expect.objectContaining({ code: 'IN_REVIEW' }),
    });
    expect(next).toHaveBeenCalledTimes(1);
    expect(strapi.db.transaction).toHaveBeenCalledTimes(1);
  });

  it('unpublish by a person without a publisher role is refused before next, and recorded', async () => {
    const strapi = fakeStrapi({ request: adminRequest({ id: 9, roles: [{ code: 'writer' }] }) });
    const next = jest.fn();
    await expect(publishGate(strapi)({ uid: GOVERNED, action: 'unpublish', params: { documentId: 'abc' } }, next)).rejects.toMatchObject({
      name: 'PolicyError',
      details: expect.objectContaining({ code: 'NOT_ALLOWED' }),
    });
    expect(next).not.toHaveBeenCalled();
    expect(strapi.services.audit.append).toHaveBeenCalledWith(expect.objectContaining({ event: 'unpublish.refused', actor: 9 }));
  });

  it('unpublish by a publisher, or by the server (scheduler), calls next once', async () => {
    for (const request of [adminRequest({ id: 4, roles: [{ code: 'editor' }] }), undefined]) {
      const strapi = fakeStrapi({ request });
      const next = jest.fn(async () => ({ documentId: 'abc' }));
      await publishGate(strapi)({ uid: GOVERNED, action: 'unpublish', params: { documentId: 'abc' } }, next);
      expect(next).toHaveBeenCalledTimes(1);
      expect(strapi.services.audit.append).toHaveBeenCalledWith(expect.objectContaining({ event: 'unpublish' }));
    }
  });
});
