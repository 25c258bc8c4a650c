import { enUS, enUSView } from './en-US';
import { tableAtHand } from './loadLocale';
import { negotiateLocale } from './negotiateLocale';
import type {
  ImageMessageLocaleTables,
  ImageMessageStrings,
  ImageMessageStringsOverride,
  ImageMessageViewStrings,
} from './types';

/** `base` with `override` applied: top-level strings, and `errors` / `announce` one by one. */
export function mergeStrings(
  base: ImageMessageStrings,
  override?: ImageMessageStringsOverride,
): ImageMessageStrings {
  if (!override) return base;
  return {
    ...base,
    ...override,
    errors: { ...base.errors, ...override.errors },
    announce: { ...base.announce, ...override.announce },
  } as ImageMessageStrings;
}

/** `base` with `override.view` applied. */
export function mergeViewStrings(
  base: ImageMessageViewStrings,
  override?: ImageMessageStringsOverride,
): ImageMessageViewStrings {
  return override?.view ? { ...base, ...override.view } : base;
}

function tableOf<Part extends keyof ImageMessageLocaleTables>(
  locale: string | undefined,
  part: Part,
  english: ImageMessageLocaleTables[Part],
): ImageMessageLocaleTables[Part] {
  const negotiated = negotiateLocale(locale);
  const table = tableAtHand(negotiated, part, english);
  if (!table) {
    throw new Error(
      `The ${negotiated} strings are not loaded yet: await loadImageMessageLocale('${negotiated}') first, or import them from '@image-message/react/locales/${negotiated}'.`,
    );
  }
  return table;
}

/**
 * The composer's strings for `locale` (any BCP 47 tag, negotiated: zh-HK → zh-TW) with overrides applied.
 * English is always at hand; another locale must be loaded first (`loadImageMessageLocale`), else this
 * throws.
 */
export function resolveStrings(
  locale: string | undefined,
  override?: ImageMessageStringsOverride,
): ImageMessageStrings {
  return mergeStrings(tableOf(locale, 'strings', enUS), override);
}

/** The view's strings for `locale`, with `override.view` applied (loaded first, as `resolveStrings`). */
export function resolveViewStrings(
  locale: string | undefined,
  override?: ImageMessageStringsOverride,
): ImageMessageViewStrings {
  return mergeViewStrings(tableOf(locale, 'view', enUSView), override);
}
