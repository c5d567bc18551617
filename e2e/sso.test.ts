import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../src/web/server.js";
import { axeViolations, launchBrowser, startDemoServer } from "./browser.js";

// Single sign-on end to end: a real OpenID provider (oidc-provider, with its development login
// and consent pages) runs inside the test on a free port; Samråd is configured for it through the
// environment, as a municipality would configure Entra ID; Chromium signs in through it.
describe("signing in through the municipality's OpenID provider", () => {
  let idp: Server;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
    idp = createServer((req, res) => handler(req, res));
    await new Promise<void>((resolve) => idp.listen(0, "127.0.0.1", resolve));
    const issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
    server = await startDemoServer({
      SAMRAD_OIDC_ISSUER: issuer,
      SAMRAD_OIDC_CLIENT_ID: "samrad",
      SAMRAD_OIDC_CLIENT_SECRET: "en-hemlighet-bara-for-testet",
      SAMRAD_OIDC_LABEL: "Logga in med kommunens konto",
    });
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: "samrad",
          client_secret: "en-hemlighet-bara-for-testet",
          redirect_uris: [`${server.url}/sso/callback`],
          grant_types: ["authorization_code"],
          response_types: ["code"],
          token_endpoint_auth_method: "client_secret_post",
        },
      ],
      claims: { openid: ["sub"], email: ["email", "email_verified"] },
      // The development login takes any login name; here it is the person's e-mail address.
      findAccount: async (_ctx, id) => ({
        accountId: id,
        claims: async () => ({ sub: `konto-${id}`, email: id, email_verified: true }),
      }),
      cookies: { keys: ["nyckel-for-testets-cookies"] },
      features: { devInteractions: { enabled: true } },
    });
    handler = provider.callback();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await new Promise((resolve) => idp?.close(resolve));
  });

  async function signInAt(page: Page, login: string): Promise<void> {
    await page.goto(`${server.url}/logga-in`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("link", { name: "Logga in med kommunens konto" }).click();
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill("vad som helst");
    await page.getByRole("button", { name: "Sign-in" }).click();
    await page.getByRole("button", { name: "Continue" }).click();
  }

  it("signs in a person who has an account, by the e-mail the provider vouches for", async () => {
    const page = await (await browser.newContext()).newPage();
    await signInAt(page, "tove.gran@exempel.se");
    await page.getByRole("heading", { level: 1, name: "Översikt" }).waitFor();
    expect(new URL(page.url()).origin).toBe(server.url);
    expect(await page.locator(".site-header .account").innerText()).toContain("Tove Gran");
    expect(await axeViolations(page)).toEqual([]);
    // Tove coordinates Kultur- och fritidschefsnätverket: its draft minutes are hers to read.
    await page.goto(`${server.url}/moten`);
    expect(await page.locator("table.list").first().innerText()).toContain("Kultur- och fritidschefsnätverket");
    await page.goto(`${server.url}/konto`);
    expect(await page.locator("dl.facts").innerText()).toContain("kommunens inloggning");
  });

  it("gives a person in Samråd without an account one, linked to the provider", async () => {
    const page = await (await browser.newContext()).newPage();
    await signInAt(page, "bjorn.olofsson@exempel.se");
    await page.getByRole("heading", { level: 1, name: "Översikt" }).waitFor();
    expect(await page.locator(".site-header .account").innerText()).toContain("Björn Olofsson");
  });

  it("refuses someone the provider knows but Samråd does not, with a clear message", async () => {
    const page = await (await browser.newContext()).newPage();
    await signInAt(page, "okand.person@exempel.se");
    await page.getByText("det finns inget aktivt konto i Samråd för dig").waitFor();
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Logga in");
    expect(await page.locator(".site-header .account").innerText()).toBe("Logga in");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("refuses a callback that this browser did not start (a forged or replayed code)", async () => {
    const page = await (await browser.newContext()).newPage();
    const response = await page.goto(`${server.url}/sso/callback?code=stulen-kod&state=gissat`);
    expect(response?.status()).toBe(401);
    await page.getByText("startades i en annan webbläsare").waitFor();
    expect(await page.locator(".site-header .account").innerText()).toBe("Logga in");
  });
});
