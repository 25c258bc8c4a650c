export interface DataTransferLike {
  files: FileList | File[];
  items:
    | DataTransferItemList
    | { kind: string; type: string; getAsFile(): File | null; getAsString?(cb: (s: string) => void): void }[];
  types: readonly string[];
  getData(format: string): string;
  dropEffect?: string;
  effectAllowed?: string;
}

/** The stand-in for environments without a constructible `DataTransfer` (jsdom). */
function createDataTransferLike(files: File[], text: string | undefined): DataTransfer {
  const items = files.map((file) => ({ kind: 'file', type: file.type, getAsFile: () => file }));
  const textItems =
    text === undefined
      ? []
      : [
          {
            kind: 'string',
            type: 'text/plain',
            getAsFile: () => null,
            getAsString: (callback: (s: string) => void) => callback(text),
          },
        ];
  const like: DataTransferLike = {
    files,
    items: [...items, ...textItems],
    types: [...(files.length > 0 ? ['Files'] : []), ...(text !== undefined ? ['text/plain'] : [])],
    getData: (format) => (format === 'text/plain' || format === 'text' ? (text ?? '') : ''),
    dropEffect: 'copy',
    effectAllowed: 'all',
  };
  return like as unknown as DataTransfer;
}

/**
 * A `DataTransfer` carrying `files` (and optional text): a real one in browsers; in jsdom, which has
 * none, an object with the `files`, `items` (`kind: 'file'`, `getAsFile`) and `types: ['Files']` that
 * react-dropzone and paste handlers read. Pass it to `dropFiles`/`pasteFiles`, which dispatch events that
 * carry it intact (Testing Library's `fireEvent.drop` re-creates a transfer in browsers and loses the files).
 */
export function createDataTransfer(files: File[], options: { text?: string } = {}): DataTransfer {
  if (typeof DataTransfer === 'function') {
    try {
      const transfer = new DataTransfer();
      for (const file of files) transfer.items.add(file);
      if (options.text !== undefined) transfer.setData('text/plain', options.text);
      return transfer;
    } catch {
      // Defined but not constructible: use the stand-in.
    }
  }
  return createDataTransferLike(files, options.text);
}
