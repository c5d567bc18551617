// Fictional networks and people for the demo: every name here is made up.
import type { MembershipRole, NetworkKind } from "../db/schema.js";
import { emailLocalPart } from "../domain/slug.js";

/** A made-up person and the municipality they work for. */
export type DemoPerson = { key: string; name: string; municipality: string; title: string; email: string };

const person = (key: string, name: string, municipality: string, title: string): DemoPerson => ({
  key,
  name,
  municipality,
  title,
  email: `${emailLocalPart(name)}@exempel.se`,
});

/** About 25 people across the eleven municipalities, plus two coordinators. */
export const DEMO_PEOPLE: DemoPerson[] = [
  person("ab", "Astrid Bergqvist", "Bjuv", "Kultur- och fritidschef"),
  person("ok", "Olle Kvarnström", "Båstad", "Kultur- och fritidschef"),
  person("sn", "Sanna Nyholm", "Helsingborg", "Kulturdirektör"),
  person("jh", "Jonas Hallin", "Höganäs", "Kultur- och fritidschef"),
  person("mf", "Maja Fröberg", "Klippan", "Fritidschef"),
  person("rl", "Rasmus Lindqvist", "Landskrona", "Kultur- och fritidschef"),
  person("ew", "Elin Wahlgren", "Perstorp", "Kultur- och fritidschef"),
  person("pd", "Petra Dahlin", "Svalöv", "Kultur- och fritidschef"),
  person("ts", "Tobias Strand", "Åstorp", "Kultur- och fritidschef"),
  person("lo", "Lena O'Brien", "Ängelholm", "Kultur- och fritidschef"),
  person("hn", "Hugo Nordin", "Örkelljunga", "Kultur- och fritidschef"),
  person("kb", "Karin Blom", "Svalöv", "Kultur- och fritidschef"),
  person("fe", "Frida Ek", "Båstad", "Kultur- och fritidschef"),
  person("is", "Ingela Sjöberg", "Helsingborg", "Bibliotekschef"),
  person("gm", "Gustav Mårtensson", "Landskrona", "Bibliotekschef"),
  person("va", "Vera Andersson", "Ängelholm", "Bibliotekschef"),
  person("bo", "Björn Olofsson", "Klippan", "Miljöchef"),
  person("cl", "Cecilia Lund", "Helsingborg", "Miljödirektör"),
  person("dm", "David Malm", "Höganäs", "Miljöchef"),
  person("ny", "Nora Ygberg", "Bjuv", "Miljöchef"),
  person("ss", "Stina Svedberg", "Åstorp", "Miljöchef"),
  person("aj", "Ahmed Jabari", "Landskrona", "Miljöchef"),
  person("ml", "Mira Lööf", "Örkelljunga", "Digitaliseringsstrateg"),
  person("wk", "Wilhelm Kron", "Helsingborg", "Digitaliseringschef"),
  person("ev", "Ebba Vik", "Perstorp", "IT-chef"),
  person("yh", "Yusuf Hassan", "Ängelholm", "Digitaliseringschef"),
  person("tg", "Tove Gran", "Familjen Helsingborg", "Planeringsledare"),
  person("ar", "Alva Rydén", "Familjen Helsingborg", "Samordnare"),
  person("sl", "Saga Ljungberg", "Familjen Helsingborg", "Handläggare, sekretariatet"),
];

/** The demo's shared password: for the fictional demo accounts only, printed when the demo loads. */
export const DEMO_PASSWORD = "samrad-demo-2025";

/** Demo people who get accounts, so each role can be tried: secretariat admin, coordinator, chair, members. */
export const DEMO_ACCOUNTS: { person: string; admin: boolean; what: string }[] = [
  { person: "sl", admin: true, what: "sekretariatet (administratör)" },
  { person: "tg", admin: false, what: "samordnare för Kultur- och fritidschefsnätverket och Biblioteksgruppen" },
  { person: "ab", admin: false, what: "ordförande i Kultur- och fritidschefsnätverket" },
  { person: "cl", admin: false, what: "ordförande i Miljöchefsnätverket (ett annat nätverk)" },
  { person: "ml", admin: false, what: "medlem i Nätverket för digital utveckling" },
];

/** A membership with a start and, for those who left, an end relative to the demo's first year. */
export type DemoMembership = {
  person: string;
  role: MembershipRole;
  /** years after the first demo year and month (1-12) when the membership started */
  from: [number, number];
  to?: [number, number];
};

/** Topics discussed in a network, with what a meeting might decide or assign about them. */
export type DemoTopic = { title: string; notes: string; decision?: string; action?: string };

/** A fictional network with its members, rhythm and topics. */
export type DemoNetwork = {
  key: string;
  name: string;
  kind: NetworkKind;
  parent?: string;
  /** approved minutes readable without signing in */
  publishMinutes?: boolean;
  purpose: string;
  location: string;
  meetingsPerYear: number;
  standing: string[];
  members: DemoMembership[];
  representations?: { person: string; body: string }[];
  topics: DemoTopic[];
  /** this year's plan: goals, how the network meets, theme areas with their owners (person keys) */
  plan?: { goals: string; organisation: string; themes: { title: string; description: string; owners: string[] }[] };
};

const all = (keys: string[], role: MembershipRole = "member"): DemoMembership[] =>
  keys.map((person) => ({ person, role, from: [0, 1] }));

/** Three networks and one sub-network. */
export const DEMO_NETWORKS: DemoNetwork[] = [
  {
    key: "kf",
    name: "Kultur- och fritidschefsnätverket",
    kind: "network",
    purpose:
      "Nätverket samlar kultur- och fritidscheferna i de elva kommunerna för erfarenhetsutbyte, gemensamma satsningar och omvärldsbevakning.",
    location: "Stadshuset i Höganäs, sal Kajen",
    meetingsPerYear: 8,
    standing: ["Föregående anteckningar", "Läget i kommunerna", "Övrigt"],
    members: [
      { person: "ab", role: "chair", from: [0, 1] },
      { person: "sn", role: "chair", from: [0, 1], to: [1, 6] },
      { person: "lo", role: "chair", from: [1, 7] },
      ...all(["jh", "mf", "rl", "ew", "ts", "hn"]),
      { person: "ok", role: "member", from: [0, 1], to: [0, 8] },
      { person: "fe", role: "member", from: [0, 9] },
      { person: "pd", role: "member", from: [0, 1], to: [1, 3] },
      { person: "kb", role: "member", from: [1, 4] },
      { person: "sn", role: "member", from: [1, 7] },
      { person: "tg", role: "coordinator", from: [0, 1] },
    ],
    plan: {
      goals:
        "- Fler unga i föreningslivet i alla elva kommuner\n- En gemensam modell för föreningsbidrag\n- Ett kulturutbud som når hela familjen",
      organisation:
        "Åtta möten per år, växelvis i kommunerna och digitalt. Ordförandeskapet roterar årsvis; samordnaren skriver anteckningarna.",
      themes: [
        {
          title: "Unga och fritid",
          description: "Mötesplatser och lovaktiviteter för 10–15-åringar.",
          owners: ["jh", "mf"],
        },
        {
          title: "Tillgänglig kultur",
          description: "Bibliotek, kulturskola och evenemang för dem som inte hittar dit i dag.",
          owners: ["rl", "ew"],
        },
        {
          title: "Bidragsregler för föreningar",
          description: "Jämföra kommunernas regler och pröva en gemensam modell.",
          owners: ["ts", "hn"],
        },
      ],
    },
    representations: [
      { person: "sn", body: "Kulturrådet Skåne" },
      { person: "jh", body: "Regionala idrottsforumet" },
    ],
    topics: [
      {
        title: "Sommarlovsaktiviteter",
        notes: "Genomgång av årets sommarlovsaktiviteter. Flera kommuner ser ett ökat deltagande bland 10–12-åringar.",
        decision: "att ta fram en gemensam sammanställning av sommarlovsaktiviteterna inför nästa år",
        action: "sammanställer kommunernas underlag till nästa möte",
      },
      {
        title: "Gemensamt kulturkort",
        notes:
          "Dialog om ett gemensamt kulturkort för unga i familjen. Frågor om finansiering och administration kvarstår.",
        decision: "att en arbetsgrupp utreder ett gemensamt kulturkort",
        action: "bjuder in ekonomerna till ett gemensamt möte",
      },
      {
        title: "Föreningsbidrag",
        notes:
          "Jämförelse av kommunernas regler för föreningsbidrag. Skillnaderna är stora när det gäller lokalbidrag.",
        action: "skickar ut jämförelsen till nätverket",
      },
      {
        title: "Biblioteksgruppen rapporterar",
        notes: "Biblioteksgruppen berättar om arbetet med gemensam medieförsörjning och läsfrämjande insatser.",
      },
      {
        title: "Idrottshallar och lokalförsörjning",
        notes: "Flera kommuner har brist på hallar. Dialog om att dela tider över kommungränser.",
        decision: "att undersöka möjligheten att boka hallar i grannkommuner",
      },
      {
        title: "Verksamhetsplan",
        notes: "Förslag till verksamhetsplan med fyra temaområden presenterades.",
        decision: "att anta verksamhetsplanen",
      },
      {
        title: "Kulturskolan",
        notes: "Kulturskolornas köer växer. Nätverket diskuterar gemensam kompetensutveckling för pedagoger.",
        action: "kontaktar kulturskolecheferna om en gemensam utbildningsdag",
      },
      {
        title: "Fritidsgårdarnas öppettider",
        notes: "Kommunerna jämför öppettider och bemanning på fritidsgårdarna under helger.",
      },
    ],
  },
  {
    key: "bib",
    name: "Biblioteksgruppen",
    kind: "subnetwork",
    parent: "kf",
    purpose: "Bibliotekscheferna samarbetar om medieförsörjning, läsfrämjande och gemensamma e-tjänster.",
    location: "Teamsmöte",
    meetingsPerYear: 4,
    standing: ["Föregående anteckningar", "Rapport till kultur- och fritidschefsnätverket"],
    members: [
      { person: "is", role: "chair", from: [0, 1] },
      ...all(["gm", "va"]),
      { person: "ew", role: "member", from: [0, 1] },
      { person: "tg", role: "coordinator", from: [0, 1] },
    ],
    topics: [
      {
        title: "Gemensam e-boksupphandling",
        notes: "Avtalet för e-böcker löper ut. Gruppen diskuterar en gemensam upphandling.",
        decision: "att föreslå en gemensam upphandling av e-böcker",
        action: "tar fram ett underlag om volymer och kostnader",
      },
      {
        title: "Läsfrämjande för unga",
        notes: "Erfarenheter av bokcirklar och lovläsning i kommunerna.",
      },
      {
        title: "Meröppna bibliotek",
        notes: "Tre kommuner har meröppet. Säkerhet och bemanning diskuteras.",
        action: "samlar in kommunernas rutiner för meröppet",
      },
    ],
  },
  {
    key: "mi",
    name: "Miljöchefsnätverket",
    kind: "network",
    publishMinutes: true,
    purpose: "Miljöcheferna samordnar tillsyn, delar kompetens och tar fram gemensamma ställningstaganden.",
    location: "Miljöförvaltningen i Helsingborg, Drottninggatan 2",
    meetingsPerYear: 6,
    standing: ["Föregående anteckningar", "Läget i kommunerna", "Övrigt"],
    members: [
      { person: "cl", role: "chair", from: [0, 1] },
      ...all(["bo", "dm", "ny", "aj"]),
      { person: "ss", role: "member", from: [0, 1], to: [1, 2] },
      { person: "ts", role: "substitute", from: [1, 3] },
      { person: "ar", role: "coordinator", from: [0, 1] },
    ],
    representations: [{ person: "cl", body: "Miljösamverkan Skåne" }],
    topics: [
      {
        title: "Gemensam tillsynsplan för förorenade områden",
        notes: "Dialog om att samordna tillsynen av förorenade områden. Resurserna skiljer sig mycket åt.",
        decision: "att ta fram en gemensam tillsynsplan för förorenade områden",
        action: "samordnar en arbetsgrupp för tillsynsplanen",
      },
      {
        title: "Taxor och avgifter",
        notes: "Jämförelse av timavgifter för tillsyn. Flera kommuner ser över sina taxor inför nästa år.",
        action: "sammanställer kommunernas taxor",
      },
      {
        title: "Rekrytering av miljöinspektörer",
        notes: "Svårt att rekrytera erfarna inspektörer. Förslag om gemensam traineeplats.",
        decision: "att undersöka en gemensam traineetjänst",
      },
      {
        title: "Klimatanpassning",
        notes: "Information om länsstyrelsens arbete med klimatanpassning och skyfallskartering.",
      },
    ],
  },
  {
    key: "dig",
    name: "Nätverket för digital utveckling",
    kind: "network",
    purpose: "Nätverket driver gemensamma digitaliseringsfrågor och delar lösningar mellan kommunerna.",
    location: "Teamsmöte",
    meetingsPerYear: 5,
    standing: ["Föregående anteckningar", "Övrigt"],
    members: [
      { person: "wk", role: "chair", from: [0, 1] },
      ...all(["ml", "ev", "yh"]),
      { person: "ar", role: "coordinator", from: [0, 1] },
    ],
    topics: [
      {
        title: "E-tjänsteplattform",
        notes: "Erfarenheter av kommunernas e-tjänsteplattformar. Intresse för gemensam förvaltning.",
        decision: "att kartlägga kommunernas e-tjänsteplattformar",
        action: "skickar ut en enkät om plattformarna",
      },
      {
        title: "AI i handläggning",
        notes: "Dialog om riktlinjer för generativ AI. Frågor om dataskydd och informationssäkerhet.",
        action: "tar fram ett utkast till gemensamma riktlinjer",
      },
      {
        title: "Informationssäkerhet",
        notes: "Genomgång av incidentrapportering och gemensam övning.",
      },
    ],
  },
];
