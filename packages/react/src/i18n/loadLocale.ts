import { enUS, enUSView } from './en-US';
import { negotiateLocale } from './negotiateLocale';
import type { ImageMessageLocale, ImageMessageLocaleTables } from './types';

const ENGLISH: ImageMessageLocaleTables = { strings: enUS, view: enUSView };

/** Tables at hand: English always (it is the default, in the app's bundle), others once loaded. */
const ready = new Map<ImageMessageLocale, ImageMessageLocaleTables>([['en-US', ENGLISH]]);
const loading = new Map<ImageMessageLocale, Promise<ImageMessageLocaleTables>>();
/** Locales whose chunk failed to load: shown in English (said once on the console) until a reload. */
const failed = new Set<ImageMessageLocale>();
/** What a suspended component waits for: settles either way, never rejects. */
const settling = new Map<ImageMessageLocale, Promise<void>>();

/**
 * Every locale but English is its own chunk, loaded the first time a composer or view uses it (or on
 * `loadImageMessageLocale`); each is also a package entry, `@image-message/react/locales/<tag>`.
 */
const loaders: Record<Exclude<ImageMessageLocale, 'en-US'>, () => Promise<ImageMessageLocaleTables>> = {
  'zh-CN': () => import('./zh-CN').then((m) => ({ strings: m.zhCN, view: m.zhCNView })),
  'zh-TW': () => import('./zh-TW').then((m) => ({ strings: m.zhTW, view: m.zhTWView })),
  'ja-JP': () => import('./ja-JP').then((m) => ({ strings: m.jaJP, view: m.jaJPView })),
  'ko-KR': () => import('./ko-KR').then((m) => ({ strings: m.koKR, view: m.koKRView })),
  ar: () => import('./ar').then((m) => ({ strings: m.ar, view: m.arView })),
};

/**
 * Loads the strings of the locale `tag` negotiates to (any BCP 47 tag: `ja` → ja-JP), so composers and
 * views in it render at once instead of suspending. Call it early (at start-up, or when the user picks a
 * language), or await it before a server render. Rejects if the chunk cannot load (a later call tries
 * again); meanwhile components show English.
 *
 * @example await loadImageMessageLocale(navigator.language);
 */
export function loadImageMessageLocale(tag: string | undefined): Promise<ImageMessageLocaleTables> {
  const locale = negotiateLocale(tag);
  const tables = ready.get(locale);
  if (tables) return Promise.resolve(tables);
  let promise = loading.get(locale);
  if (!promise) {
    promise = loaders[locale as Exclude<ImageMessageLocale, 'en-US'>]().then((loaded) => {
      ready.set(locale, loaded);
      failed.delete(locale);
      return loaded;
    });
    loading.set(locale, promise);
    promise.catch(() => loading.delete(locale));
  }
  return promise;
}

/**
 * Makes tables the app bundles itself (imported from `@image-message/react/locales/<tag>`) the locale's
 * tables, so nothing is loaded for it.
 *
 * @example
 * import { jaJP, jaJPView } from '@image-message/react/locales/ja-JP';
 * registerImageMessageLocale('ja-JP', { strings: jaJP, view: jaJPView });
 */
export function registerImageMessageLocale(locale: ImageMessageLocale, tables: ImageMessageLocaleTables) {
  ready.set(locale, tables);
  failed.delete(locale);
}

/** The tables of a negotiated locale if they are at hand (English after a failed load), else undefined. */
export function localeTablesAtHand(locale: ImageMessageLocale): ImageMessageLocaleTables | undefined {
  return ready.get(locale) ?? (failed.has(locale) ? ENGLISH : undefined);
}

/**
 * The tables of `tag`'s locale for a component: at once when loaded, else the component suspends until
 * they are (a `<Suspense>` boundary shows its fallback: never a flash of English). If the chunk cannot
 * load, English, with a warning.
 */
export function useLocaleTables(tag: string | undefined): {
  locale: ImageMessageLocale;
  tables: ImageMessageLocaleTables;
} {
  const locale = negotiateLocale(tag);
  const tables = localeTablesAtHand(locale);
  if (tables) return { locale, tables };
  let settled = settling.get(locale);
  if (!settled) {
    settled = loadImageMessageLocale(locale).then(
      () => {
        settling.delete(locale);
      },
      (error: unknown) => {
        settling.delete(locale);
        failed.add(locale);
        console.warn(`@image-message/react: the ${locale} strings could not be loaded; showing English.`, error);
      },
    );
    settling.set(locale, settled);
  }
  // Suspense's protocol for a data source of its own (React 18 and 19): throw the promise to wait for.
  throw settled;
}
