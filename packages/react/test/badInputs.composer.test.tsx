// Every case of the bad-input corpus (tests/fixtures/bad/manifest.json, written by
// tests/fixtures/generate-bad.mjs) picked in the composer, the way a user would pick it: a File with the
// presented name and the claimed MIME type. A refused file shows exactly one alert, in the composer's
// own words for its code (en-US, and zh-CN for a few), with no preview, and nothing reaches the transport;
// an accepted one shows one preview named by the sanitized name. Core (packages/core/test/badInputs.test.ts)
// and the server (packages/server/test/badInputs.test.ts) assert the same manifest at their layers; the
// manifest's imagePath cases are core-only (the composer always makes blob: URLs).
import { ErrorCode, formatBytes, IMAGE_MAX_BYTES } from '@image-message/core';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { type BadCase, badCaseBytes, badManifest } from '../../../tests/fixtures/badCorpus';
import { enUS, ImageMessageComposer, type ImageMessageStrings } from '../src';
import { zhCN } from '../src/i18n/zh-CN';
import { renderWithImageMessage } from '../src/testing';

const { cases } = badManifest;
/** A hang guard, not a timing goal: the composer prepares each photo (reads and strips it) first. */
const ALERT_WAIT = { timeout: 15_000 };

const fileOf = (entry: BadCase) => new File([badCaseBytes(entry)], entry.fileName, { type: entry.mimeType });

/** Which of the composer's texts a refusal code is worded with. */
const TEXT_FOR_CODE: Record<number, keyof ImageMessageStrings['errors']> = {
  [ErrorCode.FILE_SIZE_EMPTY]: 'empty',
  [ErrorCode.FILE_TOO_LARGE]: 'tooLarge',
  [ErrorCode.IMAGE_TYPE_LIMIT]: 'typeLimit',
  [ErrorCode.NOT_IMAGE]: 'notImage',
};

/** The alert the composer must show for a refused case, in `strings`' language. */
function expectedAlert(strings: ImageMessageStrings, entry: BadCase, size: number, locale: string): string {
  const text = strings.errors[TEXT_FOR_CODE[entry.expectedCode] as keyof ImageMessageStrings['errors']];
  return text({
    fileName: entry.expectedSanitizedName,
    size: formatBytes(size, 'up', locale),
    limit: formatBytes(IMAGE_MAX_BYTES, 'down', locale),
    maxFiles: 0,
    desc: '',
    code: entry.expectedCode,
  });
}

/**
 * The size cases are images padded with zeros after their end. Preparing (the composer's default) strips
 * what follows an image's end, so there they become small images and are accepted (asserted below); the
 * limit itself, judged before anything is read, is the composer's without preparing.
 */
const prepareFor = (entry: BadCase) => (entry.kind === 'size' ? false : undefined);

function renderComposer(locale?: string, prepare?: false) {
  // The real picker can show "All files"; let every file reach the byte checks.
  const user = userEvent.setup({ applyAccept: false });
  const view = renderWithImageMessage(
    <ImageMessageComposer receiver="bob" locale={locale} prepare={prepare} />,
  );
  const input = screen.getByLabelText<HTMLInputElement>(locale === 'zh-CN' ? '添加图片' : 'Add images', {
    selector: 'input',
  });
  return { user, input, ...view };
}

const refused = cases.filter((entry) => entry.expectedCode !== ErrorCode.SUCC);
const accepted = cases.filter((entry) => entry.expectedCode === ErrorCode.SUCC);

describe('the bad-input corpus in the composer', () => {
  it('covers every refusal code the composer words, and both sides of the size limit', () => {
    expect(new Set(refused.map((entry) => entry.expectedCode))).toEqual(
      new Set(Object.keys(TEXT_FOR_CODE).map(Number)),
    );
    expect(cases.filter((entry) => entry.generate).map((entry) => entry.expectedCode)).toEqual(
      expect.arrayContaining([ErrorCode.SUCC, ErrorCode.FILE_TOO_LARGE]),
    );
  });

  it.each(refused.map((entry) => [`${entry.id} → ${entry.expectedCode}`, entry] as const))(
    'refuses %s with one alert saying what to do, no preview, nothing uploaded',
    async (_, entry) => {
      const { user, input, transport } = renderComposer(undefined, prepareFor(entry));
      const file = fileOf(entry);
      await user.upload(input, file);

      const alert = await screen.findByRole('alert', {}, ALERT_WAIT);
      expect(screen.getAllByRole('alert')).toHaveLength(1);
      expect(alert.textContent).toBe(expectedAlert(enUS, entry, file.size, 'en-US'));
      if (entry.expectedCode === ErrorCode.FILE_TOO_LARGE) expect(alert.textContent).toContain('28\u00a0MB');
      expect(screen.queryByRole('img')).toBeNull();
      expect(transport.attempts).toHaveLength(0);
      expect(transport.messages).toHaveLength(0);
    },
  );

  it.each(accepted.map((entry) => [`${entry.id} → "${entry.expectedSanitizedName}"`, entry] as const))(
    'accepts %s as one preview named by the sanitized name',
    async (_, entry) => {
      const { user, input, transport } = renderComposer(undefined, prepareFor(entry));
      await user.upload(input, fileOf(entry));

      const preview = await screen.findByRole('img');
      expect(screen.getAllByRole('img')).toHaveLength(1);
      expect(preview).toHaveAttribute('alt', entry.expectedSanitizedName);
      expect(screen.queryByRole('alert')).toBeNull();
      expect(transport.attempts).toHaveLength(0);
    },
  );
});

describe('the size cases, prepared', () => {
  it('strips 28 MiB of padding after the image’s end, so the prepared file is small and accepted', async () => {
    const entry = cases.find((candidate) => candidate.id === 'size-28mib-plus-1') as BadCase;
    const { user, input, transport, manager } = renderComposer();
    await user.upload(input, fileOf(entry));
    const preview = await screen.findByRole('img', {}, ALERT_WAIT);
    expect(preview).toHaveAttribute('alt', entry.expectedSanitizedName);
    expect(screen.queryByRole('alert')).toBeNull();
    const [id] = manager.getMessageIds();
    const size = manager.getSendState(id as string)?.message.imageElem?.imageList?.[0]?.size ?? 0;
    expect(size).toBeLessThan(4096);
    expect(transport.attempts).toHaveLength(0);
  });
});

describe('the bad-input corpus in the composer, in zh-CN', () => {
  const spot = ['pdf-as-png', 'svg-script-as-png', 'heic-empty-type', 'empty', 'size-28mib-plus-1'].map(
    (id) => cases.find((entry) => entry.id === id) as BadCase,
  );

  it.each(spot.map((entry) => [`${entry.id} → ${entry.expectedCode}`, entry] as const))(
    'words %s in Chinese',
    async (_, entry) => {
      const { user, input, transport } = renderComposer('zh-CN', prepareFor(entry));
      const file = fileOf(entry);
      await user.upload(input, file);
      const alert = await screen.findByRole('alert', {}, ALERT_WAIT);
      expect(screen.getAllByRole('alert')).toHaveLength(1);
      expect(alert.textContent).toBe(expectedAlert(zhCN, entry, file.size, 'zh-CN'));
      expect(alert.textContent).not.toBe(expectedAlert(enUS, entry, file.size, 'en-US'));
      if (entry.expectedCode === ErrorCode.FILE_TOO_LARGE) expect(alert.textContent).toContain('28\u00a0MB');
      expect(screen.queryByRole('img')).toBeNull();
      expect(transport.attempts).toHaveLength(0);
    },
  );
});
