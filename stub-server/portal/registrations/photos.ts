import { z } from 'zod';
import { applicantOperation } from '../operation';
import { base64File } from '../fields';
import { checkPhoto } from '../photos/photo-check';
import type { Photo } from '../records';

export const uploadPhoto = applicantOperation({
  operationId: 'uploadPhoto',
  output: z.object({ photoId: z.string(), bytes: z.number().int(), width: z.number().int(), height: z.number().int() }),
  summary: 'The personal photo (1寸白底免冠), base64 JPEG in JSON `{ photo }`, checked against rules.registration.personalPhoto (bytes, width, height; exclusive ranges)',
  section: '§6',
  requires: ['profile', 'realName'],
  input: (rules) => z.object({ photo: base64File(rules) }),
  run: ({ ctx, input, account, now }) => {
    const meta = checkPhoto(input.photo, ctx.rules.registration.personalPhoto, 'photo');
    // The file is kept for the application form to print, unless the portal runs without (context.ts).
    const photo: Photo = { id: ctx.random.token(), idNumber: account.idNumber, uploadedAt: now, ...meta, ...(ctx.keepPhotoFiles ? { jpeg: input.photo } : {}) };
    ctx.state.photos.set(photo.id, photo);
    return { photoId: photo.id, bytes: photo.bytes, width: photo.width, height: photo.height };
  },
});
