export { LoginPage } from './LoginPage';
export { ReloginPrompt } from './ReloginPrompt';
