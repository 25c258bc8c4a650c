import '../packages/react/src/styles.css';
import './preview.css';
import type { Decorator, Preview } from '@storybook/react-vite';
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
  },
  initialGlobals: { theme: 'light' },
  decorators: [withTheme],
};

export default preview;
