import { DomainError } from '@shegong/kernel';

/**
 * Input the schema accepts but the service cannot: a date before the contract it belongs to, a year outside
 * the cycle, a county without a budget profile … Maps to 400; `path` names the field.
 */
export class FundingInputError extends DomainError {
  constructor(message: string, path: ReadonlyArray<string | number>, details: Record<string, unknown> = {}) {
    super('FUNDING_INPUT_INVALID', message, { path, details });
  }
}

/** What the service keeps: the word in error codes (`CONTRACT_NOT_FOUND`) and in messages. */
export type FundingRecordKind = 'contract' | 'budget' | 'payment';

const CODE: Record<FundingRecordKind, string> = {
  contract: 'CONTRACT',
  budget: 'BUDGET',
  payment: 'PAYMENT',
};

/** No contract, budget or payment request has the id (404). */
export class FundingNotFoundError extends DomainError {
  constructor(kind: FundingRecordKind, id: string, path: ReadonlyArray<string | number> = ['id']) {
    super(`${CODE[kind]}_NOT_FOUND`, `no ${kind} has the id "${id}"`, { path, details: { kind, id } });
  }
}

/** A record with the id exists already (409): ids are the caller's, so a retry must not create a twin. */
export class FundingDuplicateError extends DomainError {
  constructor(kind: FundingRecordKind, id: string) {
    super(`${CODE[kind]}_DUPLICATE`, `a ${kind} with the id "${id}" exists already`, {
      path: ['id'],
      details: { kind, id },
    });
  }
}

/** The contract already has an agreement for that year of its cycle (409). */
export class YearlyTermDuplicateError extends DomainError {
  constructor(contractId: string, year: number) {
    super(
      'CONTRACT_YEARLY_TERM_DUPLICATE',
      `contract "${contractId}" already has an agreement for year ${year} of its cycle`,
      { path: ['year'], details: { contractId, year } },
    );
  }
}
