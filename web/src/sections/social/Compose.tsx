import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { api, call } from '../../app/api';
import { asProblem, ProblemMessage } from '../../app/ui';
import { characterCount, type Post, uploadImage } from './data';

/** The API's limits (docs/social.md): shown before posting; the API's own answer is the rule. */
const maxCharacters = 500;
const maxImages = 4;
const maxAltCharacters = 1500;

interface Attachment {
  key: string;
  file: File;
  preview: string;
  alt: string;
  /** Set once uploaded, so a retry after a refused post does not upload it again. */
  mediaId?: string;
  /** The alt text changed after the upload: sent with a PATCH before posting. */
  altChanged?: boolean;
  error?: unknown;
}

/** Writes a post (or a reply to `replyTo`), with up to four images, each with its alt text. */
export function Compose({
  replyTo,
  onPosted,
  label = 'What is happening?',
}: {
  replyTo?: string;
  onPosted: (post: Post) => void;
  label?: string;
}) {
  const [text, setText] = useState('');
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const textId = useId();
  const length = characterCount(text);
  useRevokePreviews(attachments);

  const update = (key: string, change: Partial<Attachment>) =>
    setAttachments((list) =>
      list.map((item) => (item.key === key ? { ...item, ...change } : item)),
    );

  const send = useMutation({
    mutationFn: async () => {
      const mediaIds = await uploadAll(attachments, update);
      return call(
        api.POST('/v1/social/posts', {
          body: { text, media_ids: mediaIds, ...(replyTo ? { reply_to_id: replyTo } : {}) },
        }),
      );
    },
    onSuccess: (post) => {
      setText('');
      setAttachments([]);
      onPosted(post);
    },
  });
  const problem =
    send.error && !(send.error instanceof UploadFailed) ? asProblem(send.error) : null;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate();
  };
  const addFiles = (files: FileList | null) => {
    const room = maxImages - attachments.length;
    const added = [...(files ?? [])].slice(0, room).map((file) => ({
      key: crypto.randomUUID(),
      file,
      preview: URL.createObjectURL(file),
      alt: '',
    }));
    setAttachments((list) => [...list, ...added]);
  };

  return (
    <form className="card compose" onSubmit={onSubmit} noValidate>
      <div className={problem?.fieldError('text') ? 'field invalid' : 'field'}>
        <label htmlFor={textId}>{label}</label>
        <textarea
          id={textId}
          rows={3}
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-describedby={`${textId}-count`}
        />
        <small id={`${textId}-count`} className={length > maxCharacters ? 'field-error' : 'muted'}>
          {length} of {maxCharacters} characters
          {length > maxCharacters && ` — ${length - maxCharacters} too many`}
        </small>
      </div>
      {attachments.length > 0 && (
        <ul className="plain attachments">
          {attachments.map((item, index) => (
            <AttachmentEditor
              key={item.key}
              item={item}
              index={index}
              onAlt={(alt) => update(item.key, { alt, altChanged: item.mediaId !== undefined })}
              onRemove={() => setAttachments((list) => list.filter((other) => other !== item))}
            />
          ))}
        </ul>
      )}
      {problem && <ProblemMessage error={problem} />}
      <div className="row compose-actions">
        <label className="button secondary file-button">
          Add images
          <input
            type="file"
            accept="image/jpeg,image/png,image/webp,image/gif"
            multiple
            disabled={attachments.length >= maxImages}
            onChange={(event) => {
              addFiles(event.target.files);
              event.target.value = '';
            }}
          />
        </label>
        <small className="muted">
          {attachments.length} of {maxImages} images (JPEG, PNG, WebP or GIF, up to 10 MB)
        </small>
        <button type="submit" disabled={send.isPending}>
          {send.isPending ? 'Posting…' : replyTo ? 'Reply' : 'Post'}
        </button>
      </div>
    </form>
  );
}

function AttachmentEditor({
  item,
  index,
  onAlt,
  onRemove,
}: {
  item: Attachment;
  index: number;
  onAlt: (alt: string) => void;
  onRemove: () => void;
}) {
  const altId = useId();
  const tooLong = item.alt.length > maxAltCharacters;
  return (
    <li className="attachment">
      <img src={item.preview} alt={`Preview ${index + 1}: ${item.file.name}`} />
      <div className={tooLong ? 'field invalid' : 'field'}>
        <label htmlFor={altId}>Alt text for image {index + 1}</label>
        <textarea
          id={altId}
          rows={2}
          value={item.alt}
          onChange={(event) => onAlt(event.target.value)}
          aria-describedby={`${altId}-note`}
        />
        <small id={`${altId}-note`} className={tooLong ? 'field-error' : 'muted'}>
          What a screen reader says: {item.alt.length} of {maxAltCharacters} characters
        </small>
        {item.error ? <ProblemMessage error={item.error} /> : null}
      </div>
      <button type="button" className="link" onClick={onRemove}>
        Remove image {index + 1}
      </button>
    </li>
  );
}

/** Thrown when an image was refused: its problem is shown next to it, not under the form. */
class UploadFailed extends Error {}

/** Uploads the images not yet uploaded (and sends changed alt texts); their ids, in order. */
async function uploadAll(
  attachments: Attachment[],
  update: (key: string, change: Partial<Attachment>) => void,
): Promise<string[]> {
  const ids: string[] = [];
  let failed = false;
  for (const item of attachments) {
    try {
      const id = item.mediaId ?? (await uploadImage(item.file, item.alt)).id;
      if (item.mediaId && item.altChanged) {
        await call(
          api.PATCH('/v1/social/media/{id}', {
            params: { path: { id } },
            body: { alt: item.alt },
          }),
        );
      }
      update(item.key, { mediaId: id, altChanged: false, error: undefined });
      ids.push(id);
    } catch (error) {
      update(item.key, { error });
      failed = true;
    }
  }
  if (failed) throw new UploadFailed('An image was refused');
  return ids;
}

/** Frees each preview's object URL when its image leaves the form. */
function useRevokePreviews(attachments: Attachment[]): void {
  const previews = useRef(new Set<string>());
  useEffect(() => {
    const current = new Set(attachments.map((item) => item.preview));
    for (const url of previews.current) if (!current.has(url)) URL.revokeObjectURL(url);
    previews.current = current;
  }, [attachments]);
  useEffect(
    () => () => {
      for (const url of previews.current) URL.revokeObjectURL(url);
    },
    [],
  );
}
