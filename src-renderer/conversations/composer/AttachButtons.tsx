import { useRef, useState, type ChangeEvent } from 'react';
import { MEDIA_CONTENT_TYPES, type MediaRef } from '../../../src-shared/domain/media';
import { callCore, explain } from '../../api/request';
import { GifSearch } from './GifSearch';
import { fileToUpload } from './read-file';

/**
 * Attach image and GIF: a file picker each (images; GIF files only), uploaded through the core
 * to the cloud, which keeps the bytes and answers the Media the message carries. The GIF button
 * opens the GIF search (GifSearch.tsx), which also offers the GIF file picker.
 */
export function AttachButtons(props: {
  disabled: boolean;
  onAttached(media: MediaRef): void;
  onProblem(problem: string | null): void;
}) {
  const { disabled, onAttached, onProblem } = props;
  const images = useRef<HTMLInputElement>(null);
  const gifs = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(false);

  const onFiles = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = ''; // the same file picked again is a new pick
    onProblem(null);
    setUploading(true);
    try {
      for (const file of files) {
        const upload = await fileToUpload(file);
        if ('problem' in upload) {
          onProblem(upload.problem);
          continue;
        }
        const result = await callCore('uploadMedia', upload);
        if (result.ok) onAttached(result.value);
        else onProblem(`Could not attach ${file.name}: ${explain(result.error)}`);
      }
    } finally {
      setUploading(false);
    }
  };

  return (
    <>
      <GifSearch
        disabled={disabled || uploading}
        onAttached={onAttached}
        onPickFile={() => gifs.current?.click()}
      />
      <button
        type="button"
        className="composer-tool"
        data-testid="composer-attach"
        title="Attach an image (PNG, JPEG, GIF or WebP, at most 5 MB)"
        aria-busy={uploading}
        disabled={disabled || uploading}
        onClick={() => images.current?.click()}
      >
        <span aria-hidden>📎</span> {uploading ? 'Attaching…' : 'Attach image'}
      </button>
      <input
        ref={images}
        type="file"
        hidden
        multiple
        aria-label="Image to attach"
        data-testid="composer-attach-input"
        accept={MEDIA_CONTENT_TYPES.join(',')}
        onChange={(event) => void onFiles(event)}
      />
      <input
        ref={gifs}
        type="file"
        hidden
        aria-label="GIF to attach"
        data-testid="composer-gif-input"
        accept="image/gif"
        onChange={(event) => void onFiles(event)}
      />
    </>
  );
}
