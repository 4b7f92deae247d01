/** The accounts module's shapes, from the shared contract. */
export type { ActivateBody, ActivatedAccount, BulkAccountsBody, MemberAccount, SelfActivateBody, SetupStatus } from '../../../contracts/accounts';
