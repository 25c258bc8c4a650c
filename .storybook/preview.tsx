import '../packages/react/src/styles.css';
import './preview.css';
import type { Preview } from '@storybook/react-vite';

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    // Every story is checked with axe; a violation fails its test in `npm test`.
    a11y: { test: 'error' },
  },
};

export default preview;
