import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Page } from '@playwright/test';
import {
  apiMessages,
  expect,
  NEEDS_CDP,
  photoJpeg,
  pngImage,
  sha256,
  signInTab,
  test,
  uploadSpeed,
} from './support/fixtures';
import { draftsDatabase, everyKeptEntry, keptDrafts } from './support/keptDrafts';

// The demo keeps each signed-in user's unsent images in IndexedDB (`persist`), so these run the library's
// store in real chromium against the real server: reloads, tabs, a full quota, signing out.

const composerOf = (page: Page) => page.getByRole('group', { name: 'Send images' });
const addImage = (page: Page, name: string, buffer: Buffer, mimeType = 'image/png') =>
  page.getByLabel('Add images').setInputFiles({ name, mimeType, buffer });
/**
 * Adds `name` to alice's composer, waits until the draft is kept, then sends it at 256 KiB/s until its
 * upload is at least `percent` % along. Returns the composer and the speed setter, to lift the limit later.
 */
async function sendSlowlyUntil(page: Page, name: string, jpeg: Buffer, percent: number) {
  const composer = composerOf(page);
  await addImage(page, name, jpeg, 'image/jpeg');
  await expect(composer.getByRole('img', { name })).toBeVisible();
  await expect.poll(() => keptDrafts(page, draftsDatabase('alice'))).toHaveLength(1);
  const setUploadSpeed = await uploadSpeed(page);
  await setUploadSpeed(256 * 1024);
  await composer.getByRole('button', { name: 'Send' }).click();
  const bar = composer.getByRole('progressbar', { name: `Uploading ${name}` });
  await expect
    .poll(async () => Number(await bar.getAttribute('aria-valuenow')))
    .toBeGreaterThanOrEqual(percent);
  return { composer, setUploadSpeed };
}
const originBytes = async (url: string, person: 'alice', conversationID: string) => {
  const stored = await apiMessages(url, person, conversationID);
  return Promise.all(
    stored.map(async (message) => {
      const origin = message.imageElem.imageList.find((image) => image.type === 0)?.url ?? '';
      return { id: message.id, sha256: sha256(Buffer.from(await (await fetch(origin)).arrayBuffer())) };
    }),
  );
};

test('a reload mid-upload brings the draft back; Retry resumes the upload and stores one message with the same bytes', async ({
  as,
  server,
  browserName,
}) => {
  // The same journey runs in WebKit with a throttling proxy instead (tests/e2e-webkit).
  test.skip(browserName !== 'chromium', NEEDS_CDP.uploadThrottling);
  // Within 2560 px and without metadata: preparing keeps the file as it is.
  const jpeg = await photoJpeg(2560, 1920, 95);
  const alice = await as('alice');
  await alice.open('Bob');
  const { composer, setUploadSpeed } = await sendSlowlyUntil(alice.page, 'trip.jpg', jpeg, 40);
  const [kept] = await keptDrafts(alice.page, draftsDatabase('alice'));
  expect(kept).toMatchObject({ fileName: 'trip.jpg', status: 'sending', size: jpeg.length });
  expect(kept?.sha256).toBe(sha256(jpeg));
  expect(kept?.resume).toMatch(/\/api\/uploads\/\w+$/);

  await alice.page.reload();
  await setUploadSpeed(undefined);
  const uploads: { method: string; offset?: string }[] = [];
  alice.page.on('request', (request) => {
    // OPTIONS is the transport asking, once per page, whether the server speaks tus.
    if (request.url().includes('/api/uploads') && request.method() !== 'OPTIONS') {
      uploads.push({ method: request.method(), offset: request.headers()['upload-offset'] });
    }
  });
  const headOffset = alice.page
    .waitForResponse((response) => response.request().method() === 'HEAD')
    .then((response) => Number(response.headers()['upload-offset']));
  await alice.open('Bob');
  const draft = composer
    .getByRole('listitem')
    .filter({ has: alice.page.getByRole('img', { name: 'trip.jpg' }) });
  await expect(draft).toHaveAttribute('data-state', 'failed');
  await expect(draft.getByRole('alert')).toHaveText(/the page closed while it was uploading/);
  const onDisk = await stat(join(server.dataDir, 'uploads', basename(kept?.resume ?? ''))).then(
    (file) => file.size,
  );

  await draft.getByRole('button', { name: 'Retry' }).click();
  await expect(alice.log().getByRole('link')).toHaveCount(1);
  const resumedAt = await headOffset;
  // The stored upload URL was resumed (HEAD, then PATCH from the server's offset), not a new upload made.
  expect(uploads.map(({ method }) => method)).toEqual(['HEAD', 'PATCH']);
  expect(Number(uploads[1]?.offset)).toBe(resumedAt);
  expect(resumedAt).toBe(onDisk);
  expect(resumedAt).toBeGreaterThan(0);
  test.info().annotations.push({
    type: 'resumed',
    description: `${jpeg.length} B image: the server had ${resumedAt} B (${Math.round((resumedAt * 100) / jpeg.length)} %) at the reload; ${jpeg.length - resumedAt} B were sent after it (what the server did not have)`,
  });

  expect(await originBytes(server.url, 'alice', 'c2c_bob')).toEqual([{ id: kept?.id, sha256: kept?.sha256 }]);
  await expect.poll(() => keptDrafts(alice.page, draftsDatabase('alice'))).toEqual([]);
});

test('a draft for one member of a group comes back in the group after a reload, and goes where the selector says', async ({
  as,
  server,
}) => {
  const alice = await as('alice');
  await alice.open('Team');
  await alice.page.getByLabel('Send to').selectOption({ label: 'Only Bob' });
  await addImage(alice.page, 'only-bob.png', await pngImage(200, 100));
  await expect(composerOf(alice.page).getByRole('img', { name: 'only-bob.png' })).toBeVisible();
  await expect.poll(() => keptDrafts(alice.page, draftsDatabase('alice'))).toHaveLength(1);

  await alice.page.reload();
  await alice.open('Team');
  // The selector starts over at everyone; the draft is the group's all the same.
  await expect(alice.page.getByLabel('Send to')).toHaveValue('');
  await expect(composerOf(alice.page).getByRole('img', { name: 'only-bob.png' })).toBeVisible();
  await alice.page.getByLabel('Send to').selectOption({ label: 'Only Bob' });
  await composerOf(alice.page).getByRole('button', { name: 'Send' }).click();
  await expect(alice.log().getByRole('link')).toHaveCount(1);
  expect(await apiMessages(server.url, 'bob', 'group_team')).toHaveLength(1);
  expect(await apiMessages(server.url, 'carol', 'group_team')).toHaveLength(0);
});

test('a photo sent to one member of a group and cut by a reload goes to that member only on Retry, whatever the selector shows', async ({
  as,
  server,
  browserName,
}) => {
  test.skip(browserName !== 'chromium', NEEDS_CDP.uploadThrottling);
  const jpeg = await photoJpeg(2560, 1920, 95);
  const alice = await as('alice');
  await alice.open('Team');
  await alice.page.getByLabel('Send to').selectOption({ label: 'Only Bob' });
  const { composer, setUploadSpeed } = await sendSlowlyUntil(alice.page, 'for-bob.jpg', jpeg, 20);

  await alice.page.reload();
  await setUploadSpeed(undefined);
  await alice.open('Team');
  // After the reload the selector shows everyone in Team; the draft says where Retry really sends it.
  await expect(alice.page.getByLabel('Send to')).toHaveValue('');
  const draft = composer
    .getByRole('listitem')
    .filter({ has: alice.page.getByRole('img', { name: 'for-bob.jpg' }) });
  await expect(draft).toHaveAttribute('data-state', 'failed');
  await expect(draft.getByText('Retry sends it to Bob only')).toBeVisible();
  await expect(draft.getByRole('button', { name: 'Retry' })).toHaveAccessibleDescription(
    /for-bob\.jpg.*Retry sends it to Bob only/,
  );

  await draft.getByRole('button', { name: 'Retry' }).click();
  await expect(alice.log().getByRole('link')).toHaveCount(1);
  await expect.poll(() => keptDrafts(alice.page, draftsDatabase('alice'))).toEqual([]);
  const toBob = await apiMessages(server.url, 'bob', 'group_team');
  expect(toBob).toHaveLength(1);
  expect(toBob[0]).toMatchObject({ groupID: 'team', userID: 'bob' });
  expect(await apiMessages(server.url, 'carol', 'group_team')).toEqual([]);
});

/** Records every Web Lock request of the page and whether it was granted (the real lock decides). */
function recordLockClaims() {
  const claims: { name: string; granted: boolean }[] = [];
  Object.assign(window, { lockClaims: claims });
  const request = LockManager.prototype.request as (...args: unknown[]) => Promise<unknown>;
  LockManager.prototype.request = function (this: LockManager, name: string, ...rest: unknown[]) {
    const callback = rest.pop() as (lock: Lock | null) => unknown;
    return request.call(this, name, ...rest, (lock: Lock | null) => {
      claims.push({ name, granted: Boolean(lock) });
      return callback(lock);
    });
  } as LockManager['request'];
}
const lockClaims = (page: Page) =>
  page.evaluate(() => (window as unknown as { lockClaims: { name: string; granted: boolean }[] }).lockClaims);

test('two tabs of one browser: a kept draft shows in one tab only, and is sent once', async ({
  as,
  server,
}) => {
  const first = await as('alice');
  const context = first.page.context();
  await context.addInitScript(recordLockClaims);
  await first.open('Bob');
  await addImage(first.page, 'sent.png', await pngImage(320, 200));
  await composerOf(first.page).getByRole('button', { name: 'Send' }).click();
  await expect(first.log().getByRole('link')).toHaveCount(1);
  await addImage(first.page, 'draft.png', await pngImage(200, 320));
  await expect(composerOf(first.page).getByRole('img', { name: 'draft.png' })).toBeVisible();
  await expect.poll(() => keptDrafts(first.page, draftsDatabase('alice'))).toHaveLength(1);
  const [draft] = await keptDrafts(first.page, draftsDatabase('alice'));

  const second = await signInTab(await context.newPage(), server.url, 'alice');
  await second.open('Bob');
  // The second tab found the entry and was refused its lock: the first tab holds it.
  await expect
    .poll(() => lockClaims(second.page))
    .toContainEqual({ name: `image-message:${draftsDatabase('alice')}:${draft?.id}`, granted: false });
  await expect(composerOf(second.page).getByRole('img')).toHaveCount(0);
  await expect(composerOf(second.page).getByRole('button', { name: 'Send' })).toBeDisabled();

  await first.page.close();
  await second.page.reload();
  await second.open('Bob');
  // What is left: the draft, not the image the first tab sent.
  await expect(composerOf(second.page).getByRole('img', { name: 'draft.png' })).toBeVisible();
  await expect(composerOf(second.page).getByRole('img')).toHaveCount(1);
  await composerOf(second.page).getByRole('button', { name: 'Send' }).click();
  await expect(second.log().getByRole('link')).toHaveCount(2);
  const stored = await apiMessages(server.url, 'alice', 'c2c_bob');
  expect(stored).toHaveLength(2);
  expect(stored.filter((message) => message.id === draft?.id)).toHaveLength(1);
  await expect.poll(() => keptDrafts(second.page, draftsDatabase('alice'))).toEqual([]);
});

test('when the browser’s storage is full the composer says so, and the image still sends from memory', async ({
  as,
  server,
  browserName,
}) => {
  test.skip(browserName !== 'chromium', NEEDS_CDP.quota);
  const alice = await as('alice');
  await alice.open('Bob');
  const composer = composerOf(alice.page);
  // The store's database exists (the provider opened it), then the origin gets 1 KiB more than it uses.
  await expect
    .poll(() => alice.page.evaluate(async () => (await indexedDB.databases()).map(({ name }) => name)))
    .toContain(draftsDatabase('alice'));
  const cdp = await alice.page.context().newCDPSession(alice.page);
  const { usage } = await cdp.send('Storage.getUsageAndQuota', { origin: server.url });
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: server.url, quotaSize: usage + 1024 });

  const jpeg = await photoJpeg(800, 600);
  await addImage(alice.page, 'full.jpg', jpeg, 'image/jpeg');
  await expect(composer.getByRole('img', { name: 'full.jpg' })).toBeVisible();
  await expect(composer.getByRole('alert')).toHaveText(
    "1 image isn't saved on this device: there is no room for it. Keep this page open until it's sent.",
  );
  expect(await keptDrafts(alice.page, draftsDatabase('alice'))).toEqual([]);

  await composer.getByRole('button', { name: 'Send' }).click();
  await expect(alice.log().getByRole('link')).toHaveCount(1);
  await expect(composer.getByRole('alert')).toHaveCount(0);
  const stored = await apiMessages(server.url, 'alice', 'c2c_bob');
  expect(stored).toHaveLength(1);
  const origin = stored[0]?.imageElem.imageList.find((image) => image.type === 0)?.url ?? '';
  expect(sha256(Buffer.from(await (await fetch(origin)).arrayBuffer()))).toBe(sha256(jpeg));
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: server.url });
});

test('signing out forgets that user’s kept images; another user of the browser keeps theirs and never sees them', async ({
  as,
  server,
}) => {
  const alice = await as('alice');
  const context = alice.page.context();
  await alice.open('Bob');
  await addImage(alice.page, 'alice.png', await pngImage(300, 200));
  await expect.poll(() => keptDrafts(alice.page, draftsDatabase('alice'))).toHaveLength(1);

  const bob = await signInTab(await context.newPage(), server.url, 'bob');
  await bob.open('Alice');
  await addImage(bob.page, 'bob.png', await pngImage(200, 300));
  await expect(composerOf(bob.page).getByRole('img', { name: 'bob.png' })).toBeVisible();
  await expect.poll(() => keptDrafts(bob.page, draftsDatabase('bob'))).toHaveLength(1);
  await expect(composerOf(bob.page).getByRole('img')).toHaveCount(1);

  await alice.page.getByRole('button', { name: 'Sign out' }).click();
  await expect(alice.page.getByRole('button', { name: /^carol$/i })).toBeVisible();
  // Nothing of alice's is left in the browser (not a record); bob's draft is untouched.
  const databases = (await everyKeptEntry(alice.page)).filter(({ database }) =>
    database.startsWith('image-message'),
  );
  expect(databases.map(({ database }) => database)).toEqual([draftsDatabase('alice'), draftsDatabase('bob')]);
  expect(databases[0]?.count).toBe(0);
  expect(await keptDrafts(alice.page, draftsDatabase('bob'))).toEqual([
    expect.objectContaining({ fileName: 'bob.png', status: 'created' }),
  ]);

  // The next person on this tab, and alice coming back, find no drafts.
  await alice.page.getByRole('button', { name: /^carol$/i }).click();
  await alice.page
    .getByRole('navigation', { name: 'Conversations' })
    .getByRole('button', { name: 'Alice' })
    .click();
  await expect(composerOf(alice.page).getByRole('img')).toHaveCount(0);
  expect(await keptDrafts(alice.page, draftsDatabase('carol'))).toEqual([]);
  await alice.page.getByRole('button', { name: 'Sign out' }).click();
  await alice.page.getByRole('button', { name: /^alice$/i }).click();
  await alice.open('Bob');
  await expect(composerOf(alice.page).getByRole('img')).toHaveCount(0);
  expect(await apiMessages(server.url, 'alice', 'c2c_bob')).toEqual([]);
});
