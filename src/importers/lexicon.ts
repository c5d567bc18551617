import { u } from "./regex.js";
// The words minutes are built from, in one place, so the parsing code holds rules and not
// vocabulary. Swedish first (the documents are Swedish), with the English equivalents that
// show up in mixed networks. All patterns are matched against text with Markdown markers removed.

/** Headings that open a roster block, and the attendance status the block gives its people. */
export const ROSTER_HEADINGS: Array<{ re: RegExp; status: "present" | "absent" | "guest" }> = [
  {
    re: /^(?:ej|inte|icke)\s+närvarande(?:\s+\p{L}+){0,3}$|^(?:frånvarande|frånvaro|förhinder|anmält förhinder|anmälda förhinder|anmäld frånvaro)(?:\s+\p{L}+){0,3}$|^(?:absent|apologies|not present|absentees|regrets)$/iu,
    status: "absent",
  },
  {
    re: /^(?:övriga(?:\s+(?:närvarande|deltagare|medverkande|inbjudna))?|övriga närvarande från \p{L}+|gäster|gäst|inbjudna|inbjuden|adjungerade|adjungerad|medverkande|guests?|also present|others present|in attendance|invited)$/iu,
    status: "guest",
  },
  {
    re: /^(?:närvarande(?:\s+[\p{L}-]+){0,3}|deltagare|deltagande|ledamöter|närvarande ledamöter|medlemmar|present|participants|attendees|attending|members present|members)$/iu,
    status: "present",
  },
];

/** A plural group noun ("Socialchefer", "Skolchefer") can head a roster of present members. */
export const GROUP_NOUN_HEADING = /^\p{Lu}[\p{L}-]{3,}(?:er|ar|or)$/u;

/** The line that starts the notes themselves: a marker, not an agenda item. */
export const NOTES_MARKER =
  /^(?:minnesanteckningar|mötesanteckningar|anteckningar|protokoll|noteringar|notes|minutes|meeting notes)(?:\s+från\s+mötet)?$/iu;

/** Words before the network name in a title line ("Minnesanteckningar Socialchefs nätverket"). */
export const TITLE_PREFIX =
  /^(?:minnesanteckningar|mötesanteckningar|anteckningar|protokoll|minutes|notes)(?:\s+(?:från|för|vid|of|from))?\s*[:–—-]?\s*/iu;

/** "Dagordning": an agenda listed before the notes, which repeats the item titles. */
export const AGENDA_HEADING = /^(?:dagordning|föredragningslista|agenda)$/iu;

/** Header fields: label and what it holds. */
export const HEADER_FIELDS: Array<{
  re: RegExp;
  field: "datetime" | "date" | "time" | "place" | "next" | "link" | "other";
}> = [
  {
    re: /^(?:datum\s+och\s+tid|datum\s*(?:&|\/)\s*tid|tid\s+och\s+datum|date\s+and\s+time|när)$/iu,
    field: "datetime",
  },
  { re: /^(?:datum|mötesdatum|date)$/iu, field: "date" },
  { re: /^(?:tid|klockan|time)$/iu, field: "time" },
  {
    re: /^(?:plats\s+och\s+lokal|plats\s*(?:&|\/)\s*lokal|plats|lokal|mötesplats|var|place|location|venue)$/iu,
    field: "place",
  },
  { re: /^(?:nästa\s+möte|nästa\s+träff|next\s+meeting)$/iu, field: "next" },
  {
    re: /^(?:länk(?:\s+till\s+mötet)?|möteslänk|teams-?länk|zoom-?länk|mötesrum|meeting\s+link|link|online)$/iu,
    field: "link",
  },
  // Header lines that say something about the meeting but are not part of the draft.
  { re: /^(?:justerare|justeras\s+av|ordförande|chair|sekreterare|ärende|diarienummer|dnr)$/iu, field: "other" },
];

/** The note-taker's signature: "Vid tangenterna / Linda Macke" and its relatives. */
export const SIGNATURE = u(
  /^(?:vid\s+tangenterna|vid\s+pennan|antecknat\s+av|antecknare|sekreterare|mötessekreterare|minutes\s+taken\s+by|notes\s+taken\s+by|note[- ]?taker|minute[- ]?taker)\b\s*[:/,–—-]?\s*(.*)$/iu,
);

/** Lines after which nothing belongs to an item any more (signatures of the adjusters). */
export const END_OF_NOTES = u(/^(?:justeras|justerat|justerare|underskrifter|signatures)\b/iu);

/** Sentence openings that say who brought an item ("Ärende från X"). */
export const RAISED_BY =
  /^(?:ärenden?|fråga|frågor|återkoppling|information|inspel|rapport|punkt|anmält ärende|question|item|feedback|report)\s+(?:från|av|from|by)\s+/iu;

/** Phrases that move an item to a later meeting. */
export const POSTPONED = u(
  /\b(?:(?:flyttas|skjuts|senareläggs|förs)\s+(?:över\s+)?(?:fram\s+)?till\s+(?:nästa|nästkommande|kommande|ett\s+senare)|punkten\s+(?:utgick|utgår|ströks|stryks)|(?:hanns|hinns|hanns\s+tyvärr|hinns\s+tyvärr)\s+inte\s+med|bordl[äa]gg?s|bordlag[dt]|bordlades|bordläggning|postponed|deferred|moved\s+to\s+the\s+next\s+meeting)/iu,
);

/** Prepositions that make a following name an object, never a subject. */
export const PREPOSITIONS = new Set([
  "till",
  "med",
  "från",
  "av",
  "för",
  "om",
  "hos",
  "enligt",
  "via",
  "åt",
  "på",
  "i",
  "kring",
  "mot",
  "utan",
  "genom",
  "bland",
  "inför",
  "under",
  "efter",
  "före",
  "vid",
  "än",
  "to",
  "with",
  "from",
  "by",
  "for",
  "of",
  "at",
  "than",
  "about",
  "and",
  "eller",
]);

/** Adverbs that may stand between a subject and its verb ("KJ bjuder också in"). */
export const SUBJECT_ADVERBS = new Set([
  "också",
  "även",
  "sedan",
  "då",
  "själv",
  "själva",
  "gärna",
  "direkt",
  "snarast",
  "vidare",
  "nu",
  "därefter",
  "också,",
  "tillsammans",
  "gemensamt",
  "also",
  "then",
]);

/**
 * Present-tense verbs (and verb + particle) that, said of a named person, state a task: the
 * person will do it. Narrative verbs ("berättar", "introducerar", "arbetar") are left out on
 * purpose: minutes tell what happened in the present tense too.
 */
export const ACTION_VERBS = u(
  /^(?:skickar|mejlar|mailar|e-postar|kontaktar|vidarebefordrar|sammanställer|bjuder|kallar|sammankallar|meddelar|bokar|ordnar|förbereder|undersöker|utreder|kollar|ser\s+över|stämmer\s+av|återkopplar|återkommer|uppdaterar|påminner|sprider|distribuerar|samlar\s+in|ringer|hör\s+av|skriver|tar\s+fram|tar\s+kontakt|tar\s+med|tar\s+reda|gör\s+(?:ett\s+|en\s+)?utskick|sätter\s+ihop|lägger\s+(?:ut|upp|in)|planerar|arrangerar|organiserar|beställer|följer\s+upp|bevakar|fördelar|datumsätter|tillfrågar|frågar|informerar\s+\p{L}+\s+om|sends|contacts|forwards|prepares|invites|circulates|emails)\b/iu,
);

/** Verbs that state a task only when a later meeting or a deadline is named with them. */
export const WEAK_ACTION_VERBS = u(
  /^(?:lyfter|tar\s+upp|presenterar|berättar|informerar|redovisar|visar|rapporterar|återrapporterar|går\s+igenom|ansvarar)\b/iu,
);

/** A verb followed by these reports what someone said rather than giving them a task. */
export const REPORTING_COMPLEMENT = u(/^(?:att|om|hur|vad|när|var|vilka|vilket|that)\b/iu);

/** Constructions that give a named person a task whatever the verb. */
export const TASK_CONSTRUCTIONS = u(
  /^(?:får\s+(?:i\s+)?uppdrag(?:et)?|fick\s+(?:i\s+)?uppdrag(?:et)?|ges\s+(?:i\s+)?uppdrag(?:et)?|tar\s+på\s+sig|åtar\s+sig|ansvarar\s+för\s+att|håller\s+i|är\s+sammankallande|is\s+asked\s+to|is\s+responsible\s+for|agreed\s+to)\b/iu,
);

/** Modal verbs of the future: "X ska skicka", "X kommer att skicka", "kommer X förbereda". */
export const MODALS = u(/^(?:ska|skall|kommer\s+att|kommer|will|shall)\b/iu);

/** Infinitives after a modal that state a plan or a fact, not a task. */
export const NON_TASK_INFINITIVES = u(
  /^(?:vara|ha|bli|finnas|få(?!\s+i\s+uppdrag)|behöva|kunna|gå\s+i\s+pension|sluta)\b/iu,
);

/** A later meeting or a deadline in a sentence: makes weak verbs into tasks. */
export const FUTURE_MARKER = u(
  /\b(?:(?:till|inför|på|vid|under|efter|innan)\s+(?:nästa|nästkommande|kommande)|senast|till\s+den\s+\d|före\s+den\s+\d|by\s+the\s+next|before\s+the\s+next|next\s+meeting)\b/iu,
);

/** "… beslutar X att" / "beslutades att": a decision stated in running text. */
export const DECISION_IN_TEXT = u(
  /\b(?:(?<active>beslutar|beslutade|beslöt|bestämmer|bestämde|enas|enades)\s+(?<subject>(?:[\p{L}-]+\s+){0,3}?)(?:om\s+)?att\b|(?:beslutas|beslutades|bestämdes|bestäms)\s+(?:det\s+)?att\b)/iu,
);

/** Subjects whose decisions are the network's own (not another body's). */
export const OWN_DECISION_SUBJECT =
  /^(?:|vi|man|det|nätverket|gruppen|mötet|socialcheferna|cheferna|deltagarna|medlemmarna|ledamöterna|styrgruppen|arbetsgruppen|alla|samtliga|\p{L}*nätverket|\p{L}*gruppen|\p{L}*cheferna)$/iu;

/** Abbreviations whose period does not end a sentence. */
export const ABBREVIATIONS = new Set([
  "t.ex",
  "tex",
  "bl.a",
  "bla",
  "ca",
  "cirka",
  "kl",
  "ev",
  "pga",
  "p.g.a",
  "dvs",
  "d.v.s",
  "s.k",
  "sk",
  "m.fl",
  "mfl",
  "fr.o.m",
  "t.o.m",
  "resp",
  "jfr",
  "ang",
  "inkl",
  "exkl",
  "nr",
  "tel",
  "st",
  "ordf",
  "bitr",
  "e.g",
  "i.e",
  "vs",
  "mr",
  "mrs",
  "dr",
  "ref",
  "sid",
  "s",
  "kap",
  "prop",
  "jan",
  "feb",
  "aug",
  "sept",
  "okt",
  "nov",
  "dec",
  "forts",
]);

/** Words that begin a one-line note rather than a heading ("Läggs till handlingarna"). */
export const BODY_LINE_START = u(
  /^(?:\p{L}+(?:eras|ades|erades|ats|ogs|äggs|änns|ålls|örs)|läggs|tas|ges|ses|noteras|godkänns|godkändes|antas|inget|ingen|inga|till\s+handlingarna|se\s+bilaga|ej\s+aktuellt|enligt\s+bilaga)\b/iu,
);

/** Roles and titles ("Planeringsledare", "Förbundschef Medelpunkten"): a value, never a name. */
export const ROLE_WORD = u(
  /(?:chef|ledare|konsulent|samordnare|sekreterare|handläggare|strateg|ordförande|direktör|rådgivare|utredare|specialist|ansvarig|assistent|controller|ekonom|jurist|administratör|koordinator|representant|utvecklare|planerare|inspektör|rektor|kurator|psykolog|sjuksköterska|kommunikatör|analytiker|projektledare|verksamhetschef|enhetschef|manager|coordinator|director|officer|advisor|consultant|secretary|head|lead)(?:en|er)?\b/iu,
);

const words = (list: string) =>
  list
    .split(",")
    .map((p) => p.trim().toLowerCase())
    .filter(Boolean);

/** Sweden's 290 municipalities (lower case). */
export const SWEDISH_MUNICIPALITIES = new Set(
  words(`
Bjuv, Båstad, Helsingborg, Höganäs, Klippan, Landskrona, Perstorp, Svalöv, Åstorp, Ängelholm,
Örkelljunga, Bromölla, Burlöv, Eslöv, Hässleholm, Hörby, Höör, Kristianstad, Kävlinge, Lomma, Lund,
Malmö, Osby, Simrishamn, Sjöbo, Skurup, Staffanstorp, Svedala, Tomelilla, Trelleborg, Vellinge, Ystad,
Östra Göinge, Botkyrka, Danderyd, Ekerö, Haninge, Huddinge, Järfälla, Lidingö, Nacka, Norrtälje,
Nykvarn, Nynäshamn, Salem, Sigtuna, Sollentuna, Solna, Stockholm, Sundbyberg, Södertälje, Tyresö, Täby,
Upplands Väsby, Upplands-Bro, Vallentuna, Vaxholm, Värmdö, Österåker, Enköping, Heby, Håbo, Knivsta,
Tierp, Uppsala, Älvkarleby, Östhammar, Eskilstuna, Flen, Gnesta, Katrineholm, Nyköping, Oxelösund,
Strängnäs, Trosa, Vingåker, Boxholm, Finspång, Kinda, Linköping, Mjölby, Motala, Norrköping,
Söderköping, Vadstena, Valdemarsvik, Ydre, Åtvidaberg, Ödeshög, Aneby, Eksjö, Gislaved, Gnosjö, Habo,
Jönköping, Mullsjö, Nässjö, Sävsjö, Tranås, Vaggeryd, Vetlanda, Värnamo, Alvesta, Lessebo, Ljungby,
Markaryd, Tingsryd, Uppvidinge, Växjö, Älmhult, Borgholm, Emmaboda, Hultsfred, Högsby, Kalmar,
Mönsterås, Mörbylånga, Nybro, Oskarshamn, Torsås, Vimmerby, Västervik, Gotland, Karlshamn, Karlskrona,
Olofström, Ronneby, Sölvesborg, Falkenberg, Halmstad, Hylte, Kungsbacka, Laholm, Varberg, Ale,
Alingsås, Bengtsfors, Bollebygd, Borås, Dals-Ed, Essunga, Falköping, Färgelanda, Grästorp, Gullspång,
Göteborg, Götene, Herrljunga, Hjo, Härryda, Karlsborg, Kungälv, Lerum, Lidköping, Lilla Edet, Lysekil,
Mariestad, Mark, Mellerud, Munkedal, Mölndal, Orust, Partille, Skara, Skövde, Sotenäs, Stenungsund,
Strömstad, Svenljunga, Tanum, Tibro, Tidaholm, Tjörn, Tranemo, Trollhättan, Töreboda, Uddevalla,
Ulricehamn, Vara, Vårgårda, Vänersborg, Åmål, Öckerö, Arvika, Eda, Filipstad, Forshaga, Grums, Hagfors,
Hammarö, Karlstad, Kil, Kristinehamn, Munkfors, Storfors, Sunne, Säffle, Torsby, Årjäng, Askersund,
Degerfors, Hallsberg, Hällefors, Karlskoga, Kumla, Laxå, Lekeberg, Lindesberg, Ljusnarsberg, Nora,
Örebro, Arboga, Fagersta, Hallstahammar, Kungsör, Köping, Norberg, Sala, Skinnskatteberg, Surahammar,
Västerås, Avesta, Borlänge, Falun, Gagnef, Hedemora, Leksand, Ludvika, Malung-Sälen, Mora, Orsa,
Rättvik, Smedjebacken, Säter, Vansbro, Älvdalen, Bollnäs, Gävle, Hofors, Hudiksvall, Ljusdal,
Nordanstig, Ockelbo, Ovanåker, Sandviken, Söderhamn, Härnösand, Kramfors, Sollefteå, Sundsvall, Timrå,
Ånge, Örnsköldsvik, Berg, Bräcke, Härjedalen, Krokom, Ragunda, Strömsund, Åre, Östersund, Bjurholm,
Dorotea, Lycksele, Malå, Nordmaling, Norsjö, Robertsfors, Skellefteå, Sorsele, Storuman, Umeå,
Vilhelmina, Vindeln, Vännäs, Åsele, Arjeplog, Arvidsjaur, Boden, Gällivare, Haparanda, Jokkmokk, Kalix,
Kiruna, Luleå, Pajala, Piteå, Älvsbyn, Överkalix, Övertorneå
`),
);

/** Bodies the Familjen Helsingborg networks meet with, and the abbreviations minutes use (lower case). */
const KNOWN_ORGANISATIONS = new Set(
  words(`Region Skåne, Familjen Helsingborg, Medelpunkten, Kommunförbundet Skåne, SKR, SKL, Hbg, Hgb`),
);

/** A roster value that is one of these is a place or a body, never a person or a role. */
export const KNOWN_PLACES = new Set([...SWEDISH_MUNICIPALITIES, ...KNOWN_ORGANISATIONS]);

/** First words of organisation names ("Region Halland", "Kommunförbundet Skåne"). */
export const ORGANISATION_PREFIX = u(
  /^(?:region|landstinget|kommunförbundet|förbundet|familjen|stiftelsen|föreningen|kommunen|staden|länsstyrelsen|socialstyrelsen|försäkringskassan|arbetsförmedlingen|polisen|skolverket)\b/iu,
);

/** Words that are never the first word of a person's name on a roster or in a sentence. */
export const NOT_NAME_WORDS = new Set(
  [
    "det",
    "den",
    "de",
    "vi",
    "man",
    "alla",
    "nätverket",
    "gruppen",
    "kommunerna",
    "kommunen",
    "regionen",
    "nästa",
    "till",
    "inför",
    "efter",
    "under",
    "enligt",
    "från",
    "på",
    "i",
    "och",
    "att",
    "som",
    "beslut",
    "ärende",
    "fråga",
    "måndag",
    "tisdag",
    "onsdag",
    "torsdag",
    "fredag",
    "lördag",
    "söndag",
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
    "välkommen",
    "sammanfattning",
    "kommentar",
    "förslag",
    "dialog",
    "övrigt",
    "övriga",
    "punkten",
    "frågan",
    "save",
  ].map((w) => w.toLowerCase()),
);

/** Verbs of telling: followed by "att"/"om" they report, otherwise they are a task. */
export const COMMUNICATION = u(/^(?:meddelar|informerar|frågar|skriver)\b/iu);

/** Words that open a sentence with a time, pushing the subject behind the verb ("Till nästa träff sammanställer Linda"). */
export const FRONTED = u(
  /^(?:till|inför|innan|efter|före|senast|under|på|vid|snarast|därefter|sedan|then|by|before)\b/iu,
);

/** Words before a date that make it a deadline. */
export const DEADLINE_WORD = u(/\b(?:till|senast|före|innan|inför|by|until|before|deadline)\b/iu);

/** "till nästa möte": a deadline that is the next meeting. */
export const NEXT_MEETING_REF = u(
  /\b(?:till|inför|på|vid|until|by|before)\s+(?:nästa|nästkommande|kommande|the\s+next)\s+(?:möte|träff|nätverksmöte|sammanträde|meeting)\b/iu,
);

/** "Beslut:", "Beslut att", "Decision:": a sentence that states a decision. */
export const DECISION_LABEL = u(
  /^(?:beslut|beslutet|decision|decided|resolved)\s*(?::\s*|[–—-]\s+|\s+(?=att\b|that\b|to\b))/iu,
);

/** The next meeting of the network itself ("nästa möte", not "nästa regionala möte"). */
export const NEXT_MEETING = u(
  /\b(?:nästa|nästkommande|kommande)\s+(?:möte|träff|nätverksmöte|sammanträde)\b|\bnext\s+meeting\b/giu,
);

/** The chair mark on a roster line: "(ordf.)", "ordförande", "(chair)". */
export const CHAIR = u(/\s*[,(]?\s*\b(?:ordf\.?|ordförande|chair(?:person)?)(?:\s*\))?\s*(?=$|[,\t)])/iu);
