import type { ImageMessageLocale } from './types';

/** The locales this package ships strings for. */
export const IMAGE_MESSAGE_LOCALES: readonly ImageMessageLocale[] = [
  'en-US',
  'zh-CN',
  'zh-TW',
  'ja-JP',
  'ko-KR',
  'ar',
];

const negotiated = new Map<string, ImageMessageLocale>();

/**
 * The shipped locale for any BCP 47 tag: Traditional Chinese (`zh-TW`, `zh-HK`, `zh-MO`, `zh-Hant-*`) →
 * `zh-TW`; other Chinese (`zh`, `zh-SG`, `zh-Hans-*`) → `zh-CN`; `ja*` → `ja-JP`; `ko*` → `ko-KR`; `ar*` →
 * `ar`; anything else, or a tag `Intl` refuses, → `en-US`. The script decides Chinese (`Intl.Locale`'s
 * `maximize()` infers it from the region: zh-HK is zh-Hant-HK).
 *
 * @example negotiateLocale('zh-HK') // 'zh-TW'
 * @example negotiateLocale('ar-EG') // 'ar'
 */
export function negotiateLocale(tag: string | undefined): ImageMessageLocale {
  if (!tag) return 'en-US';
  let locale = negotiated.get(tag);
  if (!locale) {
    locale = negotiate(tag.replaceAll('_', '-'));
    negotiated.set(tag, locale);
  }
  return locale;
}

function negotiate(tag: string): ImageMessageLocale {
  let language: string;
  let script: string | undefined;
  try {
    const full = new Intl.Locale(tag).maximize();
    language = full.language;
    script = full.script;
  } catch {
    return 'en-US';
  }
  if (language === 'zh') return script === 'Hant' ? 'zh-TW' : 'zh-CN';
  if (language === 'ja') return 'ja-JP';
  if (language === 'ko') return 'ko-KR';
  if (language === 'ar') return 'ar';
  return 'en-US';
}

/** The writing direction of a shipped locale's text. */
export const directionOf = (locale: ImageMessageLocale): 'rtl' | 'ltr' => (locale === 'ar' ? 'rtl' : 'ltr');
