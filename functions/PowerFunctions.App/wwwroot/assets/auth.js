// Sign-in of the supervision centre. The page talks to a provider with three members:
//   current()  → {token, name, subject, roles, department} or null
//   signIn(…)  → the same, or throws an Error with a Chinese message
//   signOut()
// Development: PastedTokenSignIn, a token printed by the app's `token` command and pasted here, kept in this
// tab's sessionStorage only. Production: an OpenID Connect provider (authorization code + PKCE against the
// issuer configured as Auth:Authority, the token kept in memory) implements the same members and replaces
// it in createSignIn(); nothing else in the page changes. The server checks every token; the claims read
// here only label the screen.

const storageKey = 'pf.supervision.token';

export function createSignIn() {
  return new PastedTokenSignIn(sessionStorage);
}

class PastedTokenSignIn {
  constructor(storage) {
    this.storage = storage;
    this.kind = 'pasted-token';
  }

  current() {
    const token = this.storage.getItem(storageKey);
    return token ? describe(token) : null;
  }

  signIn(text) {
    const token = text.trim().replace(/^Bearer\s+/i, '');
    const session = describe(token);
    if (!session) throw new Error('这不是有效的访问令牌（应为三段以“.”分隔的 JWT）');
    this.storage.setItem(storageKey, token);
    return session;
  }

  signOut() {
    this.storage.removeItem(storageKey);
  }
}

/** The claims of a JWT (sub, name, roles, dept), unverified: for display only. */
function describe(token) {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  try {
    const json = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(parts[1].length / 4) * 4, '='));
    const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, c => c.charCodeAt(0))));
    const roles = Array.isArray(claims.roles) ? claims.roles : String(claims.roles ?? '').split(/[ ,]/).filter(Boolean);
    return { token, subject: claims.sub ?? '', name: claims.name ?? claims.sub ?? '', roles, department: claims.dept ?? '' };
  } catch {
    return null;
  }
}
