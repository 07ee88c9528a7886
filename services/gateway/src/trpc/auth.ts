import { assertCan } from '@shegong/access';
import { z } from 'zod';
import { readAudit, record } from '../audit.ts';
import { signIn } from '../identity/identities.ts';
import { authedProcedure, publicProcedure, router } from './init.ts';

export const ZSignInRequestSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});

/** `auth.*`: sign in for a bearer token; who am I. */
export const authRouter = router({
  signIn: publicProcedure.input(ZSignInRequestSchema).mutation(async ({ ctx, input }) => {
    try {
      const principal = await signIn(ctx.deps.db, input.username, input.password);
      await record(ctx.deps.db, {
        principal,
        action: 'auth.signIn',
        category: 'sign-in',
        outcome: 'ok',
        target: { username: input.username },
        from: ctx.from,
      });
      return { ...(await ctx.deps.tokens.issue(principal)), principal };
    } catch (error) {
      await record(ctx.deps.db, {
        principal: { kind: 'user', id: '(unknown)', role: '(none)', regionCode: '' },
        action: 'auth.signIn',
        category: 'sign-in',
        outcome: 'denied',
        target: { username: input.username },
        from: ctx.from,
        errorCode: 'UNAUTHENTICATED',
      });
      throw error;
    }
  }),
  me: authedProcedure.query(({ ctx }) => ctx.principal),
});

export const ZAuditListRequestSchema = z.object({
  before: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(500).default(100),
});

/** `audit.list`: the audit log of the reader's jurisdiction, newest first. Nobody can edit it. */
export const auditRouter = router({
  list: authedProcedure.input(ZAuditListRequestSchema).query(({ ctx, input }) => {
    assertCan(ctx.principal, 'audit.read');
    return readAudit(ctx.deps.db, ctx.principal, input);
  }),
});
