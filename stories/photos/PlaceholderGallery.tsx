import { ErrorCode, formatBytes, placeholderToDataUrl, prepareImageFile } from '@image-message/core';
import { type CSSProperties, useEffect, useState } from 'react';

/** One photo of the gallery: a committed fixture or a painted image, as a `File`. */
export interface GalleryPhoto {
  label: string;
  file: () => Promise<File>;
}

interface Prepared {
  label: string;
  source: { width: number; height: number; size: number; format: string };
  width: number;
  height: number;
  size: number;
  url: string;
  placeholder: string;
  placeholderUrl?: string;
}

type Item = Prepared | { label: string; error: string };

/** Bytes in a base64 string. */
const base64Bytes = (text: string) => atob(text).length;

/**
 * Each photo prepared by `prepareImageFile` (in its worker), shown as the ThumbHash placeholder that
 * travels with the message (`imageElem.placeholder`, painted by `placeholderToDataUrl`) beside the
 * prepared image itself, at the same size: what a conversation shows before and after the image loads.
 */
export function PlaceholderGallery({ photos }: { photos: GalleryPhoto[] }) {
  const [items, setItems] = useState<Item[]>([]);
  useEffect(() => {
    let live = true;
    const urls: string[] = [];
    setItems([]);
    void (async () => {
      for (const photo of photos) {
        const result = await prepareImageFile(await photo.file());
        if (!live) return;
        if (result.code !== ErrorCode.SUCC || !result.data) {
          setItems((list) => [...list, { label: photo.label, error: `${result.code}: ${result.desc}` }]);
          continue;
        }
        const { file, width, height, placeholder = '', source } = result.data;
        const url = URL.createObjectURL(file);
        urls.push(url);
        const item: Prepared = {
          label: photo.label,
          source,
          width,
          height,
          size: file.size,
          url,
          placeholder,
          placeholderUrl: placeholderToDataUrl(placeholder),
        };
        setItems((list) => [...list, item]);
      }
    })();
    return () => {
      live = false;
      for (const url of urls) URL.revokeObjectURL(url);
    };
  }, [photos]);

  return (
    <ul className="story-placeholders" aria-busy={items.length < photos.length}>
      {items.map((item) => (
        <li key={item.label}>
          <figure className="story-placeholders__figure">
            {'error' in item ? (
              <p role="alert">{item.error}</p>
            ) : (
              <div
                className="story-placeholders__pair"
                style={{ '--ratio': `${item.width} / ${item.height}` } as CSSProperties}
              >
                <img src={item.placeholderUrl} alt={`Placeholder of ${item.label}`} />
                <img src={item.url} alt={`${item.label}, prepared`} />
              </div>
            )}
            <figcaption>
              <strong>{item.label}</strong>
              {'error' in item ? null : (
                <>
                  <br />
                  {item.source.format.toUpperCase()} {item.source.width} × {item.source.height},{' '}
                  {formatBytes(item.source.size)} → {item.width} × {item.height}, {formatBytes(item.size)}
                  <br />
                  ThumbHash: {base64Bytes(item.placeholder)} bytes
                </>
              )}
            </figcaption>
          </figure>
        </li>
      ))}
    </ul>
  );
}
