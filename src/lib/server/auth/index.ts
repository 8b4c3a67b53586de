export * from './roles.ts';
export { createAccount, listAccounts, updateAccount, findAccount, ensureDemoAccounts, toUser, DEMO_ACCOUNTS, DEMO_PASSWORD, type NewAccount, type AccountChange } from './accounts.ts';
export { userOfSession, createSession, endSession, SESSION_HOURS } from './sessions.ts';
export { login, logout, THROTTLE, type LoginResult } from './login.ts';
export { MIN_PASSWORD_LENGTH } from './passwords.ts';
