import { loadConfig } from "../config.js";

/** SAMRAD_PUBLIC_URL without a trailing slash, for links in mail and calendars; undefined when unset or invalid. */
export function publicBaseUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  try {
    return loadConfig(env).publicUrl?.replace(/\/+$/, "");
  } catch {
    return undefined;
  }
}

/** "label: link" to a page of Samråd as lines for a mail, or none when no public address is configured. */
export function linkLines(label: string, path: string, baseUrl = publicBaseUrl()): string[] {
  return baseUrl ? [`${label}: ${baseUrl}${path}`] : [];
}

/** Whether outgoing mail goes to an SMTP server (else to the local mailbox page). */
export function smtpConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  try {
    return loadConfig(env).smtpUrl !== undefined;
  } catch {
    return false;
  }
}
