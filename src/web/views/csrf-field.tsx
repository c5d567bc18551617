import { CSRF_FIELD } from "../csrf.js";

/** The hidden field every form that changes something must carry. */
export function CsrfField({ token }: { token: string | null }) {
  return token ? <input type="hidden" name={CSRF_FIELD} value={token} /> : null;
}
