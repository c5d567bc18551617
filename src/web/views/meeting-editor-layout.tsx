import type { ComponentChildren } from "preact";
import type { MeetingState } from "../../db/schema.js";
import { formatDateLong } from "../../domain/dates.js";
import { StateBadge } from "./components.js";
import { Layout } from "./layout.js";

/** The pages of a meeting's workspace, in the order a coordinator uses them. */
export const EDITOR_TABS = [
  { key: "details", path: "uppgifter", label: "Uppgifter" },
  { key: "agenda", path: "dagordning", label: "Dagordning" },
  { key: "attendance", path: "narvaro", label: "Närvaro" },
  { key: "minutes", path: "anteckningar", label: "Anteckningar" },
  { key: "submitted", path: "inskickade", label: "Inskickade punkter" },
] as const;

/** Which workspace page is shown. */
export type EditorTab = (typeof EDITOR_TABS)[number]["key"];

/** Short confirmations shown after a successful save (the key travels in ?klart=). */
export const NOTICES = {
  sparat: "Ändringarna är sparade.",
  planerat: "Mötet är planerat. Bygg dagordningen nedan.",
  punkter: "Punkterna är tillagda på dagordningen.",
  kallelse: "Kallelsen är publicerad och skickas med e-post till nätverkets medlemmar.",
  genomfort: "Mötet är markerat som genomfört.",
  utkast: "Anteckningarna är sparade som utkast.",
  justerat: "Anteckningarna är justerade och kan inte längre ändras. De skickas som PDF till nätverkets medlemmar.",
  rattelse: "Anteckningarna är öppnade för rättelse som en ny version.",
  beslut: "Beslutet är registrerat.",
  uppdrag: "Uppdraget är registrerat.",
  bilaga: "Filen är bifogad.",
  stangt: "Uppdraget är markerat som klart.",
  installt: "Mötet är inställt. Hade kallelsen gått ut får medlemmarna beskedet med e-post.",
  inskickad: "Tack! Punkten är inskickad till samordnaren.",
  staende: "Den stående punkten är skapad och föreslås från nästa möte.",
  forhinder: "Ditt förhinder är anmält. Samordnaren ser det i närvaron.",
  "forhinder-tillbaka": "Förhindret är borttaget.",
  tema: "Nästa tema är registrerat och föreslås på det mötets dagordning.",
  plan: "Verksamhetsplanen är sparad.",
  "tema-borttaget": "Temaområdet är borttaget ur planen.",
  ordforande: "Den nya ordföranden är utsedd; den tidigare fortsätter som medlem.",
  importerat: "Protokollet är importerat.",
  "importerat-ersatt":
    "Protokollet är importerat och ersatte en tidigare import av samma möte (den finns kvar som en version).",
  "importerat-oforandrat": "Dokumentet var redan importerat; mötet är oförändrat.",
  omrostning: "Omröstningen är skapad. Skicka länken till medlemmarna eller påminn dem härifrån.",
  svar: "Tack! Dina svar är sparade. Du kan ändra dem så länge omröstningen är öppen.",
  moten: "Mötena är skapade och omröstningen är stängd.",
  placerad: "Punkten är lagd på dagordningen.",
  uppskjuten: "Punkten är uppskjuten och avsändaren har fått beskedet.",
} as const;

/** A key of NOTICES. */
export type NoticeKey = keyof typeof NOTICES;

/** The confirmation key in ?klart=, when it is one the pages know. */
export function noticeFrom(query: unknown): NoticeKey | undefined {
  const key = (query as { klart?: unknown } | undefined)?.klart;
  return typeof key === "string" && Object.hasOwn(NOTICES, key) ? (key as NoticeKey) : undefined;
}

/** A confirmation line, announced politely to screen readers. */
export function Notice({ notice }: { notice: NoticeKey | undefined }) {
  return notice ? (
    <p class="notice ok" role="status">
      {NOTICES[notice]}
    </p>
  ) : null;
}

/** The frame of a meeting's workspace pages: heading, state, tabs between the pages, confirmation. */
export function MeetingEditorLayout(props: {
  meeting: { id: number; date: string; state: MeetingState; networkName: string; networkSlug: string };
  tab: EditorTab;
  title: string;
  notice?: NoticeKey | undefined;
  scripts?: string[];
  children: ComponentChildren;
}) {
  const { meeting } = props;
  return (
    <Layout
      title={`${props.title} – ${meeting.networkName} ${meeting.date}`}
      active="meetings"
      crumbs={[
        { href: "/natverk", label: "Nätverk" },
        { href: `/natverk/${meeting.networkSlug}`, label: meeting.networkName },
        { href: `/moten/${meeting.id}`, label: `Möte ${meeting.date}` },
      ]}
    >
      <h1>
        {props.title}
        <span class="subtitle">
          {meeting.networkName}, {formatDateLong(meeting.date)} <StateBadge state={meeting.state} />
        </span>
      </h1>
      <nav aria-label="Arbeta med mötet" class="tabs">
        <ul>
          {EDITOR_TABS.map((t) => (
            <li key={t.key}>
              <a href={`/moten/${meeting.id}/${t.path}`} aria-current={t.key === props.tab ? "page" : undefined}>
                {t.label}
              </a>
            </li>
          ))}
          <li>
            <a href={`/moten/${meeting.id}`}>Visa mötet</a>
          </li>
        </ul>
      </nav>
      <Notice notice={props.notice} />
      {props.children}
      {props.scripts?.map((s) => (
        <script key={s} type="module" src={`/assets/${s}`} />
      ))}
    </Layout>
  );
}
