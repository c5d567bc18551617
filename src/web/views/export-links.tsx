import type { MeetingState } from "../../db/schema.js";

/** Download links for a meeting: minutes (Markdown, Word, PDF), notice (Word, PDF) and the calendar file. */
export function ExportLinks({ meetingId, state }: { meetingId: number; state: MeetingState }) {
  const base = `/moten/${meetingId}`;
  const hasMinutes = state === "held" || state === "minutes_draft" || state === "approved";
  return (
    <section aria-labelledby="ladda-ner" class="downloads">
      <h2 id="ladda-ner">Ladda ner</h2>
      <ul>
        {hasMinutes && (
          <li>
            Anteckningar: <a href={`${base}/anteckningar.md`}>Markdown</a>,{" "}
            <a href={`${base}/anteckningar.docx`}>Word</a>, <a href={`${base}/anteckningar.pdf`}>PDF</a>
          </li>
        )}
        <li>
          Kallelse med dagordning: <a href={`${base}/kallelse.docx`}>Word</a>, <a href={`${base}/kallelse.pdf`}>PDF</a>
        </li>
        <li>
          <a href={`${base}/kalender.ics`}>Lägg till i kalendern (.ics)</a>
        </li>
      </ul>
    </section>
  );
}

/** Download links for a network's contact list. */
export function ContactListLinks({ slug }: { slug: string }) {
  return (
    <p class="downloads">
      Kontaktlista: <a href={`/natverk/${slug}/kontaktlista.docx`}>Word</a>,{" "}
      <a href={`/natverk/${slug}/kontaktlista.pdf`}>PDF</a>
    </p>
  );
}
