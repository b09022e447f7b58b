import { registerAccount } from './register';
import { login, logout } from './login';

export const accountOperations = [registerAccount, login, logout];
