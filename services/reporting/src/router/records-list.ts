import { ListServiceRecordsRequestSchema, listServiceRecords } from '../domain/records-list.ts';
import { procedure } from './trpc.ts';

/** `serviceRecords.list`: one page of a station's service records, by date then id, optionally one month. */
export const list = procedure
  .input(ListServiceRecordsRequestSchema)
  .query(({ ctx, input }) => listServiceRecords(ctx.db, input));
