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

/**
 * A `DataTransfer` carrying `files` (and optional text) for drop and paste events. A real one where the
 * platform has it (browsers); in jsdom, which has none, an object with the `files`, `items` and
 * `types: ['Files']` that react-dropzone and the paste handler read.
 *
 * @example fireEvent.drop(zone, { dataTransfer: createDataTransfer([file]) });
 */
export function createDataTransfer(files: File[], options: { text?: string } = {}): DataTransfer {
  if (typeof DataTransfer === 'function') {
    try {
      const transfer = new DataTransfer();
      for (const file of files) transfer.items.add(file);
      if (options.text !== undefined) transfer.setData('text/plain', options.text);
      return transfer;
    } catch {
      // Some environments define DataTransfer but cannot construct it; fall through.
    }
  }
  const items = files.map((file) => ({ kind: 'file', type: file.type, getAsFile: () => file }));
  const textItems =
    options.text === undefined
      ? []
      : [
          {
            kind: 'string',
            type: 'text/plain',
            getAsFile: () => null,
            getAsString: (cb: (s: string) => void) => cb(options.text as string),
          },
        ];
  const types = [
    ...(files.length > 0 ? ['Files'] : []),
    ...(options.text !== undefined ? ['text/plain'] : []),
  ];
  const like: DataTransferLike = {
    files,
    items: [...items, ...textItems],
    types,
    getData: (format) => (format === 'text/plain' || format === 'text' ? (options.text ?? '') : ''),
    dropEffect: 'copy',
    effectAllowed: 'all',
  };
  return like as unknown as DataTransfer;
}
