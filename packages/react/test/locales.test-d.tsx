import { describe, expectTypeOf, it } from 'vitest';
import {
  type ImageMessageLocale,
  type ImageMessageLocaleTables,
  type ImageMessageStrings,
  type ImageMessageViewStrings,
  loadImageMessageLocale,
} from '../src';
import { ar, arView } from '../src/i18n/ar';
import { enUS } from '../src/i18n/en-US';
import { jaJP } from '../src/i18n/ja-JP';

describe('locale types', () => {
  it('types every table, so a missing key is a compile error', () => {
    expectTypeOf(jaJP).toEqualTypeOf<ImageMessageStrings>();
    expectTypeOf(arView).toEqualTypeOf<ImageMessageViewStrings>();
    const { send: _send, ...withoutSend } = ar;
    // @ts-expect-error a table without `send` is not a table
    const missing: ImageMessageStrings = withoutSend;
    // @ts-expect-error nor one without a nested key
    const missingNested: ImageMessageStrings = { ...enUS, description: { label: 'x', hint: 'y' } };
    expectTypeOf(missing).toEqualTypeOf<ImageMessageStrings>();
    expectTypeOf(missingNested).toEqualTypeOf<ImageMessageStrings>();
  });

  it('names the six locales and loads tables for any tag', () => {
    expectTypeOf<ImageMessageLocale>().toEqualTypeOf<
      'en-US' | 'zh-CN' | 'zh-TW' | 'ja-JP' | 'ko-KR' | 'ar'
    >();
    expectTypeOf(loadImageMessageLocale).parameter(0).toEqualTypeOf<string | undefined>();
    expectTypeOf(loadImageMessageLocale('ja')).resolves.toEqualTypeOf<ImageMessageLocaleTables>();
  });
});
