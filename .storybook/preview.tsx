import '../packages/react/src/styles.css';
import './preview.css';
import { IMAGE_MESSAGE_LOCALES, loadImageMessageLocale } from '@image-message/react';
import type { Decorator, Preview } from '@storybook/react-vite';
import { Suspense } from 'react';
import { configure } from 'storybook/test';

/**
 * The toolbar's theme switch: "dark" puts the story on a dark page and adds `im-theme-dark` to the
 * story's `className` arg, which the composer (and the custom look) put on their root.
 */
const withTheme: Decorator = (Story, context) => {
  if (context.globals.theme !== 'dark') return <Story />;
  const className = String(context.args.className ?? '');
  const themed = className.includes('im-theme-dark') ? className : `${className} im-theme-dark`.trim();
  return (
    <div className="story-dark story-theme-dark">
      <Story args={{ ...context.args, className: themed }} />
    </div>
  );
};

/**
 * The toolbar's language: any story in any of the six locales (its `locale` arg replaced). "The story's
 * own" leaves each story as written (the locale stories set theirs).
 */
const withLocale: Decorator = (Story, context) => {
  const locale = String(context.globals.locale ?? '');
  return (
    // A locale's strings load on first use: nothing shows until they are in (no flash of English).
    <Suspense fallback={null}>{locale ? <Story args={{ ...context.args, locale }} /> : <Story />}</Suspense>
  );
};

/** Loads the story's and the toolbar's locale before it renders, so play functions find its text at once. */
const loadLocales = async (context: { args: Record<string, unknown>; globals: Record<string, unknown> }) => {
  await Promise.all(
    [context.args.locale, context.globals.locale].map((tag) => loadImageMessageLocale(String(tag ?? ''))),
  );
  return {};
};

// A hang guard, not a timing goal: a dropped photo is prepared in a worker before its draft shows, and
// with every test project sharing two cores that can take longer than Testing Library's default 1 s.
configure({ asyncUtilTimeout: 10_000 });

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    // Every story is checked with axe; a violation fails its test in `npm test`.
    a11y: { test: 'error' },
  },
  globalTypes: {
    theme: {
      description: 'Light or dark composer (className="im-theme-dark")',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'The language of every part (the locale prop); ar lays them out right to left',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: '', title: "The story's own" },
          ...IMAGE_MESSAGE_LOCALES.map((tag) => ({ value: tag, title: tag })),
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', locale: '' },
  loaders: [loadLocales],
  decorators: [withLocale, withTheme],
};

export default preview;
