import { apiMessages, dropFiles, expect, pngImage, sha256, test } from './support/fixtures';

test('messages survive a server restart', async ({ as, server }) => {
  const alice = await as('alice');
  await alice.open('Carol');
  const png = await pngImage(300, 200);
  await dropFiles(alice.page, [{ name: 'keep.png', mimeType: 'image/png', buffer: png }]);
  await alice.page.getByRole('button', { name: 'Send' }).click();
  await expect(alice.log().getByRole('link')).toHaveCount(1);
  const before = await apiMessages(server.url, 'alice', 'c2c_carol');

  await server.restart();

  await alice.page.reload();
  await alice.open('Carol');
  await expect(alice.log().getByRole('link')).toHaveCount(1);
  // The log shows the THUMB variant (shorter side 198 px): made before the restart, served after it.
  await expect(alice.log().getByRole('img')).toHaveJSProperty('naturalHeight', 198);
  const origin = await alice.log().getByRole('link').getAttribute('href');
  expect(sha256(Buffer.from(await (await fetch(origin ?? '')).arrayBuffer()))).toBe(sha256(png));
  expect(await apiMessages(server.url, 'alice', 'c2c_carol')).toEqual(
    before.map((message) => expect.objectContaining({ msgID: message.msgID })),
  );
});
