import { formatBytes } from '@image-message/core';
import { useCreateImageMessage } from '@image-message/react';
import './hookDemo.css';

export interface UseCreateImageMessageDemoProps {
  /** Most drafts at once; further files are rejected with `ErrorCode.TOO_MANY_FILES` (-3). Default: unlimited. */
  maxFiles?: number;
  /** A byte limit below the manager's (28 MiB, or the transport's own), judged on the prepared file. */
  maxBytes?: number;
  /** Files read and validated at once (default 2), so fifty dropped photos do not fill memory. */
  concurrency?: number;
}

/**
 * The smallest UI over `useCreateImageMessage`: a plain file input feeding `addFiles`, a table of the
 * drafts it created and a list of the rejections, with Remove, Dismiss and Clear.
 */
export function UseCreateImageMessageDemo({
  maxFiles,
  maxBytes,
  concurrency,
}: UseCreateImageMessageDemoProps) {
  const { drafts, rejections, isProcessing, addFiles, remove, clear, dismissRejection } =
    useCreateImageMessage({
      maxFiles,
      maxBytes,
      concurrency,
    });
  return (
    <div className="hook-demo">
      <div className="hook-demo__row">
        <label className="hook-demo__field">
          Choose images
          {/* No accept filter: the hook judges the bytes, which is what this demo shows. */}
          <input
            type="file"
            multiple
            onChange={(event) => {
              const files = Array.from(event.currentTarget.files ?? []);
              event.currentTarget.value = '';
              void addFiles(files);
            }}
          />
        </label>
        <button type="button" onClick={clear} disabled={drafts.length + rejections.length === 0}>
          Clear all
        </button>
      </div>
      <p role="status" className="hook-demo__status">
        {isProcessing ? 'Reading files…' : `${drafts.length} drafts, ${rejections.length} rejections`}
      </p>

      <table className="hook-demo__table">
        <caption>drafts</caption>
        <thead>
          <tr>
            <th scope="col">Preview</th>
            <th scope="col">fileName</th>
            <th scope="col">size</th>
            <th scope="col">width × height</th>
            <th scope="col">status</th>
            <th scope="col">
              <span className="hook-demo__hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {drafts.map((draft) => (
            <tr key={draft.id}>
              <td>
                {/* While `preparing` there is no preview yet (previewUrl is ''). */}
                {draft.status !== 'preparing' && (
                  <img src={draft.previewUrl} alt={draft.fileName} className="hook-demo__thumb" />
                )}
              </td>
              <td className="hook-demo__name">{draft.fileName}</td>
              <td>{formatBytes(draft.size)}</td>
              <td>{draft.status === 'preparing' ? '…' : `${draft.width} × ${draft.height}`}</td>
              <td>{draft.status}</td>
              <td>
                <button
                  type="button"
                  onClick={() => remove(draft.id)}
                  aria-label={`Remove ${draft.fileName}`}
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {rejections.length > 0 && (
        <ul aria-label="rejections" className="hook-demo__rejections">
          {rejections.map((rejection) => (
            <li key={rejection.id}>
              <span role="alert">
                <code>{rejection.code}</code> {rejection.desc}
              </span>{' '}
              <button type="button" onClick={() => dismissRejection(rejection.id)}>
                Dismiss
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
