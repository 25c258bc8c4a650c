import { enUS, enUSView } from './en-US';
import type {
  ImageMessageLocale,
  ImageMessageStrings,
  ImageMessageStringsOverride,
  ImageMessageViewStrings,
} from './types';
import { zhCN, zhCNView } from './zh-CN';

/** The shipped string tables by locale tag; `resolveStrings` picks from these. */
export const locales: Readonly<Record<ImageMessageLocale, ImageMessageStrings>> = {
  'en-US': enUS,
  'zh-CN': zhCN,
};

/** The strings for `locale` (any `zh*` tag maps to zh-CN, anything else to en-US) with overrides applied. */
export function resolveStrings(
  locale: string | undefined,
  override?: ImageMessageStringsOverride,
): ImageMessageStrings {
  const base = locale?.toLowerCase().startsWith('zh') ? zhCN : enUS;
  if (!override) return base;
  return {
    ...base,
    ...override,
    errors: { ...base.errors, ...override.errors },
    announce: { ...base.announce, ...override.announce },
  } as ImageMessageStrings;
}

/** The view's strings for `locale` (any `zh*` tag: zh-CN), with `override.view` applied. */
export function resolveViewStrings(
  locale: string | undefined,
  override?: ImageMessageStringsOverride,
): ImageMessageViewStrings {
  const base = locale?.toLowerCase().startsWith('zh') ? zhCNView : enUSView;
  return override?.view ? { ...base, ...override.view } : base;
}
