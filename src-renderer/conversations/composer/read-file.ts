import {
  isMediaContentType,
  MEDIA_MAX_BYTES,
  type MediaUpload,
} from '../../../src-shared/domain/media';

/**
 * A picked file as the core's uploadMedia takes it (base64), or the reason it cannot be sent:
 * checked here first for a quick answer; the core and the cloud check again.
 */
export async function fileToUpload(file: File): Promise<MediaUpload | { problem: string }> {
  if (!isMediaContentType(file.type)) {
    return { problem: `${file.name} is not an image (PNG, JPEG, GIF or WebP).` };
  }
  if (file.size > MEDIA_MAX_BYTES) {
    const mb = (file.size / 1024 / 1024).toFixed(1);
    return { problem: `${file.name} is ${mb} MB; attachments may be at most 5 MB.` };
  }
  if (file.size === 0) return { problem: `${file.name} is empty.` };
  const dataUrl = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
  const dataBase64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  return { name: file.name.slice(0, 200), contentType: file.type, dataBase64 };
}
