import 'server-only';
import type {} from 'next-auth/jwt';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { env } from '@/lib/env';
import { safeNextPath } from '@/lib/validation/auth';
import { clientIp } from './client-ip';
import { attemptLogin } from './login';
import { SESSION_MAX_SECONDS } from './policy';

declare module 'next-auth' {
  interface User {
    sessionId?: string;
  }
  interface Session {
    sid?: string;
  }
}
declare module 'next-auth/jwt' {
  interface JWT {
    sid?: string;
  }
}

export class AccountLockedError extends CredentialsSignin {
  code = 'locked';
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: env().AUTH_SECRET,
  trustHost: true,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_SECONDS },
  pages: { signIn: '/login', error: '/login' },
  providers: [
    Credentials({
      credentials: { username: { label: '账号' }, password: { label: '密码', type: 'password' } },
      async authorize(credentials, request) {
        const username = typeof credentials.username === 'string' ? credentials.username : '';
        const password = typeof credentials.password === 'string' ? credentials.password : '';
        const result = await attemptLogin(username, password, clientIp(request.headers));
        if (!result.ok) {
          if (result.reason === 'locked') throw new AccountLockedError();
          return null;
        }
        return { id: result.userId, name: result.username, sessionId: result.sessionId };
      },
    }),
  ],
  callbacks: {
    // next-auth's own redirects (callbackUrl) go through the same resolver as `/login?next=`: this site only.
    redirect({ url, baseUrl }) {
      const path = safeNextPath(url.startsWith(`${baseUrl}/`) ? url.slice(baseUrl.length) : url);
      return path ? `${baseUrl}${path}` : baseUrl;
    },
    // The token carries only the server-side session id: revocation and idle limits are checked in getActor().
    jwt({ token, user }) {
      if (user?.sessionId) token.sid = user.sessionId;
      return token;
    },
    session({ session, token }) {
      session.sid = token.sid;
      return session;
    },
  },
}));
