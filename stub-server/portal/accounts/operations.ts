import { registerAccount } from './register';
import { login, logout } from './login';
import { seedAccounts } from './seed';

export const accountOperations = [registerAccount, login, logout, seedAccounts];
