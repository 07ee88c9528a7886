import { StaffChangeInputSchema, SupervisorInputSchema } from '@shegong/contracts';
import { fileStaffChange } from '../domain/staff-changes.ts';
import { upsertSupervisor } from '../domain/supervisors.ts';
import { procedure, router } from './trpc.ts';

export const supervisorsRouter = router({
  /** Registers or updates a station's supervisor (督导); emits supervisor.upserted.v1. */
  upsert: procedure
    .input(SupervisorInputSchema)
    .mutation(({ ctx, input }) => upsertSupervisor(ctx.db, input)),
});

export const staffChangesRouter = router({
  /** Records a staff change filed with the purchaser [ZZ §4.4]; emits staff-change.filed.v1. */
  file: procedure.input(StaffChangeInputSchema).mutation(({ ctx, input }) => fileStaffChange(ctx.db, input)),
});
