import {
  apiMessages,
  dropFiles,
  expect,
  NEEDS_CDP,
  photoJpeg,
  pngImage,
  sha256,
  test,
  uploadSpeed,
} from './support/fixtures';

test('alice picks a JPEG and drops a PNG; both arrive for bob, and each ORIGIN link serves the exact bytes', async ({
  as,
  server,
  browserName,
}) => {
  test.skip(browserName !== 'chromium', NEEDS_CDP.uploadThrottling);
  const jpeg = await photoJpeg(2400, 1600);
  const png = await pngImage(640, 480);
  const alice = await as('alice');
  const bob = await as('bob');
  await alice.open('Bob');
  await bob.open('Alice');

  await alice.page
    .getByLabel('Add images')
    .setInputFiles({ name: 'beach.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  await dropFiles(alice.page, [{ name: 'chart.png', mimeType: 'image/png', buffer: png }]);
  await expect(alice.page.getByRole('img', { name: 'beach.jpg' })).toBeVisible();
  await expect(alice.page.getByRole('img', { name: 'chart.png' })).toBeVisible();
  await expect(alice.page.getByRole('status')).toContainText('added');

  // Slow the upload so its progress can be seen (CDP network throttling of the page).
  const setUploadSpeed = await uploadSpeed(alice.page);
  await setUploadSpeed(400 * 1024);
  await alice.page.getByRole('button', { name: 'Send' }).click();
  const bar = alice.page.getByRole('progressbar', { name: 'Uploading beach.jpg' });
  await expect(bar).toBeVisible();
  await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
  await setUploadSpeed(undefined);

  // The drafts leave the composer and the messages show in both logs as images linking to ORIGIN.
  // (In the composer: the log shows the sent image under its name too.)
  const composer = alice.page.getByRole('group', { name: 'Send images' });
  await expect(composer.getByRole('img', { name: 'beach.jpg' })).toHaveCount(0, { timeout: 20_000 });
  for (const tab of [alice, bob])
    await expect(tab.log().getByRole('link')).toHaveCount(2, { timeout: 15_000 });
  await expect(bob.log().getByRole('img').first()).toHaveJSProperty('complete', true);

  const links = await bob
    .log()
    .getByRole('link')
    .evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
  const served = await Promise.all(
    links.map(async (href) => sha256(Buffer.from(await (await fetch(href)).arrayBuffer()))),
  );
  expect(served.sort()).toEqual([sha256(jpeg), sha256(png)].sort());

  const stored = await apiMessages(server.url, 'bob', 'c2c_alice');
  expect(stored).toHaveLength(2);
  // Each carries the ThumbHash the composer's worker made, stored by the server (base64, ~25 bytes).
  for (const message of stored) expect(message.imageElem.placeholder).toMatch(/^[A-Za-z0-9+/]{20,}={0,2}$/);
});

test('a new message appears for the other person without a reload', async ({ as }) => {
  const carol = await as('carol');
  const bob = await as('bob');
  await carol.open('Bob');
  await bob.open('Carol');
  await expect(bob.page.getByText('No messages yet')).toBeVisible();
  await dropFiles(carol.page, [
    { name: 'hello.png', mimeType: 'image/png', buffer: await pngImage(120, 90) },
  ]);
  await carol.page.getByRole('button', { name: 'Send' }).click();
  await expect(bob.log().getByRole('link')).toHaveCount(1);
  await expect(bob.log()).toContainText('Carol');
});
