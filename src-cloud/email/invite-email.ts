import type { User } from '../../src-shared/domain/user';
import type { OutgoingEmail } from './mailer';

export function inviteEmail(
  user: Pick<User, 'name' | 'email'>,
  link: string,
  ttlMs: number,
): OutgoingEmail {
  const hours = Math.round(ttlMs / 3_600_000);
  return {
    to: user.email,
    subject: 'Your Showroom account: set your password',
    text: [
      `Hello ${user.name},`,
      '',
      'An account was created for you on Showroom. Set your password here:',
      '',
      link,
      '',
      `The link works once and expires in ${hours} hours. If you did not expect this email, ignore it.`,
    ].join('\n'),
  };
}
