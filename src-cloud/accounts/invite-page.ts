import { MIN_PASSWORD_LENGTH } from './passwords';

/**
 * The page an invite link opens. The token is in the fragment (never sent to the server); the
 * form posts it with the new password to /v1/invites/accept. No framework: a form and a fetch.
 */
export function invitePage(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Showroom: set your password</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px system-ui,sans-serif;max-width:24rem;margin:4rem auto;padding:0 1rem}
input,button{font:inherit;width:100%;margin:.25rem 0 1rem;padding:.5rem;box-sizing:border-box}
#message{min-height:1.5rem}</style></head>
<body><h1>Set your password</h1>
<form id="form"><label>New password (at least ${MIN_PASSWORD_LENGTH} characters)
<input id="password" type="password" autocomplete="new-password" minlength="${MIN_PASSWORD_LENGTH}" required></label>
<button>Set password</button></form><p id="message" role="status"></p>
<script>
const token = new URLSearchParams(location.hash.slice(1)).get('token') || '';
const message = document.getElementById('message');
document.getElementById('form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const password = document.getElementById('password').value;
  const response = await fetch('/v1/invites/accept', {
    method: 'POST', headers: {'content-type': 'application/json'},
    body: JSON.stringify({ token, password }),
  });
  const body = await response.json().catch(() => ({}));
  message.textContent = response.ok
    ? 'Your password is set. Sign in to Showroom with your email and this password.'
    : (body.error && body.error.message) || 'Something went wrong; try again.';
  if (response.ok) history.replaceState(null, '', location.pathname);
});
</script></body></html>`;
}
