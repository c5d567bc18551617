import type { Network } from "../db/schema.js";
import { fingerprint } from "../domain/fingerprint.js";

/** The part of a network its edit form changes. */
export function networkDetailsOf(n: Network) {
  return { name: n.name, kind: n.kind, parent_id: n.parent_id, status: n.status, purpose: n.purpose };
}

/** The fingerprint the network form carries. */
export function networkBase(n: Network): string {
  return fingerprint(networkDetailsOf(n));
}
