import type { Database, Transaction } from '../client/types.js';

class RollbackSignal extends Error {
  constructor() {
    super('test transaction rolled back');
  }
}

export interface OpenTransaction {
  tx: Transaction;
  /** Roll back everything the test wrote. */
  rollback(): Promise<void>;
}

/** Opens a transaction that stays open until `rollback()`: a test's writes, however many, vanish in ~1 ms. */
export async function openRollbackTransaction(db: Database): Promise<OpenTransaction> {
  let release!: () => void;
  let opened!: (tx: Transaction) => void;
  const ready = new Promise<Transaction>((resolve) => {
    opened = resolve;
  });
  const finished = db
    .transaction(async (tx) => {
      opened(tx);
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      throw new RollbackSignal();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RollbackSignal)) throw error;
    });
  const tx = await Promise.race([
    ready,
    finished.then(() => Promise.reject(new Error('test transaction ended early'))),
  ]);
  return {
    tx,
    async rollback() {
      release();
      await finished;
    },
  };
}
