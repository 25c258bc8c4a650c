import type { V2TimMessage } from '@image-message/core';
import { ImageMessageView } from '@image-message/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { measureElement, useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { expect, waitFor } from 'storybook/test';
import { withImageMessage } from '../support/ImageMessageStoryProviders';
import { paintedConversation } from '../support/paintedMessages';

const COUNT = 200;

/** How often each row was measured because its size was observed (index → count). */
const observedMeasures = new Map<number, number>();

/**
 * A virtualized conversation (TanStack Virtual) of 200 image messages of mixed shapes. Each row is
 * measured once when it mounts; its image box already has its final size then, so loading the image
 * never makes the virtualizer measure again.
 */
function VirtualConversation({ messages }: { messages: V2TimMessage[] }) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 220,
    overscan: 3,
    measureElement: (element, entry, instance) => {
      // An entry means the ResizeObserver saw this row's size (on observing it, and on every change).
      if (entry) {
        const index = Number(element.getAttribute('data-index'));
        observedMeasures.set(index, (observedMeasures.get(index) ?? 0) + 1);
      }
      return measureElement(element, entry, instance);
    },
  });
  return (
    <div ref={scroller} className="story-virtual" data-testid="scroller">
      <ol className="story-virtual__inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => {
          const message = messages[row.index] as V2TimMessage;
          return (
            <li
              key={row.key}
              data-index={row.index}
              ref={virtualizer.measureElement}
              className="story-virtual__row"
              style={{ transform: `translateY(${row.start}px)` }}
            >
              <ImageMessageView message={message} conversation={messages} />
            </li>
          );
        })}
      </ol>
    </div>
  );
}

const meta = {
  title: 'View/Virtualized conversation',
  decorators: [withImageMessage],
  loaders: [
    async () => {
      const shapes = await paintedConversation();
      // 200 messages over five painted images (their blob URLs shared, their ids not).
      const messages = Array.from({ length: COUNT }, (_, index) => {
        const shape = shapes[index % shapes.length] as V2TimMessage;
        return { ...shape, id: `${shape.id}-${index}`, msgID: `msg-${index}` };
      });
      return { messages };
    },
  ],
  render: (_args, { loaded }) => <VirtualConversation messages={loaded.messages as V2TimMessage[]} />,
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

/** Scrolls through the list: no row is measured a second time when its image loads. */
export const TwoHundredMessages: Story = {
  play: async ({ canvasElement }) => {
    observedMeasures.clear();
    const scroller = canvasElement.querySelector('.story-virtual') as HTMLElement;
    const loadedRows = async () =>
      waitFor(() => {
        const views = [...scroller.querySelectorAll('.im-view')];
        expect(views.length).toBeGreaterThan(0);
        for (const view of views) expect(view).toHaveAttribute('data-state', 'loaded');
      });
    for (const top of [0, 3000, 9000]) {
      scroller.scrollTop = top;
      await loadedRows();
    }
    // Let any late ResizeObserver callbacks arrive.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    await expect(observedMeasures.size).toBeGreaterThan(5);
    for (const [index, count] of observedMeasures)
      await expect({ index, count }).toEqual({ index, count: 1 });
  },
};
