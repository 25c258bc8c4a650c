import { enUS, enUSView } from './en-US';
import { negotiateLocale } from './negotiateLocale';
import type { ImageMessageLocale, ImageMessageLocaleTables } from './types';

type LoadedLocale = Exclude<ImageMessageLocale, 'en-US'>;

/**
 * Tables loaded so far. English is not here: it is in the app's bundle, and each part reads its own
 * English table (the composer `enUS`, the view `enUSView`), so an app that only sends never ships the view's.
 */
const ready = new Map<ImageMessageLocale, ImageMessageLocaleTables>();
const loading = new Map<LoadedLocale, Promise<ImageMessageLocaleTables>>();
/** Locales whose chunk failed to load: shown in English (said once on the console) until a reload. */
const failed = new Set<ImageMessageLocale>();
/** What a suspended component waits for: settles either way, never rejects. */
const settling = new Map<ImageMessageLocale, Promise<void>>();

/**
 * Every locale but English is its own chunk, loaded the first time a composer or view uses it (or on
 * `loadImageMessageLocale`); each is also a package entry, `@image-message/react/locales/<tag>`.
 */
const loaders: Record<LoadedLocale, () => Promise<ImageMessageLocaleTables>> = {
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
  return locale === 'en-US' ? Promise.resolve({ strings: enUS, view: enUSView }) : load(locale);
}

function load(locale: LoadedLocale): Promise<ImageMessageLocaleTables> {
  const tables = ready.get(locale);
  if (tables) return Promise.resolve(tables);
  let promise = loading.get(locale);
  if (!promise) {
    promise = loaders[locale]().then((loaded) => {
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

/**
 * One part's table of a negotiated locale if it is at hand (`english` for en-US, and after a failed load),
 * else undefined.
 */
export function tableAtHand<Part extends keyof ImageMessageLocaleTables>(
  locale: ImageMessageLocale,
  part: Part,
  english: ImageMessageLocaleTables[Part],
): ImageMessageLocaleTables[Part] | undefined {
  if (locale === 'en-US' || failed.has(locale)) return english;
  return ready.get(locale)?.[part];
}

/**
 * One part's table (`strings` for the composer, `view` for the view) in `tag`'s locale, for a component:
 * at once when loaded, else the component suspends until it is (a `<Suspense>` boundary shows its
 * fallback: never a flash of English). If the chunk cannot load, `english`, with a warning.
 */
export function useLocaleTable<Part extends keyof ImageMessageLocaleTables>(
  tag: string | undefined,
  part: Part,
  english: ImageMessageLocaleTables[Part],
): { locale: ImageMessageLocale; table: ImageMessageLocaleTables[Part] } {
  const locale = negotiateLocale(tag);
  const table = tableAtHand(locale, part, english);
  if (table) return { locale, table };
  let settled = settling.get(locale);
  if (!settled) {
    settled = load(locale as LoadedLocale).then(
      () => {
        settling.delete(locale);
      },
      (error: unknown) => {
        settling.delete(locale);
        failed.add(locale);
        console.warn(
          `@image-message/react: the ${locale} strings could not be loaded; showing English.`,
          error,
        );
      },
    );
    settling.set(locale, settled);
  }
  // Suspense's protocol for a data source of its own (React 18 and 19): throw the promise to wait for.
  throw settled;
}
