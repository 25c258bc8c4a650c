import { type ImageMessageLocale, loadImageMessageLocale, negotiateLocale } from '@image-message/react';
import { useId, useTransition } from 'react';

/** Each language named in itself, as language menus do. */
const LANGUAGES: { locale: ImageMessageLocale; name: string }[] = [
  { locale: 'en-US', name: 'English' },
  { locale: 'zh-CN', name: '简体中文' },
  { locale: 'zh-TW', name: '繁體中文' },
  { locale: 'ja-JP', name: '日本語' },
  { locale: 'ko-KR', name: '한국어' },
  { locale: 'ar', name: 'العربية' },
];

/**
 * The language of the image parts (composer, messages, viewer). The new language's strings load first
 * (a transition), so the conversation stays as it is until they are in, never blank or half English.
 */
export function LanguageMenu({
  locale,
  onChange,
}: {
  locale: ImageMessageLocale;
  onChange: (locale: ImageMessageLocale) => void;
}) {
  const id = useId();
  const [pending, startTransition] = useTransition();
  return (
    <label className="demo-language" htmlFor={id}>
      Language
      <select
        id={id}
        value={locale}
        aria-busy={pending || undefined}
        onChange={(event) => {
          const next = negotiateLocale(event.target.value);
          startTransition(async () => {
            await loadImageMessageLocale(next);
            startTransition(() => onChange(next));
          });
        }}
      >
        {LANGUAGES.map((language) => (
          <option key={language.locale} value={language.locale} lang={language.locale}>
            {language.name}
          </option>
        ))}
      </select>
    </label>
  );
}
