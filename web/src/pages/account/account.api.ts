/** The user's own account: two-step verification and sign-in history; the second step of signing in. */
import { typedApi, type Schema } from '../../api/client.ts';

export type SecondFactorStatus = Schema<'SecondFactorStatus'>;
export type TotpEnrolment = Schema<'TotpEnrolment'>;
export type LoginHistory = Schema<'LoginHistory'>;
export type LoginEvent = LoginHistory['items'][number];
export type SignedIn = Schema<'SignedIn'>;
export type SignInInfo = Schema<'SignInInfo'>;

export const accountApi = {
  enrolInChallenge: (challenge: string) =>
    typedApi.post('/api/auth/second-factor/enrol', { body: { challenge } }),
  finishSignIn: (challenge: string, answer: { code: string } | { recoveryCode: string }) =>
    typedApi.post('/api/auth/login/second-factor', { body: { challenge, ...answer } }),
  status: () => typedApi.get('/api/account/second-factor'),
  beginEnrol: () => typedApi.post('/api/account/second-factor/enrol'),
  confirmEnrol: (code: string) => typedApi.post('/api/account/second-factor/confirm', { body: { code } }),
  disable: (password: string) => typedApi.post('/api/account/second-factor/disable', { body: { password } }),
  logins: () => typedApi.get('/api/account/logins'),
  changePassword: (oldPassword: string, newPassword: string) =>
    typedApi.post('/api/auth/password', { body: { oldPassword, newPassword } }),
};
