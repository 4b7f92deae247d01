/** What the server accepts as an account name (AccountName in src/contracts/admin.ts). */
export const ACCOUNT_PATTERN = /^[A-Za-z0-9_.@-]{2,64}$/;

/** What the server accepts as a phone number (Phone in src/contracts/admin.ts). */
export const PHONE_PATTERN = /^[+0-9 -]{5,20}$/;
