import { z } from 'zod';

/** Print (and issue the missing badges of) one estate's sheet. */
export const estateBadgesSchema = z.object({ projectId: z.uuid('无效的小区编号') });

/** Issue or reissue one person's badge (a reissue revokes the previous code). */
export const reissueBadgeSchema = z.object({ practitionerId: z.uuid('无效的人员编号') });
