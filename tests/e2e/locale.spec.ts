import { expect, pngImage, test } from './support/fixtures';

test('the open conversation is in the URL, so a reload (or Back) returns to it', async ({ as }) => {
  const alice = await as('alice');
  const nav = alice.page.getByRole('navigation', { name: 'Conversations' });
  await alice.open('Team');
  await expect(nav.getByRole('button', { name: 'Team' })).toHaveAttribute('aria-current', 'page');
  await expect(alice.page).toHaveURL(/[?&]c=group_team(&|$)/);
  await alice.open('Bob');
  await expect(alice.page).toHaveURL(/[?&]c=c2c_bob(&|$)/);

  await alice.page.reload();
  await expect(nav.getByRole('button', { name: 'Bob' })).toHaveAttribute('aria-current', 'page');
  await expect(alice.page.getByRole('heading', { level: 1 })).toHaveText('Bob');
  await alice.page.goBack();
  await expect(nav.getByRole('button', { name: 'Team' })).toHaveAttribute('aria-current', 'page');
});

test('the language menu offers all six; the choice speaks in the composer and messages, mirrors Arabic, and survives a reload', async ({
  as,
}) => {
  const alice = await as('alice');
  const { page } = alice;
  await alice.open('Bob');
  const menu = page.getByLabel('Language');
  await expect(menu.getByRole('option')).toHaveText([
    'English',
    '简体中文',
    '繁體中文',
    '日本語',
    '한국어',
    'العربية',
  ]);

  await menu.selectOption('ja-JP');
  await expect(page.getByRole('button', { name: '画像を追加' })).toBeVisible();
  await expect(page).toHaveURL(/[?&]lang=ja-JP(&|$)/);
  await page.getByLabel('画像を追加').setInputFiles({
    name: 'chart.png',
    mimeType: 'image/png',
    buffer: await pngImage(640, 480),
  });
  await expect(page.getByRole('img', { name: 'chart.png' })).toBeVisible();
  await page.getByRole('button', { name: '送信', exact: true }).click();
  await expect(alice.log().getByRole('button', { name: /^画像 .+ を開く$/ })).toBeVisible({
    timeout: 15_000,
  });
  // Sent, not only shown: the link to the original comes with the server's answer. A reload before it
  // would cut the upload (the draft comes back to retry) and leave no message to read in Arabic below.
  await expect(alice.log().getByRole('link', { name: /^オリジナル/ })).toBeVisible({ timeout: 15_000 });

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bob');
  await expect(page.getByLabel('Language')).toHaveValue('ja-JP');
  await expect(page.getByRole('button', { name: '画像を追加' })).toBeVisible();

  await page.getByLabel('Language').selectOption('ar');
  const composer = page.locator('.demo-conversation-body');
  await expect(composer).toHaveAttribute('dir', 'rtl');
  await expect(composer).toHaveAttribute('lang', 'ar');
  await expect(page.getByRole('button', { name: 'إضافة صور' })).toBeVisible();
  // Mirrored: the Send button sits at the start of the line, which is now the left.
  const send = await page.getByRole('button', { name: 'إرسال', exact: true }).boundingBox();
  const add = await page.getByRole('button', { name: 'إضافة صور' }).boundingBox();
  expect(send && add && send.x < add.x + add.width / 2).toBe(true);
  // The message's time is told in Arabic too (ص / م for a.m. / p.m.), not in the browser's language.
  await expect(alice.log().locator('time')).toHaveText(/[صم]/);

  for (const locale of ['zh-CN', 'zh-TW', 'ko-KR', 'en-US']) {
    await page.getByLabel('Language').selectOption(locale);
    await expect(
      page.getByRole('button', {
        name: { 'zh-CN': '发送', 'zh-TW': '傳送', 'ko-KR': '전송', 'en-US': 'Send' }[locale],
        exact: true,
      }),
    ).toBeVisible();
  }
});
