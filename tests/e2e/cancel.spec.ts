import { apiMessages, expect, NEEDS_CDP, photoJpeg, test, uploadSpeed } from './support/fixtures';

test('cancel mid-upload stores nothing; Retry then stores exactly one message', async ({
  as,
  server,
  browserName,
}) => {
  test.skip(browserName !== 'chromium', NEEDS_CDP.uploadThrottling);
  const jpeg = await photoJpeg(3000, 2000);
  const alice = await as('alice');
  await alice.open('Bob');
  await alice.page
    .getByLabel('Add images')
    .setInputFiles({ name: 'big.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  await expect(alice.page.getByRole('img', { name: 'big.jpg' })).toBeVisible();

  const setUploadSpeed = await uploadSpeed(alice.page);
  await setUploadSpeed(200 * 1024);
  await alice.page.getByRole('button', { name: 'Send' }).click();
  const bar = alice.page.getByRole('progressbar', { name: 'Uploading big.jpg' });
  await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan(5);
  await alice.page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(alice.page.getByText('Upload canceled', { exact: true })).toBeVisible();
  await expect(alice.page.getByRole('button', { name: 'Retry' })).toBeFocused();
  // A cancel is the user's choice, not a failure: the conversation shows nothing for it.
  await expect(alice.log().getByRole('listitem')).toHaveCount(0);
  expect(await apiMessages(server.url, 'alice', 'c2c_bob')).toHaveLength(0);

  await setUploadSpeed(undefined);
  await alice.page.getByRole('button', { name: 'Retry' }).click();
  const composer = alice.page.getByRole('group', { name: 'Send images' });
  await expect(composer.getByRole('img', { name: 'big.jpg' })).toHaveCount(0, { timeout: 20_000 });
  await expect(alice.log().getByRole('link')).toHaveCount(1);
  const stored = await apiMessages(server.url, 'alice', 'c2c_bob');
  expect(stored).toHaveLength(1);
  await alice.page.screenshot({ path: 'test-results/e2e/after-retry.png' });
});
