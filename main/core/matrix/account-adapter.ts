import type { MatrixClient } from 'matrix-js-sdk';
import type { MatrixAccount } from './matrix-account.ts';

/**
 * What every port adapter in this folder starts from: the account and its client. The
 * client stays here; the other areas only ever see the port an adapter implements.
 */
export abstract class AccountAdapter {
  protected readonly account: MatrixAccount;
  protected readonly client: MatrixClient;

  constructor(account: MatrixAccount, client: MatrixClient) {
    this.account = account;
    this.client = client;
  }

  get userId(): string {
    return this.account.userId;
  }
}
