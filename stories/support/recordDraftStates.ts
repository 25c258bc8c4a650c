/**
 * Records every `data-state` each draft of a composer shows, by file name, from now on: a play function
 * can then assert a passing state (`preparing` while a photo is prepared again) without racing it.
 *
 * @example
 * const states = recordDraftStates(canvasElement);
 * // … switch Original on …
 * await expect(states.of('harbour.jpg')).toEqual(['created', 'preparing', 'created']);
 */
export function recordDraftStates(root: HTMLElement) {
  const seen = new Map<string, string[]>();
  const note = () => {
    for (const item of root.querySelectorAll<HTMLElement>('[data-draft-id]')) {
      const name = item.querySelector('.im-preview__name')?.textContent ?? '';
      const state = item.dataset.state ?? '';
      const states = seen.get(name) ?? [];
      if (states.at(-1) !== state) states.push(state);
      seen.set(name, states);
    }
  };
  // Each React commit is its own task, so every state a draft passes through reaches the observer.
  const observer = new MutationObserver(note);
  observer.observe(root, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-state'],
  });
  note();
  return {
    /** The states the draft named `fileName` has shown, oldest first, without repeats. */
    of: (fileName: string) => [...(seen.get(fileName) ?? [])],
    stop: () => observer.disconnect(),
  };
}
