import { useEffect, useRef, useState } from 'react';
import type { MediaRef } from '../../../src-shared/domain/media';
import { callCore, explain } from '../../api/request';
import '../../styles/media.css';

type Shown =
  { state: 'waiting' } | { state: 'shown'; src: string } | { state: 'failed'; reason: string };

/** Images already fetched, by media URL: scrolling back and forth does not fetch them again. */
const cache = new Map<string, string>();
const CACHE_SIZE = 40;

/**
 * An image a message carries. Its URL is the cloud's `/v1/media/:id`, which wants the session
 * and which the page could not load anyway (CSP): the core fetches it (`getMedia`) and the page
 * shows it as a data: URL, the only kind of image source the CSP lets in besides its own files.
 * Fetched only once the message scrolls into view; a file that cannot be had says so.
 */
export function MessageImage({ media }: { media: MediaRef }) {
  const box = useRef<HTMLSpanElement>(null);
  const cached = cache.get(media.url);
  const [shown, setShown] = useState<Shown>(
    cached ? { state: 'shown', src: cached } : { state: 'waiting' },
  );
  /** Scrolled into view once: the fetch starts then, not when the thread page loads. */
  const [visible, setVisible] = useState(false);
  const name = media.name || 'image';
  const waiting = shown.state === 'waiting';

  useEffect(() => {
    const el = box.current;
    if (!el || !waiting) return;
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      setVisible(true);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [waiting]);

  useEffect(() => {
    if (!visible || !waiting) return;
    let current = true;
    void callCore('getMedia', { url: media.url }).then((result) => {
      if (!current) return;
      if (!result.ok) {
        setShown({ state: 'failed', reason: explain(result.error) });
        return;
      }
      const src = `data:${result.value.contentType};base64,${result.value.dataBase64}`;
      remember(media.url, src);
      setShown({ state: 'shown', src });
    });
    return () => {
      current = false;
    };
  }, [visible, waiting, media.url]);

  return (
    <span
      ref={box}
      className="message-image"
      data-testid="message-image"
      data-state={waiting && visible ? 'loading' : shown.state}
      aria-busy={waiting}
    >
      {shown.state === 'shown' ? (
        <img
          src={shown.src}
          alt={name}
          onError={() => {
            cache.delete(media.url);
            setShown({ state: 'failed', reason: 'the file is not an image this screen can show' });
          }}
        />
      ) : shown.state === 'failed' ? (
        // The reason on hover: the text stays the name, as an attachment without a picture.
        <span data-testid="message-image-fallback" title={shown.reason}>
          Image not available: {name}
        </span>
      ) : (
        <span>Loading image {name}…</span>
      )}
    </span>
  );
}

function remember(url: string, src: string): void {
  cache.set(url, src);
  // A Map keeps insertion order: the first key is the oldest.
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
}
