import { apiMessages, dropFiles, expect, pngImage, test } from './support/fixtures';

test('a targeted group image reaches only its receiver', async ({ as, server }) => {
  const alice = await as('alice');
  const bob = await as('bob');
  const carol = await as('carol');
  for (const tab of [alice, bob, carol]) await tab.open('Team');

  await alice.page.getByLabel('Send to').selectOption({ label: 'Only Bob' });
  await dropFiles(alice.page, [
    { name: 'secret.png', mimeType: 'image/png', buffer: await pngImage(200, 100) },
  ]);
  await alice.page.getByRole('button', { name: 'Send' }).click();
  await expect(alice.log().getByRole('link')).toHaveCount(1);
  await expect(bob.log().getByRole('link')).toHaveCount(1);
  await expect(bob.log()).toContainText('only you');

  // Carol, in the same group, sees nothing: neither live nor after a reload nor through the API.
  await carol.page.reload();
  await carol.open('Team');
  await expect(carol.page.getByText('No messages yet')).toBeVisible();
  expect(await apiMessages(server.url, 'carol', 'group_team')).toHaveLength(0);
  expect(await apiMessages(server.url, 'bob', 'group_team')).toHaveLength(1);

  // Carol cannot fetch the image even with the link bob got.
  const [message] = await apiMessages(server.url, 'bob', 'group_team');
  const origin = message?.imageElem.imageList.find((image) => image.type === 0)?.url ?? '';
  const asCarol = origin.replace(/([?&]u=)bob/, '$1carol');
  expect((await fetch(asCarol)).status).toBeGreaterThanOrEqual(400);
});
