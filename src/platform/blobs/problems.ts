import { defineProblems } from '../problems.ts';

/** The problems of uploading and fetching blobs (the platform's 413 and 404 are used as they are). */
export const blobsProblems = defineProblems({
  'blob-type-mismatch': { status: 422, title: 'The bytes are not of the type the upload claims' },
  'unsupported-blob-type': { status: 415, title: 'Uploads of this type are not accepted' },
  'range-not-satisfiable': { status: 416, title: 'The range is not within the blob' },
});

type BlobsProblems = typeof blobsProblems;

declare module '../problems.ts' {
  interface ProblemNames extends BlobsProblems {}
}
